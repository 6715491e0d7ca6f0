'use strict';
/*
 * Starts the built API (dist/) and the bare node:http server as child processes, optionally under
 * --cpu-prof, and stops them by their own pid. Kept apart from scripts/bench/lib/api-process.js on
 * purpose: this runs the worktree's dist/ as it is (no snapshot) and knows the bare server.
 */
const { spawn } = require('node:child_process');
const fs = require('node:fs');
const net = require('node:net');
const path = require('node:path');
const { BENCH_RATE_LIMIT } = require('../bench/lib/api-process');
const { PausableChild } = require('../bench/lib/pausable-child');

const REPO = path.resolve(__dirname, '../..');
const API_MAIN = path.join(REPO, 'dist/apps/api/apps/api/src/main.js');
const DOMAIN_SERIALS = path.join(REPO, 'dist/apps/api/libs/domain/src/serials');
const BARE_MAIN = path.join(__dirname, 'bare-server.js');
const ADMIN_API_KEY = 'profile-admin-key-0123456789abcdef';

const sleep = (ms) => new Promise((resolve) => setTimeout(resolve, ms));

function freePort() {
  return new Promise((resolve, reject) => {
    const server = net.createServer();
    server.unref();
    server.on('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address();
      server.close(() => resolve(port));
    });
  });
}

class ChildServer extends PausableChild {
  constructor(name, child, port) {
    super(child);
    this.name = name;
    this.port = port;
    this.baseUrl = `http://127.0.0.1:${port}`;
    this.logs = [];
    this.exited = new Promise((resolve) => child.once('exit', (code, signal) => resolve({ code, signal })));
    const keep = (chunk) => {
      this.logs.push(String(chunk));
      if (this.logs.length > 200) this.logs.shift();
    };
    child.stdout.on('data', keep);
    child.stderr.on('data', keep);
  }

  /** User + system CPU of the process so far, µs (Linux /proc, USER_HZ 100). */
  cpuMicros() {
    try {
      const stat = fs.readFileSync(`/proc/${this.child.pid}/stat`, 'utf8');
      const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
      return ((Number(fields[11]) + Number(fields[12])) * 1e6) / 100;
    } catch {
      return NaN;
    }
  }

  async stop() {
    if (!this.alive()) return this.exited;
    this.resume();
    this.child.kill('SIGTERM');
    const timer = setTimeout(() => this.child.kill('SIGKILL'), 30_000);
    const result = await this.exited;
    clearTimeout(timer);
    return result;
  }
}

async function waitUntil(server, urlPath, timeoutMs) {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    if (server.child.exitCode !== null) throw new Error(`${server.name} exited with code ${server.child.exitCode}\n${server.logs.join('').slice(-3000)}`);
    try {
      const res = await fetch(`${server.baseUrl}${urlPath}`);
      if (res.ok) return;
    } catch {
      /* not listening yet */
    }
    if (Date.now() > deadline) throw new Error(`${server.name} did not answer ${urlPath}\n${server.logs.join('').slice(-3000)}`);
    await sleep(100);
  }
}

const profileFlags = (cpuProfDir, intervalMicros) =>
  cpuProfDir ? ['--cpu-prof', `--cpu-prof-dir=${cpuProfDir}`, `--cpu-prof-interval=${intervalMicros}`] : [];

/** The built API on a SQLite file, as issue 18 runs it (rate limits off, LOG_LEVEL=warn). */
/**
 * env.PROFILE_API_MAIN runs another build's API (e.g. a worktree of the commit before a change, built),
 * so that `PROFILE_VARIANT_ENV='PROFILE_API_MAIN=<path>'` compares two builds side by side.
 */
async function startApi(sqlitePath, { cpuProfDir, intervalMicros = 500, env = {} } = {}) {
  const main = env.PROFILE_API_MAIN ?? API_MAIN;
  if (!fs.existsSync(main)) throw new Error(`${main} is missing: npm run build`);
  const port = await freePort();
  const child = spawn(process.execPath, [...profileFlags(cpuProfDir, intervalMicros), main], {
    cwd: path.resolve(path.dirname(main), '../../../../../..'),
    env: {
      ...process.env,
      SQLITE_PATH: sqlitePath,
      PORT: String(port),
      ADMIN_API_KEY,
      RATE_LIMIT_PER_MINUTE: BENCH_RATE_LIMIT,
      LOG_LEVEL: 'warn',
      DATABASE_URL: '',
      REDIS_URL: '',
      // Stops in about a second (no drain wait for the client's idle keep-alive sockets), so the
      // main thread's --cpu-prof file is written before stop() would have to kill it.
      SHUTDOWN_GRACE_MS: '1000',
      ...env,
    },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  const api = new ChildServer('api', child, port);
  try {
    await waitUntil(api, '/health/live', 60_000);
  } catch (error) {
    await api.stop();
    throw error;
  }
  return api;
}

async function startBare({ cpuProfDir, intervalMicros = 500 } = {}) {
  const port = await freePort();
  const child = spawn(process.execPath, [...profileFlags(cpuProfDir, intervalMicros), BARE_MAIN], {
    cwd: REPO,
    env: { ...process.env, PORT: String(port) },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  const bare = new ChildServer('bare', child, port);
  await waitUntil(bare, '/', 10_000);
  return bare;
}

module.exports = { startApi, startBare, ADMIN_API_KEY, DOMAIN_SERIALS, REPO };
