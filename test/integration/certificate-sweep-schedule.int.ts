import { Queue } from 'bullmq';
import { BullMqJobQueue, InProcessJobQueue, SCHEDULE_QUEUE, startBullMqWorker, type JobHandlers, type RunningWorker } from '@registry/jobs';
import { CertificateSweepScheduler, type SweepCertificatePdfsUseCase } from '@registry/ledger';
import { TEST_REDIS_URL, uniqueName } from '../support/test-engine';

const REDIS_URL = TEST_REDIS_URL ?? 'redis://127.0.0.1:6379';
const sleep = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms));

function countingSweep() {
  const sweep = { runs: 0, execute: async () => (sweep.runs++, 0) };
  return sweep;
}

/** Handlers where only the sweep does anything: records which worker ran which job. */
function sweepHandlers(runs: { worker: string; jobId: string }[], worker: string): JobHandlers {
  const none = async () => undefined;
  return {
    heartbeat: none,
    'certificate-pdf': none,
    'webhook-delivery': none,
    reconciliation: none,
    'holdings-import': none,
    'certificate-sweep': async (_payload, context) => void runs.push({ worker, jobId: context.jobId }),
  };
}

describe('the certificate repair sweep is scheduled once across replicas (BullMQ job scheduler)', () => {
  const prefix = uniqueName('sw');
  const queues: BullMqJobQueue[] = [];
  const workers: RunningWorker[] = [];
  let inspector: Queue;

  beforeAll(() => {
    const url = new URL(REDIS_URL);
    inspector = new Queue(SCHEDULE_QUEUE, { connection: { host: url.hostname, port: Number(url.port || 6379) }, prefix });
  });
  afterAll(async () => {
    await Promise.all(workers.map((w) => w.close()));
    await inspector.obliterate({ force: true }).catch(() => undefined);
    await Promise.all([...queues.map((q) => q.close()), inspector.close()]);
  });

  it('two replicas starting the scheduler make one job scheduler, and neither keeps a local timer', async () => {
    const sweeps = [countingSweep(), countingSweep()];
    for (const sweep of sweeps) {
      const queue = new BullMqJobQueue(REDIS_URL, prefix);
      queues.push(queue);
      const scheduler = new CertificateSweepScheduler(sweep as unknown as SweepCertificatePdfsUseCase, queue);
      await scheduler.onApplicationBootstrap();
      scheduler.onApplicationShutdown();
    }
    const schedulers = await inspector.getJobSchedulers();
    expect(schedulers).toEqual([expect.objectContaining({ key: 'certificate-sweep', name: 'certificate-sweep', every: 60_000 })]);
    const pending = await inspector.getJobs(['waiting', 'delayed', 'prioritized', 'active']);
    expect(pending.filter((job) => job.name === 'certificate-sweep').length).toBeLessThanOrEqual(1);
    expect(sweeps.map((s) => s.runs)).toEqual([0, 0]);
  });

  it('two workers on a 1 s schedule upserted by both replicas run one sweep per interval, not two', async () => {
    await inspector.removeJobScheduler('certificate-sweep');
    await inspector.obliterate({ force: true });
    const runs: { worker: string; jobId: string }[] = [];
    for (const name of ['w1', 'w2']) {
      const worker = startBullMqWorker(sweepHandlers(runs, name), { redisUrl: REDIS_URL, prefix, concurrency: 4 });
      workers.push(worker);
      await worker.ready;
    }
    for (const queue of queues) await queue.scheduleAcrossProcesses('certificate-sweep', 'certificate-sweep', {}, 1_000);
    await sleep(4_500);
    // One run per interval: 4 or 5 in 4.5 s (the first at once); two timers would make 8 to 10.
    expect(runs.length).toBeGreaterThanOrEqual(3);
    expect(runs.length).toBeLessThanOrEqual(6);
    expect(new Set(runs.map((r) => r.jobId)).size).toBe(runs.length);
    expect(await inspector.getJobSchedulersCount()).toBe(1);
  }, 20_000);

  it('in-process (no Redis) the scheduler sweeps at once and keeps its own timer', async () => {
    const sweep = countingSweep();
    const scheduler = new CertificateSweepScheduler(sweep as unknown as SweepCertificatePdfsUseCase, new InProcessJobQueue(sweepHandlers([], 'api')));
    await scheduler.onApplicationBootstrap();
    scheduler.onApplicationShutdown();
    expect(sweep.runs).toBe(1);
  });
});
