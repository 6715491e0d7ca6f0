import { Injectable } from '@nestjs/common';
import { JobQueue, type QueueHealth } from '@registry/jobs';
import { UnitOfWork } from '../ports';

export interface Readiness {
  ready: boolean;
  checks: { database: { ok: boolean; error?: string }; jobs: QueueHealth };
}

@Injectable()
export class CheckReadinessUseCase {
  constructor(
    private readonly uow: UnitOfWork,
    private readonly queue: JobQueue,
  ) {}

  async execute(): Promise<Readiness> {
    const [database, jobs] = await Promise.all([
      this.database(),
      withTimeout(this.queue.health(), 2000).catch(
        (error: Error): QueueHealth => ({ ok: false, mode: 'bullmq', failed: 0, error: error.message }),
      ),
    ]);
    return { ready: database.ok && jobs.ok, checks: { database, jobs } };
  }

  private async database(): Promise<{ ok: boolean; error?: string }> {
    try {
      await withTimeout(this.uow.ping(), 2000);
      return { ok: true };
    } catch (error) {
      return { ok: false, error: error instanceof Error ? error.message : String(error) };
    }
  }
}

function withTimeout<T>(promise: Promise<T>, ms: number): Promise<T> {
  let timer: NodeJS.Timeout;
  const timeout = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new Error(`no answer within ${ms} ms`)), ms);
  });
  return Promise.race([promise, timeout]).finally(() => clearTimeout(timer));
}
