import { Logger } from '@nestjs/common';
import { IdleGate } from './idle-gate';
import { JOB_RETRY, JobQueue, type EnqueueOptions, type JobHandlers, type JobName, type JobPayloads, type QueueHealth } from './job-types';

const REMEMBERED_IDS = 10_000;
/** A job waits for a quiet event loop at most this long, so a busy API still renders its PDFs. */
const MAX_IDLE_WAIT_MS = 30_000;

interface PendingJob {
  name: JobName;
  payload: unknown;
  jobId: string;
}

/**
 * The embedded default: the API process runs its jobs itself, one at a time and when its event
 * loop is mostly idle (PDF rendering is ~100 ms of CPU), with the same retry policy as BullMQ.
 * Jobs not yet run are lost if the process dies; the repair sweeps re-enqueue what is missing.
 */
export class InProcessJobQueue extends JobQueue {
  private readonly logger = new Logger('InProcessJobQueue');
  private readonly seen = new Set<string>();
  private readonly failed = new Map<string, string>();
  private readonly pending: PendingJob[] = [];
  private readonly gate = new IdleGate();
  private running: Promise<void> | null = null;
  private stopped = false;

  constructor(private readonly handlers: JobHandlers) {
    super();
  }

  async enqueue<N extends JobName>(name: N, payload: JobPayloads[N], { jobId }: EnqueueOptions): Promise<void> {
    if (this.seen.has(jobId) || this.stopped) return;
    this.remember(jobId);
    this.pending.push({ name, payload, jobId });
    this.running ??= this.drainPending().finally(() => (this.running = null));
  }

  async health(): Promise<QueueHealth> {
    return { ok: true, mode: 'in-process', waiting: this.pending.length, active: this.running ? 1 : 0, failed: this.failed.size };
  }

  /** Stops taking jobs and waits for the one running (shutdown); jobs still waiting are left to the sweeps. */
  async drain(): Promise<void> {
    this.stopped = true;
    this.pending.length = 0;
    await this.running;
  }

  private async drainPending(): Promise<void> {
    for (let job = this.pending.shift(); job && !this.stopped; job = this.pending.shift()) {
      await this.gate.waitForIdle(MAX_IDLE_WAIT_MS);
      await this.runWithRetries(job);
    }
  }

  private async runWithRetries({ name, payload, jobId }: PendingJob): Promise<void> {
    const handler = this.handlers[name] as (p: unknown, c: { jobId: string; attempt: number; processRole: string }) => Promise<void>;
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
        } else {
          await new Promise((resolve) => setTimeout(resolve, JOB_RETRY.backoffMs * 2 ** (attempt - 1)));
        }
      }
    }
  }

  private remember(jobId: string): void {
    this.seen.add(jobId);
    if (this.seen.size > REMEMBERED_IDS) this.seen.delete(this.seen.values().next().value as string);
  }
}
