import { Worker } from 'bullmq';
import { assertBuilt } from '../support/processes';
import { TEST_REDIS_URL } from '../support/test-engine';
import {
  jobsHealth,
  pdfJobs,
  pdfRows,
  provider,
  renderedPid,
  retireMany,
  sleep,
  startCluster,
  UNSTARVED_WORKERS,
  waitForIdleQueue,
  waitForPdfs,
  type PdfRow,
  type WorkerCluster,
} from '../support/workers-cluster';

/*
 * Certificate PDFs rendered by separate worker processes through the machine's real Redis (BullMQ)
 * and PostgreSQL: every certificate gets exactly one PDF, a failed attempt is retried, and the jobs
 * of a worker killed mid-job are taken over by the survivor. Each block has its own database
 * schema, Redis prefix and signing keys, and stops its processes in afterAll.
 */

/** Exactly one row per certificate, nothing else, every one a PDF. */
function expectOnePdfEach(rows: PdfRow[], numbers: string[]): void {
  const perNumber = new Map<string, number>();
  for (const row of rows) perNumber.set(`${row.number}/${row.status}`, (perNumber.get(`${row.number}/${row.status}`) ?? 0) + 1);
  expect([...perNumber.entries()].filter(([, n]) => n !== 1)).toEqual([]);
  expect(rows.map((r) => r.number).sort()).toEqual([...numbers].sort());
  expect(rows.filter((r) => r.status !== 'valid' || r.head !== '%PDF-' || r.bytes < 1000)).toEqual([]);
}

describe('certificate PDFs rendered by two worker processes (PostgreSQL + Redis)', () => {
  let cluster: WorkerCluster;
  let numbers: string[];
  let rows: PdfRow[];

  beforeAll(async () => {
    assertBuilt();
    cluster = await startCluster({ workers: 2, workerEnv: UNSTARVED_WORKERS });
  }, 60_000);
  afterAll(() => cluster?.stop(), 30_000);

  it('200 retirements: every certificate gets exactly one PDF row, rendered once, by both workers', async () => {
    const key = await provider(cluster.base);
    numbers = await retireMany(cluster.base, key, 200, { concurrency: 4 });
    expect(new Set(numbers).size).toBe(200);

    rows = await waitForPdfs(cluster, numbers, 60_000);
    await waitForIdleQueue(cluster, 10_000);
    rows = await pdfRows(cluster.databaseUrl);
    expectOnePdfEach(rows, numbers);

    // Rendered once: each job completed on its first and only start.
    const jobs = await pdfJobs(cluster.queue, numbers);
    const runs = [...jobs.entries()].map(([number, job]) => ({ number, state: job?.finishedOn ? 'finished' : 'missing', made: job?.attemptsMade, started: job?.attemptsStarted, stalled: job?.stalledCounter }));
    expect(runs.filter((r) => r.state !== 'finished' || r.made !== 1 || r.started !== 1 || r.stalled !== 0)).toEqual([]);

    // Both workers rendered some, and nothing else did.
    const pids = rows.map((r) => renderedPid(r.renderedBy));
    const workerPids = cluster.workers.map((w) => w.child.pid);
    const perWorker = workerPids.map((pid) => pids.filter((p) => p === pid).length);
    expect(pids.filter((p) => !workerPids.includes(p))).toEqual([]);
    expect(perWorker.every((n) => n > 0)).toBe(true);

    const health = await jobsHealth(cluster.base);
    expect(health).toMatchObject({ ok: true, mode: 'bullmq', failed: 0, waiting: 0, active: 0 });
  }, 120_000);

  it('the API serves the stored PDF (200 application/pdf), byte-for-byte the row', async () => {
    for (const number of [numbers[0], numbers[199]]) {
      const res = await fetch(`${cluster.base}/v1/certificates/${number}.pdf`);
      expect(res.status).toBe(200);
      expect(res.headers.get('content-type')).toContain('application/pdf');
      const body = Buffer.from(await res.arrayBuffer());
      expect(body.subarray(0, 5).toString('latin1')).toBe('%PDF-');
      expect(body.length).toBe(rows.find((r) => r.number === number)!.bytes);
    }
  });
});

describe('a failed first attempt is retried (JOB_FAULT_INJECTION=fail-first-attempt)', () => {
  let cluster: WorkerCluster;

  beforeAll(async () => {
    assertBuilt();
    cluster = await startCluster({ workers: 2, workerEnv: { ...UNSTARVED_WORKERS, JOB_FAULT_INJECTION: 'fail-first-attempt' } });
  }, 60_000);
  afterAll(() => cluster?.stop(), 30_000);

  it('every PDF is still rendered, exactly once, on the second attempt; the failed set stays empty', async () => {
    const key = await provider(cluster.base);
    const numbers = await retireMany(cluster.base, key, 30, { concurrency: 4 });

    await waitForPdfs(cluster, numbers, 30_000);
    await waitForIdleQueue(cluster, 10_000);
    expectOnePdfEach(await pdfRows(cluster.databaseUrl), numbers);

    const jobs = await pdfJobs(cluster.queue, numbers);
    for (const [number, job] of jobs) {
      expect({ number, finished: !!job?.finishedOn, attemptsMade: job?.attemptsMade, failedReason: job?.failedReason }).toEqual({
        number,
        finished: true,
        attemptsMade: 2,
        failedReason: expect.stringContaining('injected failure of the first attempt of certificate-pdf'),
      });
    }
    expect(await cluster.queue.getFailedCount()).toBe(0);
    expect(await jobsHealth(cluster.base)).toMatchObject({ ok: true, failed: 0 });
  }, 60_000);
});

