import { Injectable } from '@nestjs/common';
import { JobQueue } from '@registry/jobs';
import { CertificateQueries, type CertificatePdf } from './certificate.queries';
import { enqueueCertificatePdf } from './certificate-pdf-job';

/**
 * `GET /v1/certificates/{number}.pdf`. A PDF not rendered yet is asked for again here: a status
 * can change without a ledger command (a claim certificate expires), and the job id makes asking
 * twice harmless. Apart from CertificateQueries, which the PDF job itself uses (no queue there).
 */
@Injectable()
export class GetCertificatePdfQuery {
  constructor(
    private readonly certificates: CertificateQueries,
    private readonly queue: JobQueue,
  ) {}

  async execute(number: string, version?: number): Promise<CertificatePdf> {
    const pdf = await this.certificates.pdf(number, version);
    if (pdf.state === 'rendering') await enqueueCertificatePdf(this.queue, number, pdf.status, pdf.version);
    return pdf;
  }
}
