import { Injectable } from '@nestjs/common';
import { DomainError } from '@registry/domain';
import { JobQueue, type JobContext, type JobPayloads } from '@registry/jobs';
import { randomUUID } from 'node:crypto';
import { UnitOfWork, type JobRunRecord } from '../ports';

/** Enqueues a heartbeat job: an operator's proof that the job path works end to end. */
@Injectable()
export class RequestHeartbeatUseCase {
  constructor(private readonly queue: JobQueue) {}

  async execute(): Promise<{ jobId: string }> {
    const jobId = `heartbeat-${randomUUID()}`;
    await this.queue.enqueue('heartbeat', { requestedAt: new Date().toISOString() }, { jobId });
    return { jobId };
  }
}

/** The heartbeat job itself: records which process ran it, once per job id. */
@Injectable()
export class RecordHeartbeatUseCase {
  constructor(private readonly uow: UnitOfWork) {}

  async execute(_payload: JobPayloads['heartbeat'], context: JobContext): Promise<void> {
    await this.uow.write(({ jobRuns }) =>
      jobRuns.recordOnce({
        jobId: context.jobId,
        name: 'heartbeat',
        processedBy: context.processRole,
        attempts: context.attempt,
        processedAt: new Date().toISOString(),
      }),
    );
  }
}

@Injectable()
export class GetJobRunUseCase {
  constructor(private readonly uow: UnitOfWork) {}

  async execute(jobId: string): Promise<JobRunRecord> {
    const run = await this.uow.read(({ jobRuns }) => jobRuns.find(jobId));
    if (!run) throw new DomainError('NOT_FOUND', `job ${jobId} has not run (yet)`);
    return run;
  }
}
