#!/usr/bin/env node
'use strict';
/*
 * npm run start:cluster: API_PROCESSES API processes sharing one port (node:cluster: the primary
 * accepts and hands connections round-robin, so a load balancer or user sees one address) and
 * WORKERS BullMQ worker processes, against one PostgreSQL (DATABASE_URL) and one Redis (REDIS_URL).
 * A child that dies is started again after a backoff; SIGTERM/SIGINT go to every child and the
 * primary exits once they all have. No pm2: systemd (docs/deployment.md) supervises the primary.
 */
const cluster = require('node:cluster');
const { existsSync } = require('node:fs');
const { join } = require('node:path');
const { planCluster, nextBackoffMs } = require('./cluster-plan');

const ROOT = join(__dirname, '..', '..');
const MAIN = {
  api: join(ROOT, 'dist/apps/api/apps/api/src/main.js'),
  worker: join(ROOT, 'dist/apps/worker/apps/worker/src/main.js'),
};
/** A child that ran this long before dying starts again at the first backoff step. */
const HEALTHY_AFTER_MS = 30_000;
const SHUTDOWN_TIMEOUT_MS = Number(process.env.CLUSTER_SHUTDOWN_TIMEOUT_MS || 30_000);

const log = (fields) => process.stdout.write(JSON.stringify({ level: 'info', component: 'cluster', ...fields }) + '\n');
const fail = (message) => {
  process.stderr.write(`start:cluster refused: ${message}\n`);
  process.exit(1);
};

const plan = planCluster(process.env);
if (!plan.ok) fail(plan.message);
for (const [role, file] of Object.entries(MAIN)) {
  if (existsSync(file)) continue;
  if (role === 'worker' && plan.workers === 0) continue;
  fail(`${file} is missing: run \`npm run build\` first`);
}

/** One slot per process the cluster keeps running; a restart reuses the slot (and its backoff). */
const slots = [
  ...Array.from({ length: plan.apiProcesses }, (_, i) => ({ role: 'api', index: i })),
  ...Array.from({ length: plan.workers }, (_, i) => ({ role: 'worker', index: i })),
].map((slot) => ({ ...slot, child: null, backoffMs: 0, startedAt: 0, timer: null }));
let stopping = false;

function start(slot) {
  slot.timer = null;
  if (stopping) return;
  cluster.setupPrimary({ exec: MAIN[slot.role] });
  const child = cluster.fork({ CLUSTER_ROLE: slot.role });
  slot.child = child;
  slot.startedAt = Date.now();
  log({ msg: 'child started', role: slot.role, slot: slot.index, pid: child.process.pid });
  child.once('exit', (code, signal) => {
    slot.child = null;
    if (stopping) return afterShutdownExit();
    slot.backoffMs = Date.now() - slot.startedAt >= HEALTHY_AFTER_MS ? nextBackoffMs(0) : nextBackoffMs(slot.backoffMs);
    log({ level: 'warn', msg: 'child exited, restarting', role: slot.role, slot: slot.index, pid: child.process.pid, code, signal, restartInMs: slot.backoffMs });
    slot.timer = setTimeout(() => start(slot), slot.backoffMs);
  });
}

function afterShutdownExit() {
  if (slots.some((slot) => slot.child)) return;
  log({ msg: 'all children exited' });
  process.exit(0);
}

function shutdown(signal) {
  if (stopping) return;
  stopping = true;
  log({ msg: 'stopping', signal });
  for (const slot of slots) {
    clearTimeout(slot.timer);
    slot.child?.process.kill('SIGTERM');
  }
  setTimeout(() => {
    for (const slot of slots) slot.child?.process.kill('SIGKILL');
    log({ level: 'error', msg: `children still running after ${SHUTDOWN_TIMEOUT_MS} ms were killed` });
    process.exit(1);
  }, SHUTDOWN_TIMEOUT_MS).unref();
  afterShutdownExit();
}

process.on('SIGTERM', () => shutdown('SIGTERM'));
process.on('SIGINT', () => shutdown('SIGINT'));

// The first API process runs the migrations and creates the signing keys alone; the others start
// once it listens, so no two processes migrate one schema or write the first key at once.
const [first, ...rest] = slots;
let othersStarted = false;
cluster.on('listening', () => {
  if (othersStarted) return;
  othersStarted = true;
  log({ msg: 'first API process listening, starting the others', port: plan.port, apiProcesses: plan.apiProcesses, workers: plan.workers });
  rest.forEach(start);
});
start(first);
