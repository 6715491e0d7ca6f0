#!/usr/bin/env node
'use strict';
/*
 * Does a busy CPU slow down the other one on this machine, even when the busy process runs under
 * SCHED_IDLE (as the worker app does)? A thread pinned to CPU 0 spins reading the clock and adds
 * up the time it did not run (gaps over 0.2 ms), alone and then with a SCHED_IDLE busy loop pinned
 * to CPU 1, in alternating rounds. Inside one kernel the two cannot touch each other, so any
 * difference comes from below it (the hypervisor). Linux only (taskset, chrt from util-linux).
 *
 *   node scripts/bench/vcpu-interference.js [rounds=6] [seconds=4]
 */
const { spawn, spawnSync } = require('node:child_process');

const ROUNDS = Number(process.argv[2] ?? 6);
const SECONDS = Number(process.argv[3] ?? 4);

const PROBE = `
const limit = ${SECONDS} * 1e9, t0 = process.hrtime.bigint(); let last = t0; const gaps = [];
for (;;) { const now = process.hrtime.bigint(); const g = Number(now - last); if (g > 200000) gaps.push(g / 1e6); last = now; if (now - t0 > limit) break; }
console.log(JSON.stringify(gaps));`;
const SPIN = `const end = Date.now() + ${SECONDS + 1} * 1000; let x = 0; while (Date.now() < end) x += Math.sqrt(x + 1);`;

function probe() {
  const run = spawnSync('taskset', ['-c', '0', process.execPath, '-e', PROBE], { encoding: 'utf8' });
  if (run.status !== 0) throw new Error(`probe failed: ${run.stderr}`);
  return JSON.parse(run.stdout);
}

function summary(label, gapsPerRound) {
  const all = gapsPerRound.flat().sort((a, b) => b - a);
  const lostMsPerSecond = all.reduce((n, g) => n + g, 0) / (gapsPerRound.length * SECONDS);
  const over1PerSecond = all.filter((g) => g > 1).length / (gapsPerRound.length * SECONDS);
  return `${label}: ${lostMsPerSecond.toFixed(2)} ms lost per second, ${over1PerSecond.toFixed(2)} gaps > 1 ms per second, worst ${all.slice(0, 5).map((g) => g.toFixed(1)).join(' / ')} ms`;
}

async function main() {
  const alone = [];
  const beside = [];
  for (let round = 0; round < ROUNDS; round++) {
    alone.push(probe());
    const spinner = spawn('taskset', ['-c', '1', 'chrt', '-i', '0', process.execPath, '-e', SPIN], { stdio: 'ignore' });
    await new Promise((resolve) => setTimeout(resolve, 300));
    beside.push(probe());
    await new Promise((resolve) => spinner.on('exit', resolve));
  }
  console.log(`${ROUNDS} rounds of ${SECONDS} s, a spinning thread on CPU 0:`);
  console.log(summary('  CPU 1 idle              ', alone));
  console.log(summary('  CPU 1 busy (SCHED_IDLE)', beside));
}

main().catch((error) => {
  console.error(error);
  process.exit(1);
});