describe('no job is lost when a worker is killed mid-job (delay-ms=1500, WORKER_LOCK_MS=3000)', () => {
  let cluster: WorkerCluster;
  const CONCURRENCY = 2;

  beforeAll(async () => {
    assertBuilt();
    cluster = await startCluster({
      workers: 2,
      workerEnv: { ...UNSTARVED_WORKERS, JOB_FAULT_INJECTION: 'delay-ms=1500', WORKER_LOCK_MS: '3000', WORKER_CONCURRENCY: String(CONCURRENCY) },
    });
  }, 60_000);
  afterAll(() => cluster?.stop(), 30_000);

  it('SIGKILL of a worker with active jobs: the survivor renders every PDF, exactly one row each', async () => {
    const [victim, survivor] = cluster.workers;
    const key = await provider(cluster.base);
    const numbers = await retireMany(cluster.base, key, 24, { concurrency: 4 });

    // More active jobs than one worker may hold at once: both workers, the victim included, are mid-job.
    const deadline = Date.now() + 15_000;
    let active = 0;
    while ((active = await cluster.queue.getActiveCount()) <= CONCURRENCY) {
      if (Date.now() > deadline) throw new Error(`never more than ${active} active jobs\n${cluster.logs()}`);
      await sleep(20);
    }
    const killedAt = new Date().toISOString();
    await victim.stop('SIGKILL');
    expect(victim.child.signalCode).toBe('SIGKILL');
    // Until the survivor's stalled check (every WORKER_LOCK_MS) moves them, the victim's jobs stay active.
    const activeIds = (await cluster.queue.getActive()).map((j) => j.id);

    const rows = await waitForPdfs(cluster, numbers, 60_000);
    await waitForIdleQueue(cluster, 10_000);
    expectOnePdfEach(await pdfRows(cluster.databaseUrl), numbers);
    expect(rows.length).toBe(numbers.length);

    // Everything after the kill was rendered by the survivor; the victim's rows predate its death.
    const byVictim = rows.filter((r) => renderedPid(r.renderedBy) === victim.child.pid);
    const bySurvivor = rows.filter((r) => renderedPid(r.renderedBy) === survivor.child.pid);
    expect(byVictim.length + bySurvivor.length).toBe(numbers.length);
    expect(byVictim.filter((r) => r.renderedAt > killedAt)).toEqual([]);
    expect(bySurvivor.length).toBeGreaterThan(numbers.length / 2);

    // The victim's in-flight jobs were taken over after their lock expired (stalled once, started twice), not failed.
    const jobs = await pdfJobs(cluster.queue, numbers);
    const stalled = [...jobs.values()].filter((j) => j && j.stalledCounter > 0);
    // A job not active at the kill can stall too, when a loaded machine starves a worker's SCHED_IDLE threads
    // past WORKER_LOCK_MS; it is finished all the same (below) and its PDF written once (above).
    const takenOver = stalled.filter((j) => activeIds.includes(j!.id));
    expect(takenOver.length).toBeGreaterThan(0);
    expect(takenOver.every((j) => j!.attemptsStarted >= 2 && !!j!.finishedOn)).toBe(true);
    for (const job of takenOver) expect(renderedPid(rows.find((r) => `certificate-pdf.${r.number}.valid` === job!.id)!.renderedBy)).toBe(survivor.child.pid);
    expect([...jobs.values()].filter((j) => !j?.finishedOn || (j.failedReason ?? '') !== '')).toEqual([]);
    expect(await jobsHealth(cluster.base)).toMatchObject({ ok: true, failed: 0 });
  }, 90_000);
});

/*
 * A PDF job that used up its 5 attempts stays in BullMQ's failed set under its deterministic id, and
 * Queue.add with an existing id is a silent no-op: the queue must retry it when it is enqueued again,
 * or the sweep could never repair that certificate.
 */
describe('a PDF whose job used up its attempts is repaired by the sweep', () => {
  let cluster: WorkerCluster;
  let number: string;

  beforeAll(async () => {
    assertBuilt();
    cluster = await startCluster({ workers: 0, workerEnv: UNSTARVED_WORKERS });
    const key = await provider(cluster.base);
    [number] = await retireMany(cluster.base, key, 1, { concurrency: 1 });

    // An outage as the job sees it: every attempt fails (a stand-in consumer that always throws).
    const url = new URL(TEST_REDIS_URL ?? 'redis://127.0.0.1:6379');
    const failing = new Worker('registry', async () => { throw new Error('simulated outage'); }, {
      connection: { host: url.hostname, port: Number(url.port || 6379), maxRetriesPerRequest: null },
      prefix: cluster.prefix,
    });
    try {
      const jobId = `certificate-pdf.${number}.valid`;
      const deadline = Date.now() + 20_000;
      while ((await cluster.queue.getJobState(jobId)) !== 'failed') {
        if (Date.now() > deadline) throw new Error(`job ${jobId} did not fail: ${await cluster.queue.getJobState(jobId)}`);
        await sleep(200);
      }
      expect((await cluster.queue.getJob(jobId))?.attemptsMade).toBe(5);
    } finally {
      await failing.close();
    }
    // The outage is over: a real worker starts, and its start-up sweep finds the missing PDF.
    await cluster.addWorker();
    expect(await pdfRows(cluster.databaseUrl)).toEqual([]);
  }, 60_000);
  afterAll(() => cluster?.stop(), 30_000);

  it('renders the PDF once a worker is back (start-up sweep)', async () => {
    const deadline = Date.now() + 8_000;
    let status = 0;
    while (Date.now() < deadline && (status = (await fetch(`${cluster.base}/v1/certificates/${number}.pdf`)).status) !== 200) await sleep(250);
    expect({ status, rows: (await pdfRows(cluster.databaseUrl)).length }).toEqual({ status: 200, rows: 1 });
  }, 20_000);
});
