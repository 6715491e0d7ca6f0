'use strict';
const { spawn } = require('node:child_process');
const fs = require('node:fs');
const { ApiProcess } = require('./api-process');

const sleep = (ms) => new Promise((resolve) => setTimeout(resolve, ms));
const stateOf = (pid) => fs.readFileSync(`/proc/${pid}/stat`, 'utf8').split(') ')[1][0];
/** Polls (a loaded machine may take a while to schedule the child that must take the signal). */
async function eventually(check, timeoutMs = 5_000) {
  const deadline = Date.now() + timeoutMs;
  while (!check() && Date.now() < deadline) await sleep(20);
  return check();
}

/**
 * A child that spins (so its CPU time grows while it runs) and exits cleanly on SIGTERM; resolves once
 * its handler is installed (on a loaded machine a child's start takes a while).
 */
async function spinner() {
  const child = spawn(
    process.execPath,
    ['-e', "process.on('SIGTERM', () => process.exit(0)); setInterval(() => { const until = Date.now() + 5; while (Date.now() < until); }, 5); process.stdout.write('ready');"],
    { stdio: ['ignore', 'pipe', 'ignore'] },
  );
  await new Promise((resolve) => child.stdout.once('data', resolve));
  return new ApiProcess(child, 0, []);
}

describe('ApiProcess pause/resume (the bench measures one API at a time)', () => {
  it('a paused process gets no CPU until resumed, and resumes spending it', async () => {
    const api = await spinner();
    try {
      await sleep(300);
      api.pause();
      expect(await eventually(() => stateOf(api.child.pid) === 'T')).toBe(true);
      const pausedAt = api.cpuMicros();
      await sleep(400);
      expect(api.cpuMicros()).toBe(pausedAt);
      api.resume();
      expect(await eventually(() => stateOf(api.child.pid) !== 'T' && api.cpuMicros() > pausedAt)).toBe(true);
    } finally {
      await api.stop();
    }
  });

  it('stop() ends a paused process with SIGTERM (it is resumed first), well before the SIGKILL fallback', async () => {
    const api = await spinner();
    await sleep(200);
    api.pause();
    const started = Date.now();
    await api.stop();
    expect(Date.now() - started).toBeLessThan(5_000);
    expect(await api.exited).toEqual({ code: 0, signal: null });
  });

  it('pause and resume are no-ops once the process has exited', async () => {
    const api = await spinner();
    await api.stop();
    expect(() => {
      api.pause();
      api.resume();
    }).not.toThrow();
    expect(api.paused).toBe(false);
  });
});
