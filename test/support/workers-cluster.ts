import { Queue, type Job } from 'bullmq';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { callApi } from './http-client';
import { BUILT, freePort, startProcess, waitForHttp, type RunningProcess } from './processes';
import { createTestDatabase, TEST_REDIS_URL, uniqueName, withPg, type TestDatabase } from './test-engine';

/*
 * One API and N worker processes on PostgreSQL and the machine's Redis, sharing one database
 * schema, one Redis key prefix and one certificate keys directory (all private to the cluster).
 */

export const ADMIN = 'integration-admin-key-0123456789';
const REDIS_URL = TEST_REDIS_URL ?? 'redis://127.0.0.1:6379';

export const sleep = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms));

export interface WorkerCluster {
  base: string;
  prefix: string;
  databaseUrl: string;
  api: RunningProcess;
  workers: RunningProcess[];
  queue: Queue;
  /** API and worker output, for failure messages. */
  logs(): string;
  /** Starts one more worker process (same database, prefix and keys) and waits until it is connected. */
  addWorker(workerEnv?: Record<string, string>): Promise<RunningProcess>;
  /** Starts one more API process (same database, prefix and keys, its own port) and waits until it is ready. */
  addApi(): Promise<{ api: RunningProcess; base: string }>;
  stop(): Promise<void>;
}

/**
 * For suites that test what workers do (exactly once, takeover, retries, deliveries): in CI the browser
 * stream runs beside them, and under SCHED_IDLE (the default) a worker gets no CPU while anything else
 * runs, long enough for its job locks to lapse. Niceness alone keeps it behind the API yet never starved.
 * Suites about the API processes keep the default, so that rendering workers stay out of their way;
 * worker-process.int tests the SCHED_IDLE default itself.
 */
export const UNSTARVED_WORKERS = { WORKER_CPU_POLICY: 'nice' } as const;

export async function startCluster({
  workers = 2,
  workerEnv = {},
  apiEnv = {},
}: { workers?: number; workerEnv?: Record<string, string>; apiEnv?: Record<string, string> } = {}): Promise<WorkerCluster> {
  const database: TestDatabase = await createTestDatabase('postgres');
  const keysDir = mkdtempSync(join(tmpdir(), 'registry-workers-keys-'));
  const prefix = uniqueName('wk');
  const port = await freePort();
  const base = `http://127.0.0.1:${port}`;
  const env = {
    ...database.env,
    REDIS_URL,
    REDIS_PREFIX: prefix,
    ADMIN_API_KEY: ADMIN,
    RATE_LIMIT_PER_MINUTE: '0',
    CERTIFICATE_KEYS_DIR: keysDir,
    PUBLIC_BASE_URL: base,
  };
  const url = new URL(REDIS_URL);
  const queue = new Queue('registry', { connection: { host: url.hostname, port: Number(url.port || 6379) }, prefix });
  const started: RunningProcess[] = [];
  const cluster: WorkerCluster = {
    base,
    prefix,
    databaseUrl: database.env.DATABASE_URL,
    api: undefined as unknown as RunningProcess,
    workers: [],
    queue,
    addWorker: async (extra = {}) => {
      const worker = startProcess(BUILT.worker, { ...env, ...workerEnv, ...extra });
      started.push(worker);
      cluster.workers.push(worker);
      await waitForWorkers(queue, cluster.workers.filter((w) => w.child.exitCode === null && w.child.signalCode === null).length, 30_000, cluster);
      return worker;
    },
    addApi: async () => {
      const apiPort = await freePort();
      const api = startProcess(BUILT.api, { ...env, ...apiEnv, PORT: String(apiPort) });
      started.push(api);
      await waitForHttp(`http://127.0.0.1:${apiPort}/health/ready`, 30_000, api);
      return { api, base: `http://127.0.0.1:${apiPort}` };
    },
    logs: () => started.map((p, i) => `--- ${i === 0 ? 'api' : `worker ${i} (pid ${p.child.pid})`}\n${p.output().slice(-4000)}`).join('\n'),
    stop: async () => {
      await Promise.all(started.map((p) => stopWithin(p, 10_000)));
      await queue.obliterate({ force: true }).catch(() => undefined);
      // The workers' sweep schedule (libs/jobs SCHEDULE_QUEUE).
      const schedules = new Queue('registry-schedules', { connection: { host: url.hostname, port: Number(url.port || 6379) }, prefix });
      await schedules.obliterate({ force: true }).catch(() => undefined);
      await schedules.close().catch(() => undefined);
      await queue.close().catch(() => undefined);
      await database.drop();
      rmSync(keysDir, { recursive: true, force: true });
    },
  };
  try {
    // The API first: it runs the migrations (and creates the signing keys) before a worker connects.
    cluster.api = startProcess(BUILT.api, { ...env, ...apiEnv, PORT: String(port) });
    started.push(cluster.api);
    await waitForHttp(`${base}/health/ready`, 30_000, cluster.api);
    for (let i = 0; i < workers; i++) {
      const worker = startProcess(BUILT.worker, { ...env, ...workerEnv });
      started.push(worker);
      cluster.workers.push(worker);
    }
    if (workers > 0) await waitForWorkers(queue, workers, 30_000, cluster);
    return cluster;
  } catch (error) {
    await cluster.stop().catch(() => undefined);
    throw error;
  }
}

