import { isClaimCertificate } from '@registry/domain';
import { CertificateRenderer, type CertificateDocumentView, type ClaimCertificateView } from '@registry/ledger/ports';
import { certificateVerifyUrl } from './certificate-format';
import { renderCertificatePdf } from './certificate-pdf';
import { renderClaimCertificatePdf } from './claim-certificate-pdf';

/** The ledger's CertificateRenderer: pdfkit drawings whose QR code points to `PUBLIC_BASE_URL/verify/{number}`. */
export class PdfCertificateRenderer extends CertificateRenderer {
  constructor(private readonly publicBaseUrl: string) {
    super();
  }

  pdf(document: CertificateDocumentView): Promise<Buffer> {
    const verifyUrl = certificateVerifyUrl(this.publicBaseUrl, document.number);
    return isClaimCertificate(document)
      ? renderClaimCertificatePdf(document as unknown as ClaimCertificateView, { verifyUrl })
      : renderCertificatePdf(document, { verifyUrl });
  }
}
