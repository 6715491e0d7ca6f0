'use strict';
/*
 * Certificate PDF scenario (BENCH_SCENARIOS=pdf). The API runs with REDIS_URL set, so each
 * retirement enqueues a `certificate-pdf` job to BullMQ (a private REDIS_PREFIX) and the worker app,
 * on the same SQLite file, renders it.
 *
 * 1. Throughput of one worker process: with no worker running, N retirements leave N jobs waiting;
 *    then a worker with WORKER_CONCURRENCY=c starts and renders them. PDFs/s = N ÷ (last job's
 *    finishedOn − first job's processedOn), from BullMQ's own timestamps (start-up excluded).
 * With noiseCheck (BENCH_PDF_NOISE_CHECK=1) the "rendering" rounds keep the queue paused too: an
 * idle-vs-idle run whose ratios show how far this machine's own noise moves them.
 * 2. Retirement latency at a fixed, evenly paced offered rate (measurePaced; 0 = autocannon at
 *    saturation), in pairs of rounds, one of each phase in an order a seeded coin picks: worker idle
 *    (queue paused, no job active) vs worker rendering the backlog (queue resumed; the backlog
 *    never runs dry, which is checked and reported).
 */
const { Queue } = require('bullmq');
const Database = require('better-sqlite3');
const { randomBytes } = require('node:crypto');
const { startWorker, distFile, PDF_DATABASE_REL } = require('./api-process');
const { measure, measurePaced } = require('./load');
const { seededRandom } = require('./bootstrap');

const PHASE_ORDER_SEED = 6;

const sleep = (ms) => new Promise((resolve) => setTimeout(resolve, ms));

function redisEnvironment(redisUrl) {
  const prefix = `bench-pdf-${randomBytes(4).toString('hex')}`;
  // PDF latency measured, not the limits (with REDIS_URL a Redis round trip per request).
  return { REDIS_URL: redisUrl, REDIS_PREFIX: prefix, RATE_LIMIT_PER_MINUTE: '0' };
}

function openQueue(redisUrl, prefix) {
  const url = new URL(redisUrl);
  return new Queue('registry', { connection: { host: url.hostname, port: Number(url.port || 6379), maxRetriesPerRequest: null }, prefix });
}

async function waitFor(what, predicate, timeoutMs) {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    if (await predicate()) return;
    if (Date.now() > deadline) throw new Error(`timed out (${timeoutMs} ms) waiting for ${what}`);
    await sleep(50);
  }
}

/** `count` retirements through the API, one after the other; their certificate numbers. */
async function retire(api, retireScenario, count) {
  const numbers = [];
  for (let i = 0; i < count; i++) {
    const { path, body } = retireScenario.nextRequest();
    const res = await fetch(`${api.baseUrl}${path}`, { method: 'POST', headers: retireScenario.headers, body });
    const json = await res.json();
    if (res.status !== 201 || !json.certificateNumber) throw new Error(`retirement for the PDF backlog: ${res.status} ${JSON.stringify(json).slice(0, 300)}`);
    numbers.push(json.certificateNumber);
  }
  return numbers;
}

async function startCountedWorker(run, queue, env) {
  const before = await queue.getWorkersCount();
  return startWorker(run.sqlitePath, env, { ready: async () => (await queue.getWorkersCount()) > before });
}

/** One throughput round: a backlog of `count` PDFs, then one worker with `concurrency` renders it. */
async function throughputRound(run, queue, env, { concurrency, count }) {
  const numbers = await retire(run.api, run.scenarioOf.retire, count);
  const completedBefore = await queue.getCompletedCount();
  const worker = await startCountedWorker(run, queue, { ...env, WORKER_CONCURRENCY: String(concurrency) });
  const cpuBefore = worker.cpuMicros();
  let cpuMicros = NaN;
  try {
    await waitFor(`${count} PDFs`, async () => {
      if ((await queue.getFailedCount()) > 0) throw new Error(`a PDF job failed: ${JSON.stringify((await queue.getFailed(0, 0))[0]?.failedReason)}\n${worker.logs.join('').slice(-2000)}`);
      return (await queue.getCompletedCount()) >= completedBefore + count;
    }, 300_000);
  } finally {
    cpuMicros = worker.cpuMicros() - cpuBefore;
    await worker.stop();
  }
  const jobs = await Promise.all(numbers.map((n) => queue.getJob(`certificate-pdf.${n}.valid`)));
  if (jobs.some((j) => !j || !j.finishedOn || j.failedReason)) throw new Error('a backlog job is missing or did not complete');
  const firstStart = Math.min(...jobs.map((j) => j.processedOn));
  const lastEnd = Math.max(...jobs.map((j) => j.finishedOn));
  const seconds = (lastEnd - firstStart) / 1000;
  return {
    concurrency,
    pdfs: count,
    seconds,
    perSecond: count / seconds,
    jobMs: jobs.reduce((n, j) => n + (j.finishedOn - j.processedOn), 0) / count,
    cpuMsPerPdf: cpuMicros / 1000 / count,
    attempts: jobs.reduce((n, j) => n + j.attemptsMade, 0),
  };
}

