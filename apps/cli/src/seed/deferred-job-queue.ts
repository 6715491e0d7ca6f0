import { JobQueue, type EnqueueOptions, type JobName, type JobPayloads, type QueueHealth } from '@registry/jobs';

/**
 * The CLI runs no jobs and needs no Redis: what a use case enqueues here (certificate PDFs) is left
 * to the repair sweep of the API or the workers, which renders every PDF that is missing.
 */
export class DeferredJobQueue extends JobQueue {
  async enqueue<N extends JobName>(_name: N, _payload: JobPayloads[N], _options: EnqueueOptions): Promise<void> {}

  async health(): Promise<QueueHealth> {
    return { ok: true, mode: 'in-process', failed: 0 };
  }
}
