import { Logger } from '@nestjs/common';
import { Worker, type Job } from 'bullmq';
import { REGISTRY_QUEUE, type JobHandlers, type JobName } from './job-types';
import { redisConnectionOptions } from './redis-connection';

/** Consumer side, started only by the worker app. */
export interface BullMqWorkerOptions {
  redisUrl: string;
  prefix: string;
  concurrency: number;
  lockMs?: number;
}

export function startBullMqWorker(handlers: JobHandlers, { redisUrl, prefix, concurrency, lockMs = 30_000 }: BullMqWorkerOptions): Worker {
  const logger = new Logger('BullMqWorker');
  const worker = new Worker(
    REGISTRY_QUEUE,
    async (job: Job) => {
      const handler = handlers[job.name as JobName] as ((p: unknown, c: unknown) => Promise<void>) | undefined;
      if (!handler) throw new Error(`no handler for job ${job.name}`);
      await handler(job.data, { jobId: job.id, attempt: job.attemptsMade + 1, processRole: 'worker' });
    },
    // A job whose worker died is taken over once its lock expires (stalled check at the same pace).
    { connection: redisConnectionOptions(redisUrl), prefix, concurrency, lockDuration: lockMs, stalledInterval: lockMs },
  );
  worker.on('failed', (job, error) =>
    logger.warn({ jobId: job?.id, name: job?.name, attempt: job?.attemptsMade, err: error.message }, 'job attempt failed'),
  );
  worker.on('error', (error) => logger.error({ err: error.message }, 'worker error'));
  return worker;
}
