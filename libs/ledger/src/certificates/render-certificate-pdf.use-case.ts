import { Inject, Injectable } from '@nestjs/common';
import { REGISTRY_CONFIG, type RegistryConfig } from '@registry/config';
import type { JobContext, JobPayloads } from '@registry/jobs';
import { hostname } from 'node:os';
import { CertificatePdfStore } from '../ports';
import { CertificateQueries } from './certificate.queries';
import { certificateVerifyUrl } from './render/certificate-view';
import { renderCertificatePdf } from './render/certificate-pdf';
import { renderClaimCertificatePdf } from './render/claim-certificate-pdf';
import type { ClaimCertificateView } from './render/claim-certificate-page';
import { isClaimCertificate } from '@registry/domain';

/** The `certificate-pdf` job: renders outside any transaction, stores the result once. */
@Injectable()
export class RenderCertificatePdfUseCase {
  constructor(
    private readonly certificates: CertificateQueries,
    private readonly pdfs: CertificatePdfStore,
    @Inject(REGISTRY_CONFIG) private readonly config: RegistryConfig,
  ) {}

  async execute({ number, status, version = 1 }: JobPayloads['certificate-pdf'], context: JobContext): Promise<void> {
    const document = await this.certificates.find(number, version);
    if (!document) throw new Error(`certificate ${number} version ${version} does not exist`);
    // A job for a status the certificate no longer has (it was revoked meanwhile) has nothing to do.
    if (document.status !== status) return;
    const verifyUrl = certificateVerifyUrl(this.config.publicBaseUrl, number);
    const pdf = isClaimCertificate(document)
      ? await renderClaimCertificatePdf(document as unknown as ClaimCertificateView, { verifyUrl })
      : await renderCertificatePdf(document, { verifyUrl });
    const renderedBy = `${context.processRole}@${hostname()}:${process.pid}`;
    await this.pdfs.put(number, status, pdf, renderedBy, new Date().toISOString(), version);
  }
}
