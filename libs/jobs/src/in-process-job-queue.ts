import { Logger } from '@nestjs/common';
import { JOB_RETRY, JobQueue, type EnqueueOptions, type JobHandlers, type JobName, type JobPayloads, type QueueHealth } from './job-types';

const REMEMBERED_IDS = 10_000;

/**
 * The embedded default: the API process runs its jobs itself, after the current request, with
 * the same retry policy as BullMQ. Jobs in flight are lost if the process dies; the repair sweeps
 * of each job type re-enqueue what was committed but never processed.
 */
export class InProcessJobQueue extends JobQueue {
  private readonly logger = new Logger('InProcessJobQueue');
  private readonly seen = new Set<string>();
  private readonly failed = new Map<string, string>();
  private readonly running = new Set<Promise<void>>();

  constructor(private readonly handlers: JobHandlers) {
    super();
  }

  async enqueue<N extends JobName>(name: N, payload: JobPayloads[N], { jobId }: EnqueueOptions): Promise<void> {
    if (this.seen.has(jobId)) return;
    this.remember(jobId);
    const run = this.runWithRetries(name, payload, jobId).finally(() => this.running.delete(run));
    this.running.add(run);
  }

  async health(): Promise<QueueHealth> {
    return { ok: true, mode: 'in-process', active: this.running.size, failed: this.failed.size };
  }

  /** Resolves when every job enqueued so far has finished (used by shutdown and tests). */
  async drain(): Promise<void> {
    while (this.running.size > 0) await Promise.allSettled([...this.running]);
  }

  private async runWithRetries<N extends JobName>(name: N, payload: JobPayloads[N], jobId: string): Promise<void> {
    await new Promise((resolve) => setImmediate(resolve));
    const handler = this.handlers[name] as (p: JobPayloads[N], c: Parameters<JobHandlers[N]>[1]) => Promise<void>;
    for (let attempt = 1; attempt <= JOB_RETRY.attempts; attempt++) {
      try {
        await handler(payload, { jobId, attempt, processRole: 'api' });
        this.failed.delete(jobId);
        return;
      } catch (error) {
        const message = error instanceof Error ? error.message : String(error);
        this.logger.warn({ jobId, name, attempt, err: message }, 'job attempt failed');
        if (attempt === JOB_RETRY.attempts) {
          this.failed.set(jobId, message);
          this.seen.delete(jobId); // enqueuing it again (the repair sweep) runs it again
        }
        else await sleep(JOB_RETRY.backoffMs * 2 ** (attempt - 1));
      }
    }
  }

  private remember(jobId: string): void {
    this.seen.add(jobId);
    if (this.seen.size > REMEMBERED_IDS) this.seen.delete(this.seen.values().next().value as string);
  }
}

function sleep(ms: number): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, ms));
}
