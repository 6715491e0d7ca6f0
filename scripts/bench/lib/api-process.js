'use strict';
/*
 * Starts the built API (dist/) as a child process on a free port and stops it again; likewise the
 * worker app (BullMQ consumer, for the PDF scenario). Only processes started here are ever
 * signalled, by their own pid.
 */
const { spawn } = require('node:child_process');
const fs = require('node:fs');
const net = require('node:net');
const path = require('node:path');

const os = require('node:os');
const { PausableChild } = require('./pausable-child');

const REPO = path.resolve(__dirname, '../../..');
const API_REL = 'apps/api/apps/api/src/main.js';
const CLI_REL = 'apps/cli/apps/cli/src/main.js';
const WORKER_REL = 'apps/worker/apps/worker/src/main.js';
const APPS = ['api', 'cli', 'worker'];
const DOMAIN_SERIALS_REL = 'apps/api/libs/domain/src/serials';
const PDF_DATABASE_REL = 'apps/api/libs/persistence/src/certificate-pdfs/sqlite-certificate-pdf-database';

/*
 * Another engineer may run `npm run build` (which deletes and rewrites dist/) while the bench
 * runs. The bench therefore runs a private snapshot of dist/apps/{api,cli,worker}, copied once dist/ has
 * been quiet for a few seconds; node_modules resolve through a symlink next to it.
 */
let snapshot = null;

function fingerprint(root) {
  const entries = [];
  const walk = (dir) => {
    for (const entry of fs.readdirSync(dir, { withFileTypes: true })) {
      const full = path.join(dir, entry.name);
      if (entry.isDirectory()) walk(full);
      else {
        const st = fs.statSync(full);
        entries.push(`${full}:${st.size}:${st.mtimeMs}`);
      }
    }
  };
  try {
    for (const app of APPS) walk(path.join(root, 'apps', app));
  } catch {
    return null; // mid-rebuild
  }
  return entries.sort().join('\n');
}

/** Copies a stable dist/ into a temporary directory (once); returns that directory. */
async function distSnapshot(timeoutMs = 300_000) {
  if (snapshot) return snapshot;
  const dist = path.join(REPO, 'dist');
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    if (Date.now() > deadline) throw new Error('dist/ never became stable (missing or being rebuilt): run npm run build');
    const before = [API_REL, CLI_REL, WORKER_REL].every((rel) => fs.existsSync(path.join(dist, rel))) ? fingerprint(dist) : null;
    if (!before) {
      await sleep(1000);
      continue;
    }
    await sleep(3000);
    if (fingerprint(dist) !== before) continue;
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'registry-bench-dist-'));
    for (const app of APPS) fs.cpSync(path.join(dist, 'apps', app), path.join(dir, 'dist/apps', app), { recursive: true });
    fs.symlinkSync(path.join(REPO, 'node_modules'), path.join(dir, 'node_modules'), 'dir');
    if (fingerprint(dist) === before && fs.existsSync(path.join(dir, 'dist', API_REL))) {
      snapshot = dir;
      process.on('exit', () => fs.rmSync(dir, { recursive: true, force: true }));
      return dir;
    }
    fs.rmSync(dir, { recursive: true, force: true }); // changed while copying: try again
  }
}

async function distFile(rel) {
  return path.join(await distSnapshot(), 'dist', rel);
}
const ADMIN_API_KEY = 'bench-admin-key-0123456789abcdef';

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

const sleep = (ms) => new Promise((resolve) => setTimeout(resolve, ms));


/**
 * The rate limits on, as a deployment runs them, but too high to refuse the bench's one client
 * address: their per-request cost is part of every figure.
 */
const BENCH_RATE_LIMIT = '1000000000';

/** `extra`: e.g. REDIS_URL + REDIS_PREFIX (jobs through BullMQ), worker knobs. */
function apiEnv(sqlitePath, port, extra = {}) {
  const env = {
    ...process.env,
    SQLITE_PATH: sqlitePath,
    PORT: String(port),
    ADMIN_API_KEY,
    RATE_LIMIT_PER_MINUTE: BENCH_RATE_LIMIT,
    LOG_LEVEL: 'warn',
    DATABASE_URL: '',
    REDIS_URL: '',
    ...extra,
  };
  if (!port) delete env.PORT;
  return env;
}

class ApiProcess extends PausableChild {
  constructor(child, port, logs) {
    super(child);
    this.port = port;
    this.baseUrl = `http://127.0.0.1:${port}`;
    this.logs = logs;
    this.exited = new Promise((resolve) => child.once('exit', (code, signal) => resolve({ code, signal })));
  }

  /** User + system CPU time of the API process so far, in microseconds (Linux /proc). */
  cpuMicros() {
    try {
      const stat = fs.readFileSync(`/proc/${this.child.pid}/stat`, 'utf8');
      const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
      const ticks = Number(fields[11]) + Number(fields[12]); // utime, stime (fields 14, 15)
      return (ticks * 1e6) / 100; // USER_HZ is 100 on Linux
    } catch {
      return NaN;
    }
  }

  /** Bytes the API process caused to be written to storage so far (Linux /proc/<pid>/io write_bytes). */
  writeBytes() {
    try {
      const io = fs.readFileSync(`/proc/${this.child.pid}/io`, 'utf8');
      return Number(/^write_bytes:\s*(\d+)/m.exec(io)?.[1] ?? NaN);
    } catch {
      return NaN;
    }
  }

  async stop() {
    if (!this.alive()) return;
    this.resume();
    this.child.kill('SIGTERM');
    const timer = setTimeout(() => this.child.kill('SIGKILL'), 10_000);
    await this.exited;
    clearTimeout(timer);
  }
}