/** SIGTERM, then SIGKILL if the process has not ended within `ms`. */
async function stopWithin(p: RunningProcess, ms: number): Promise<void> {
  const timer = setTimeout(() => p.child.kill('SIGKILL'), ms);
  try {
    await p.stop();
  } finally {
    clearTimeout(timer);
  }
}

/** Resolves once `count` BullMQ workers are connected to the cluster's queue. */
async function waitForWorkers(queue: Queue, count: number, timeoutMs: number, cluster: WorkerCluster): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const exited = cluster.workers.find((w) => w.child.exitCode !== null && w.child.signalCode === null);
    if (exited) throw new Error(`a worker exited during start-up:\n${cluster.logs()}`);
    if ((await queue.getWorkersCount()) >= count) return;
    if (Date.now() > deadline) throw new Error(`${count} workers did not connect within ${timeoutMs} ms\n${cluster.logs()}`);
    await sleep(100);
  }
}

/** An organisation with the provider role, its key and one registered block JCL-ERL-<cert>-1-<size>. */
export async function provider(base: string, cert = 'R1', size = 100_000): Promise<string> {
  const org = await callApi(base, 'POST', '/v1/organizations', ADMIN, { name: `provider ${cert}`, roles: ['provider'] });
  if (org.status !== 201) throw new Error(`create organization: ${org.status} ${JSON.stringify(org.body)}`);
  const key = await callApi(base, 'POST', `/v1/organizations/${org.body.id}/api-keys`, ADMIN, {});
  if (key.status !== 201) throw new Error(`create api key: ${key.status} ${JSON.stringify(key.body)}`);
  const holding = await callApi(base, 'POST', '/v1/holdings', key.body.key, { serial: `JCL-ERL-${cert}-1-${size}`, evidence: { registry: 'J-Credit registry', reference: 'account statement 0001' } });
  if (holding.status !== 201) throw new Error(`register holding: ${holding.status} ${JSON.stringify(holding.body)}`);
  return key.body.key as string;
}

/** `count` retirements of distinct 10-serial pieces, `concurrency` at a time; their certificate numbers in order. */
export async function retireMany(base: string, key: string, count: number, { cert = 'R1', concurrency = 4, from = 0 } = {}): Promise<string[]> {
  const numbers: string[] = new Array(count);
  let next = 0;
  const lane = async () => {
    for (let i = next++; i < count; i = next++) {
      const start = (from + i) * 10 + 1;
      const res = await callApi(base, 'POST', '/v1/retirements', key, {
        serials: [`JCL-ERL-${cert}-${start}-${start + 9}`],
        beneficiary: `Beneficiary ${i}`,
        purpose: 'worker integration test',
      });
      if (res.status !== 201 || typeof res.body.certificateNumber !== 'string') {
        throw new Error(`retirement ${i}: ${res.status} ${JSON.stringify(res.body)}`);
      }
      numbers[i] = res.body.certificateNumber;
    }
  };
  await Promise.all(Array.from({ length: concurrency }, lane));
  return numbers;
}

