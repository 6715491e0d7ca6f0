'use strict';
/** What start:cluster will run, from the environment; pure so the refusals are unit-tested. */

const DEFAULTS = { API_PROCESSES: 2, WORKERS: 1 };
const BACKOFF = { firstMs: 500, maxMs: 30_000 };

function count(env, name, min) {
  const raw = env[name];
  if (raw === undefined || raw === '') return { ok: true, value: DEFAULTS[name] };
  if (!/^\d{1,3}$/.test(raw) || Number(raw) < min) return { ok: false, message: `${name} must be a whole number from ${min} to 999 (got "${raw}")` };
  return { ok: true, value: Number(raw) };
}

/** { ok, apiProcesses, workers, port } or { ok: false, message } naming the variable to change. */
function planCluster(env) {
  const api = count(env, 'API_PROCESSES', 1);
  if (!api.ok) return api;
  const workers = count(env, 'WORKERS', 0);
  if (!workers.ok) return workers;
  const onSqlite = !env.DATABASE_URL;
  if (onSqlite && api.value > 1) {
    return {
      ok: false,
      message:
        `API_PROCESSES=${api.value} on SQLite: SQLite allows one writer process, and the API's group commit and checkpointer assume it is the only one. ` +
        'Set DATABASE_URL=postgres://… for several API processes, or API_PROCESSES=1 (or plain `npm start`).',
    };
  }
  if (workers.value > 0 && !env.REDIS_URL) {
    return {
      ok: false,
      message: `WORKERS=${workers.value} without REDIS_URL: workers take their jobs from BullMQ on Redis. Set REDIS_URL=redis://…, or WORKERS=0 (each API process then runs its jobs in-process).`,
    };
  }
  return { ok: true, apiProcesses: api.value, workers: workers.value, port: Number(env.PORT || 3000) };
}

/** Doubles from 500 ms up to 30 s, so a child that crashes at start does not spin. */
function nextBackoffMs(previousMs) {
  return previousMs <= 0 ? BACKOFF.firstMs : Math.min(previousMs * 2, BACKOFF.maxMs);
}

module.exports = { planCluster, nextBackoffMs };
