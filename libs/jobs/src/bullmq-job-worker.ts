import { Logger } from '@nestjs/common';
import type * as BullMq from 'bullmq';
import type { Job, Worker } from 'bullmq';
import { REGISTRY_QUEUE, SCHEDULE_QUEUE, type JobHandlers, type JobName } from './job-types';
import { redisConnectionOptions } from './redis-connection';

/** Consumer side, started only by the worker app. */
export interface BullMqWorkerOptions {
  redisUrl: string;
  prefix: string;
  concurrency: number;
  lockMs?: number;
}

/** A started worker; close() is safe at any moment, even before Redis answered. */
export interface RunningWorker {
  worker: Worker;
  /** Both of the worker's Redis connections are up. */
  ready: Promise<void>;
  close(): Promise<void>;
}

/**
 * How long close() waits for a connection still being made. BullMQ 5.81 drops a connection's
 * listeners when it is closed while connecting, and the connect attempt's failure is then thrown
 * into the process ("Unhandled error. (Error: Connection is closed.)").
 */
const CLOSE_WAITS_FOR_CONNECT_MS = 5_000;

export function startBullMqWorker(handlers: JobHandlers, { redisUrl, prefix, concurrency, lockMs = 30_000 }: BullMqWorkerOptions): RunningWorker {
  const logger = new Logger('BullMqWorker');
  const processor = async (job: Job) => {
    const handler = handlers[job.name as JobName] as ((p: unknown, c: unknown) => Promise<void>) | undefined;
    if (!handler) throw new Error(`no handler for job ${job.name}`);
    await handler(job.data, { jobId: job.id, attempt: job.attemptsMade + 1, processRole: 'worker' });
  };
  const start = (queue: string, queueConcurrency: number) => {
    // A job whose worker died is taken over once its lock expires (stalled check at the same pace).
    const started = new ((require('bullmq') as typeof BullMq).Worker)(queue, processor, { // required here: see bullmq-job-queue.ts
      connection: redisConnectionOptions(redisUrl),
      prefix,
      concurrency: queueConcurrency,
      lockDuration: lockMs,
      stalledInterval: lockMs,
    });
    started.on('failed', (job, error) =>
      logger.warn({ queue, jobId: job?.id, name: job?.name, attempt: job?.attemptsMade, err: error.message }, 'job attempt failed'),
    );
    started.on('error', (error) => logger.error({ queue, err: error.message }, 'worker error'));
    const blockingReady = new Promise<void>((resolve) => started.once('ready', () => resolve()));
    return { worker: started, ready: Promise.all([started.waitUntilReady(), blockingReady]).then(() => undefined) };
  };
  const jobs = start(REGISTRY_QUEUE, concurrency);
  // The repeating jobs (one sweep at a time is enough).
  const schedules = start(SCHEDULE_QUEUE, 1);
  const ready = Promise.all([jobs.ready, schedules.ready]).then(() => undefined);
  ready.catch(() => undefined);
  return {
    worker: jobs.worker,
    ready,
    close: async () => {
      let timer: NodeJS.Timeout | undefined;
      const timeout = new Promise<void>((resolve) => (timer = setTimeout(resolve, CLOSE_WAITS_FOR_CONNECT_MS)));
      await Promise.race([ready.catch(() => undefined), timeout]);
      clearTimeout(timer);
      await Promise.all([jobs.worker.close(), schedules.worker.close()]);
    },
  };
}
