import { Inject, Injectable, Logger } from '@nestjs/common';
import { REGISTRY_CONFIG, type RegistryConfig } from '@registry/config';
import { JobQueue, type JobContext, type JobPayloads } from '@registry/jobs';
import { hostname } from 'node:os';
import { UnitOfWork } from '../ports';
import { CertificateQueries } from './certificate.queries';
import { enqueueCertificatePdf } from './certificate-pdf-job';
import type { CertificateDocument } from './render/certificate-view';
import { certificateVerifyUrl } from './render/certificate-view';
import { renderCertificatePdf } from './render/certificate-pdf';

/** The `certificate-pdf` job: renders outside any transaction, stores the result once. */
@Injectable()
export class RenderCertificatePdfUseCase {
  constructor(
    private readonly uow: UnitOfWork,
    private readonly certificates: CertificateQueries,
    @Inject(REGISTRY_CONFIG) private readonly config: RegistryConfig,
  ) {}

  async execute({ number, status }: JobPayloads['certificate-pdf'], context: JobContext): Promise<void> {
    const document = await this.certificates.find(number);
    if (!document) throw new Error(`certificate ${number} does not exist`);
    // A job for a status the certificate no longer has (it was revoked meanwhile) has nothing to do.
    if (document.status !== status) return;
    const pdf = await renderCertificatePdf(document as unknown as CertificateDocument, {
      verifyUrl: certificateVerifyUrl(this.config.publicBaseUrl, number),
    });
    const renderedBy = `${context.processRole}@${hostname()}:${process.pid}`;
    await this.uow.write(({ certificates }) => certificates.storePdf(number, status, pdf, renderedBy, new Date().toISOString()));
  }
}

/** Re-enqueues PDFs that were committed but never rendered (a crash between commit and enqueue, Redis down). */
@Injectable()
export class SweepCertificatePdfsUseCase {
  private readonly logger = new Logger('SweepCertificatePdfs');

  constructor(
    private readonly uow: UnitOfWork,
    private readonly queue: JobQueue,
  ) {}

  async execute(limit = 500): Promise<number> {
    const missing = await this.uow.read(({ certificates }) => certificates.missingPdfs(limit));
    for (const { number, status } of missing) await enqueueCertificatePdf(this.queue, number, status);
    if (missing.length > 0) this.logger.log({ count: missing.length }, 're-enqueued certificate PDFs');
    return missing.length;
  }
}
