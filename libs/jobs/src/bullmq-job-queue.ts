import type * as BullMq from 'bullmq';
import type { Queue } from 'bullmq';
import { JOB_RETRY, JobQueue, REGISTRY_QUEUE, SCHEDULE_QUEUE, type EnqueueOptions, type JobName, type JobPayloads, type QueueHealth } from './job-types';
import { redisConnectionOptions } from './redis-connection';

/** Required when a queue is made, not at start-up: a process without Redis (the CLI's in-process queue) skips its ~0.2 s load. */
const bullmq = () => require('bullmq') as typeof BullMq;

/** Producer side only: the API enqueues, the worker app processes. */
export class BullMqJobQueue extends JobQueue {
  private readonly queue: Queue;
  private schedules?: Queue;

  constructor(
    private readonly redisUrl: string,
    private readonly prefix: string,
  ) {
    super();
    this.queue = new (bullmq().Queue)(REGISTRY_QUEUE, {
      connection: redisConnectionOptions(redisUrl),
      prefix,
      defaultJobOptions: {
        attempts: JOB_RETRY.attempts,
        backoff: { type: 'exponential', delay: JOB_RETRY.backoffMs },
        removeOnComplete: { count: 10_000 },
        removeOnFail: false,
      },
    });
  }

  async enqueue<N extends JobName>(name: N, payload: JobPayloads[N], { jobId }: EnqueueOptions): Promise<void> {
    // BullMQ ignores an add() whose id exists. A job that used up its attempts would then never
    // run again, so enqueuing it again (the repair sweep does) retries it instead.
    const existing = await this.queue.getJob(jobId);
    if (existing && (await existing.isFailed())) {
      await existing.retry('failed');
      return;
    }
    await this.queue.add(name, payload, { jobId });
  }

  /** BullMQ job scheduler: upserting the same id from every replica keeps one schedule in Redis and one job per interval. */
  override async scheduleAcrossProcesses<N extends JobName>(schedulerId: string, name: N, payload: JobPayloads[N], everyMs: number): Promise<boolean> {
    this.schedules ??= new (bullmq().Queue)(SCHEDULE_QUEUE, { connection: redisConnectionOptions(this.redisUrl), prefix: this.prefix });
    await this.schedules.upsertJobScheduler(
      schedulerId,
      { every: everyMs },
      // The next interval runs it again: no retries, and no finished runs kept.
      { name, data: payload, opts: { attempts: 1, removeOnComplete: true, removeOnFail: { count: 100 } } },
    );
    return true;
  }

  async health(): Promise<QueueHealth> {
    try {
      const counts = await this.queue.getJobCounts('waiting', 'active', 'failed', 'delayed');
      return { ok: true, mode: 'bullmq', waiting: counts.waiting + counts.delayed, active: counts.active, failed: counts.failed };
    } catch (error) {
      return { ok: false, mode: 'bullmq', failed: 0, error: error instanceof Error ? error.message : String(error) };
    }
  }

  async close(): Promise<void> {
    await Promise.all([this.queue.close(), this.schedules?.close()]);
  }
}
