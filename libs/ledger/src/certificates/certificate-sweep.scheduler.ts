import { Injectable, Logger, OnApplicationBootstrap, OnApplicationShutdown } from '@nestjs/common';
import { SweepCertificatePdfsUseCase } from './sweep-certificate-pdfs.use-case';

const SWEEP_INTERVAL_MS = 60_000;

/** Runs the PDF repair sweep at start-up and every minute: in the worker app, or in the API when jobs run in-process. */
@Injectable()
export class CertificateSweepScheduler implements OnApplicationBootstrap, OnApplicationShutdown {
  private readonly logger = new Logger('CertificateSweep');
  private timer?: NodeJS.Timeout;

  constructor(private readonly sweep: SweepCertificatePdfsUseCase) {}

  onApplicationBootstrap(): void {
    const run = () => this.sweep.execute().catch((error: Error) => this.logger.warn({ err: error.message }, 'sweep failed'));
    void run();
    this.timer = setInterval(() => void run(), SWEEP_INTERVAL_MS);
    this.timer.unref();
  }

  onApplicationShutdown(): void {
    clearInterval(this.timer);
  }
}