export interface PdfRow {
  number: string;
  status: string;
  head: string;
  bytes: number;
  renderedBy: string;
  renderedAt: string;
}

/** Every row of certificate_pdfs, read directly from the cluster's schema. */
export function pdfRows(databaseUrl: string): Promise<PdfRow[]> {
  return withPg(async (client) => {
    const { rows } = await client.query(
      `SELECT number, status, convert_from(substring(pdf from 1 for 5), 'SQL_ASCII') AS head, octet_length(pdf) AS bytes,
              rendered_by, rendered_at FROM certificate_pdfs ORDER BY number`,
    );
    return rows.map((r) => ({ number: r.number, status: r.status, head: r.head, bytes: Number(r.bytes), renderedBy: r.rendered_by, renderedAt: r.rendered_at }));
  }, databaseUrl);
}

/** Polls certificate_pdfs until every number has a 'valid' row (or the deadline passes); returns the rows. */
export async function waitForPdfs(cluster: WorkerCluster, numbers: string[], timeoutMs: number): Promise<PdfRow[]> {
  const deadline = Date.now() + timeoutMs;
  const wanted = new Set(numbers);
  for (;;) {
    const rows = await pdfRows(cluster.databaseUrl);
    const done = new Set(rows.filter((r) => r.status === 'valid' && wanted.has(r.number)).map((r) => r.number));
    if (done.size === wanted.size) return rows;
    if (Date.now() > deadline) {
      const missing = [...wanted].filter((n) => !done.has(n));
      const counts = await cluster.queue.getJobCounts('waiting', 'active', 'delayed', 'completed', 'failed');
      throw new Error(`${missing.length} of ${wanted.size} PDFs missing after ${timeoutMs} ms (e.g. ${missing.slice(0, 5).join(', ')}); queue ${JSON.stringify(counts)}\n${cluster.logs()}`);
    }
    await sleep(250);
  }
}

/** The BullMQ job of each certificate's valid PDF (job id certificate-pdf.<number>.valid). */
export async function pdfJobs(queue: Queue, numbers: string[]): Promise<Map<string, Job | undefined>> {
  const jobs = new Map<string, Job | undefined>();
  for (const number of numbers) jobs.set(number, await queue.getJob(`certificate-pdf.${number}.valid`));
  return jobs;
}

/** `worker@<host>:<pid>` → pid. */
export function renderedPid(renderedBy: string): number {
  const match = /^worker@[^:]+:(\d+)$/.exec(renderedBy);
  if (!match) throw new Error(`unexpected rendered_by ${renderedBy}`);
  return Number(match[1]);
}

/** GET /health/ready's checks.jobs. */
export async function jobsHealth(base: string): Promise<{ ok: boolean; mode: string; waiting?: number; active?: number; failed: number }> {
  const res = await fetch(`${base}/health/ready`);
  const body = (await res.json()) as { checks: { jobs: { ok: boolean; mode: string; waiting?: number; active?: number; failed: number } } };
  return body.checks.jobs;
}

/** Waits until the queue has no waiting, delayed or active job (after the PDFs are stored, the jobs still have to complete). */
export async function waitForIdleQueue(cluster: WorkerCluster, timeoutMs: number): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const counts = await cluster.queue.getJobCounts('waiting', 'active', 'delayed', 'prioritized');
    if (counts.waiting + counts.active + counts.delayed + counts.prioritized === 0) return;
    if (Date.now() > deadline) throw new Error(`queue not idle after ${timeoutMs} ms: ${JSON.stringify(counts)}\n${cluster.logs()}`);
    await sleep(200);
  }
}
