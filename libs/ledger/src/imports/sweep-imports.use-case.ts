import { Injectable, Logger, OnApplicationBootstrap, OnApplicationShutdown } from '@nestjs/common';
import { JobQueue } from '@registry/jobs';
import { UnitOfWork } from '../ports';
import { holdingsImportJobId } from './start-holdings-import.use-case';

/** An import whose counters have not moved for this long has no job running it (a batch takes seconds). */
export const IMPORT_STALE_AFTER_MS = 5 * 60_000;
const SWEEP_INTERVAL_MS = 60_000;
const SWEEP_LIMIT = 100;

/**
 * Re-enqueues stored uploads whose job was lost (the in-process queue dies with its process; an
 * enqueue can fail after the commit). The job id is the import's, so a job still known to the queue
 * is not run twice, and a job that runs resumes after the import's last committed batch.
 */
@Injectable()
export class SweepImportsUseCase {
  constructor(
    private readonly uow: UnitOfWork,
    private readonly queue: JobQueue,
  ) {}

  async execute(now = Date.now()): Promise<string[]> {
    const before = new Date(now - IMPORT_STALE_AFTER_MS).toISOString();
    const ids = await this.uow.read((stores) => stores.imports.unfinishedUploads(before, SWEEP_LIMIT));
    for (const importId of ids) await this.queue.enqueue('holdings-import', { importId }, { jobId: holdingsImportJobId(importId) });
    return ids;
  }
}

/** Runs the import sweep at start-up and every minute, beside the certificate PDF sweep. */
@Injectable()
export class ImportSweepScheduler implements OnApplicationBootstrap, OnApplicationShutdown {
  private readonly logger = new Logger('ImportSweep');
  private timer?: NodeJS.Timeout;

  constructor(private readonly sweep: SweepImportsUseCase) {}

  onApplicationBootstrap(): void {
    const run = () => this.sweep.execute().catch((error: Error) => this.logger.warn({ err: error.message }, 'import sweep failed'));
    void run();
    this.timer = setInterval(() => void run(), SWEEP_INTERVAL_MS);
    this.timer.unref();
  }

  onApplicationShutdown(): void {
    clearInterval(this.timer);
  }
}
