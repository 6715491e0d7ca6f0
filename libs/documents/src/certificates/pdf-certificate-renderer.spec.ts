import type { CertificateDocumentView } from '@registry/ledger';
import { SAMPLE_CLAIM_CERTIFICATE, SAMPLE_VALID_CERTIFICATE } from './certificate-samples';
import { PdfCertificateRenderer } from './pdf-certificate-renderer';

/** The PDF's Info /Keywords string: the number, then the retirement id or the claim id, then the digest. */
const keywords = (...words: string[]) => `(${words.join(', ')})`;

describe('PdfCertificateRenderer (the ledger port CertificateRenderer)', () => {
  const renderer = new PdfCertificateRenderer('https://registry.example.jp/');

  it('draws a retirement certificate whose link is the verify page under the public base URL', async () => {
    const pdf = await renderer.pdf(SAMPLE_VALID_CERTIFICATE as CertificateDocumentView);
    expect(pdf.subarray(0, 5).toString('latin1')).toBe('%PDF-');
    expect(pdf.toString('latin1')).toContain(keywords(SAMPLE_VALID_CERTIFICATE.number, SAMPLE_VALID_CERTIFICATE.retirementId, SAMPLE_VALID_CERTIFICATE.digest));
    expect(pdf.toString('latin1')).toContain('/URI (https://registry.example.jp/verify/RC-2026-000123)');
  }, 30_000);

  it("draws a claim's own certificate (kind: claim) as the claim certificate", async () => {
    const pdf = await renderer.pdf(SAMPLE_CLAIM_CERTIFICATE as unknown as CertificateDocumentView);
    expect(pdf.toString('latin1')).toContain(keywords(SAMPLE_CLAIM_CERTIFICATE.number, SAMPLE_CLAIM_CERTIFICATE.claimId, SAMPLE_CLAIM_CERTIFICATE.digest));
    expect(pdf.toString('latin1')).toContain('/URI (https://registry.example.jp/verify/CN-2026-0042)');
  }, 30_000);
});
