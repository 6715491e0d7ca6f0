import { Injectable, Logger, OnApplicationBootstrap, OnApplicationShutdown } from '@nestjs/common';
import { JobQueue } from '@registry/jobs';
import { SweepCertificatePdfsUseCase } from './sweep-certificate-pdfs.use-case';

export const SWEEP_INTERVAL_MS = 60_000;
/** Fixed, so every worker upserts the same BullMQ job scheduler instead of adding its own. */
export const CERTIFICATE_SWEEP_SCHEDULER_ID = 'certificate-sweep';

/**
 * Runs the PDF repair sweep every minute. With BullMQ, one job scheduler in Redis for every worker
 * (a 'certificate-sweep' job, run by whichever worker takes it); in-process, a timer in the API.
 */
@Injectable()
export class CertificateSweepScheduler implements OnApplicationBootstrap, OnApplicationShutdown {
  private readonly logger = new Logger('CertificateSweep');
  private timer?: NodeJS.Timeout;

  constructor(
    private readonly sweep: SweepCertificatePdfsUseCase,
    private readonly queue: JobQueue,
  ) {}

  async onApplicationBootstrap(): Promise<void> {
    try {
      if (await this.queue.scheduleAcrossProcesses(CERTIFICATE_SWEEP_SCHEDULER_ID, 'certificate-sweep', {}, SWEEP_INTERVAL_MS)) return;
    } catch (error) {
      this.logger.warn({ err: (error as Error).message }, 'could not register the shared sweep schedule; sweeping on a local timer');
    }
    const run = () => this.sweep.execute().catch((error: Error) => this.logger.warn({ err: error.message }, 'sweep failed'));
    void run();
    this.timer = setInterval(() => void run(), SWEEP_INTERVAL_MS);
    this.timer.unref();
  }

  onApplicationShutdown(): void {
    clearInterval(this.timer);
  }
}