/**
 * Runs both parts on a prepared run whose API was started with `env` (REDIS_URL + REDIS_PREFIX).
 * Returns { throughput: [{ concurrency, rounds: [...] }], latency: { idle: [...], rendering: [...] }, pdfBytes }.
 */
async function measurePdf(run, env, options) {
  const { log, concurrencies, count, rounds, warmupSeconds, roundSeconds, connections, rate, latencyConcurrency, latencyRounds, noiseCheck } = options;
  const queue = openQueue(env.REDIS_URL, env.REDIS_PREFIX);
  const result = { throughput: concurrencies.map((concurrency) => ({ concurrency, rounds: [] })), latency: { idle: [], rendering: [] } };
  let worker = null;
  try {
    // Part 1: the concurrencies take turns round by round, like the ledgers of the HTTP scenarios.
    log(`pdf: warm-up (one worker renders ${Math.min(20, count)} PDFs)`);
    await throughputRound(run, queue, env, { concurrency: concurrencies[0], count: Math.min(20, count) });
    for (let round = 1; round <= rounds; round++) {
      for (const entry of result.throughput) {
        log(`pdf: throughput WORKER_CONCURRENCY=${entry.concurrency}, round ${round}/${rounds} (${count} PDFs)`);
        entry.rounds.push(await throughputRound(run, queue, env, { concurrency: entry.concurrency, count }));
      }
    }

    // Part 2: one worker with the production default concurrency; the queue paused = the worker idle.
    worker = await startCountedWorker(run, queue, { ...env, WORKER_CONCURRENCY: String(latencyConcurrency) });
    const paused = async () => {
      await queue.pause();
      await waitFor('the active PDF jobs to finish', async () => (await queue.getActiveCount()) === 0, 60_000);
    };
    await paused();
    // rate > 0: evenly paced requests (latency below saturation); 0: autocannon as fast as it goes.
    const retireLoad = (durationSeconds) =>
      rate > 0
        ? measurePaced(run.api, run.scenarioOf.retire, { rate, durationSeconds })
        : measure(run.api, run.scenarioOf.retire, { connections, warmupSeconds: 0, durationSeconds });
    log(`pdf: warm-up retirements at ${rate || 'max'} req/s (worker idle)`);
    await retireLoad(warmupSeconds);
    const idleRound = async (round) => {
      log(`pdf: retirements, worker idle, round ${round}/${latencyRounds} (backlog ${await queue.getWaitingCount()})`);
      result.latency.idle.push(await retireLoad(roundSeconds));
    };
    const renderingRound = async (round) => {
      const completedBefore = await queue.getCompletedCount();
      if (!noiseCheck) {
        await queue.resume();
        await waitFor('the worker to take a PDF job', async () => (await queue.getActiveCount()) > 0, 10_000);
      }
      const cpuBefore = worker.cpuMicros();
      log(`pdf: retirements, worker rendering, round ${round}/${latencyRounds}`);
      const m = await retireLoad(roundSeconds);
      const workerCpu = worker.cpuMicros() - cpuBefore;
      const backlogLeft = await queue.getWaitingCount();
      const rendered = (await queue.getCompletedCount()) - completedBefore;
      await paused();
      result.latency.rendering.push({ ...m, rendered, backlogLeft, workerCpuShare: workerCpu / 1e6 / m.seconds });
    };
    // A coin decides which phase of a pair goes first, so that nothing tied to a position in the
    // pair (the pause before it, a periodic task in step with the rounds) favours one phase.
    const coin = seededRandom(PHASE_ORDER_SEED);
    for (let round = 1; round <= latencyRounds; round++) {
      const order = coin() < 0.5 ? [idleRound, renderingRound] : [renderingRound, idleRound];
      for (const phase of order) await phase(round);
    }
    result.failedJobs = await queue.getFailedCount();
    const { certificatePdfDatabasePath } = require(await distFile(PDF_DATABASE_REL));
    const db = new Database(certificatePdfDatabasePath(run.sqlitePath), { readonly: true, timeout: 10_000 });
    result.stored = db.prepare(`SELECT COUNT(*) AS n, AVG(LENGTH(pdf)) AS bytes, SUM(hex(substr(pdf, 1, 5)) = '255044462D') AS pdfs FROM certificate_pdfs`).get();
    db.close();
  } finally {
    if (worker) await worker.stop();
    await queue.obliterate({ force: true }).catch(() => {});
    await queue.close().catch(() => {});
  }
  return result;
}

module.exports = { measurePdf, redisEnvironment };