/** Spawns the API and resolves once /health/live answers (migrations have run by then). */
async function startApi(sqlitePath, { attempts = 3, env = {} } = {}) {
  let lastError;
  for (let attempt = 1; attempt <= attempts; attempt++) {
    const apiMain = await distFile(API_REL);
    const port = await freePort();
    const logs = [];
    // BENCH_CPU_PROF=<dir>: V8 CPU profile of each API process (written when it stops), see cpuprofile-summary.js.
    const profile = process.env.BENCH_CPU_PROF ? ['--cpu-prof', `--cpu-prof-dir=${path.resolve(process.env.BENCH_CPU_PROF)}`] : [];
    // BENCH_API_NODE_FLAGS: extra node flags for the API process only (e.g. a V8 heap setting under test).
    const flags = (process.env.BENCH_API_NODE_FLAGS ?? '').split(' ').filter(Boolean);
    const child = spawn(process.execPath, [...flags, ...profile, apiMain], { cwd: REPO, env: apiEnv(sqlitePath, port, env), stdio: ['ignore', 'pipe', 'pipe'] });
    const keep = (chunk) => {
      logs.push(String(chunk));
      if (logs.length > 200) logs.shift();
    };
    child.stdout.on('data', keep);
    child.stderr.on('data', keep);
    const api = new ApiProcess(child, port, logs);
    try {
      await waitUntilLive(api, 60_000);
      return api;
    } catch (error) {
      await api.stop();
      lastError = new Error(`API did not start (attempt ${attempt}): ${error.message}\n${logs.join('').slice(-4000)}`);
      await sleep(2000);
    }
  }
  throw lastError;
}

async function waitUntilLive(api, timeoutMs) {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    if (api.child.exitCode !== null) throw new Error(`exited with code ${api.child.exitCode}`);
    try {
      const res = await fetch(`${api.baseUrl}/health/live`);
      if (res.ok) return;
    } catch {
      /* not listening yet */
    }
    if (Date.now() > deadline) throw new Error('timed out waiting for /health/live');
    await sleep(100);
  }
}

/**
 * Spawns the worker app on the same SQLite file (`env` must carry REDIS_URL and REDIS_PREFIX);
 * `ready()` (e.g. "the queue sees one more worker") decides when it has started. Same handle as
 * the API (cpuMicros, writeBytes, stop), without a port.
 */
async function startWorker(sqlitePath, env, { ready, timeoutMs = 60_000 }) {
  const workerMain = await distFile(WORKER_REL);
  const logs = [];
  const profile = process.env.BENCH_CPU_PROF ? ['--cpu-prof', `--cpu-prof-dir=${path.resolve(process.env.BENCH_CPU_PROF)}`] : [];
  const child = spawn(process.execPath, [...profile, workerMain], { cwd: REPO, env: apiEnv(sqlitePath, 0, env), stdio: ['ignore', 'pipe', 'pipe'] });
  const keep = (chunk) => {
    logs.push(String(chunk));
    if (logs.length > 200) logs.shift();
  };
  child.stdout.on('data', keep);
  child.stderr.on('data', keep);
  const worker = new ApiProcess(child, 0, logs);
  worker.baseUrl = null;
  const deadline = Date.now() + timeoutMs;
  try {
    for (;;) {
      if (child.exitCode !== null) throw new Error(`exited with code ${child.exitCode}`);
      if (await ready()) return worker;
      if (Date.now() > deadline) throw new Error('timed out waiting for the worker to connect');
      await sleep(50);
    }
  } catch (error) {
    await worker.stop();
    throw new Error(`worker did not start: ${error.message}\n${logs.join('').slice(-4000)}`);
  }
}

/**
 * The bare node:http server issue 18 measures against (scripts/profile/bare-server.js: a constant
 * JSON body, nothing else), with the same handle as the API (baseUrl, cpuMicros, writeBytes, stop).
 */
async function startBare() {
  const port = await freePort();
  const logs = [];
  const child = spawn(process.execPath, [path.join(REPO, 'scripts/profile/bare-server.js')], { cwd: REPO, env: { ...process.env, PORT: String(port) }, stdio: ['ignore', 'pipe', 'pipe'] });
  child.stdout.on('data', (chunk) => logs.push(String(chunk)));
  child.stderr.on('data', (chunk) => logs.push(String(chunk)));
  const bare = new ApiProcess(child, port, logs);
  await waitUntilLive(bare, 10_000);
  return bare;
}

/** Runs `registry ledger verify` (the CLI) against the database; resolves to its JSON output. */
async function verifyLedger(sqlitePath) {
  const cliMain = await distFile(CLI_REL);
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [cliMain, 'ledger', 'verify'], {
      cwd: REPO,
      env: apiEnv(sqlitePath, 0),
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let out = '';
    let err = '';
    child.stdout.on('data', (c) => (out += c));
    child.stderr.on('data', (c) => (err += c));
    child.on('error', reject);
    child.on('exit', (code) => {
      const line = out.trim().split('\n').pop() ?? '';
      try {
        resolve({ exitCode: code, ...JSON.parse(line) });
      } catch {
        reject(new Error(`ledger verify printed no JSON (exit ${code}): ${out}${err}`));
      }
    });
  });
}

module.exports = { BENCH_RATE_LIMIT, ApiProcess, startApi, startBare, startWorker, verifyLedger, distSnapshot, distFile, DOMAIN_SERIALS_REL, PDF_DATABASE_REL, ADMIN_API_KEY, REPO };
