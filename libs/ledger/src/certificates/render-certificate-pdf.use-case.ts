import { Injectable } from '@nestjs/common';
import type { JobContext, JobPayloads } from '@registry/jobs';
import { hostname } from 'node:os';
import { CertificatePdfStore, CertificateRenderer } from '../ports';
import { CertificateQueries } from './certificate.queries';

/** The `certificate-pdf` job: renders outside any transaction, stores the result once. */
@Injectable()
export class RenderCertificatePdfUseCase {
  constructor(
    private readonly certificates: CertificateQueries,
    private readonly pdfs: CertificatePdfStore,
    private readonly renderer: CertificateRenderer,
  ) {}

  async execute({ number, status, version = 1 }: JobPayloads['certificate-pdf'], context: JobContext): Promise<void> {
    const document = await this.certificates.find(number, version);
    if (!document) throw new Error(`certificate ${number} version ${version} does not exist`);
    // A job for a status the certificate no longer has (it was revoked meanwhile) has nothing to do.
    if (document.status !== status) return;
    const pdf = await this.renderer.pdf(document);
    const renderedBy = `${context.processRole}@${hostname()}:${process.pid}`;
    await this.pdfs.put(number, status, pdf, renderedBy, new Date().toISOString(), version);
  }
}
