import { Logger } from '@nestjs/common';
import type { JobQueue } from '@registry/jobs';
import type { CertificateStatus } from '../ports';

const logger = new Logger('CertificatePdfJob');

/** Deterministic job id: enqueuing the same certificate and status twice renders it once. */
export function certificatePdfJobId(number: string, status: CertificateStatus): string {
  return `certificate-pdf.${number}.${status}`;
}

/** Never fails the caller: what cannot be enqueued now is found by the repair sweep. */
export async function enqueueCertificatePdf(queue: JobQueue, number: string, status: CertificateStatus): Promise<void> {
  try {
    await queue.enqueue('certificate-pdf', { number, status }, { jobId: certificatePdfJobId(number, status) });
  } catch (error) {
    logger.warn({ number, status, err: (error as Error).message }, 'could not enqueue the certificate PDF; the sweep will retry');
  }
}
