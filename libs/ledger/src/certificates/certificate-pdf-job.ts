import { Logger } from '@nestjs/common';
import type { JobQueue } from '@registry/jobs';
import type { CertificateStatus } from '../ports';

const logger = new Logger('CertificatePdfJob');

/** Deterministic job id: enqueuing the same certificate version and status twice renders it once. */
export function certificatePdfJobId(number: string, status: CertificateStatus, version = 1): string {
  return version === 1 ? `certificate-pdf.${number}.${status}` : `certificate-pdf.${number}.v${version}.${status}`;
}

/** Never fails the caller: what cannot be enqueued now is found by the repair sweep. */
export async function enqueueCertificatePdf(queue: JobQueue, number: string, status: CertificateStatus, version = 1): Promise<void> {
  try {
    const payload = version === 1 ? { number, status } : { number, status, version };
    await queue.enqueue('certificate-pdf', payload, { jobId: certificatePdfJobId(number, status, version) });
  } catch (error) {
    logger.warn({ number, status, version, err: (error as Error).message }, 'could not enqueue the certificate PDF; the sweep will retry');
  }
}
