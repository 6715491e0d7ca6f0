import type { CertificateRecord, Stores } from '../ports';
import type { CertificateDocument } from './render/certificate-view';

/**
 * GET /v1/certificates/{number}: the signed body, its proof, and the status derived from the
 * retirement's void. Fields a later version signs are passed through as they are.
 */
export type CertificateDocumentView = CertificateDocument & Record<string, unknown>;

export async function certificateDocument(stores: Stores, certificate: CertificateRecord): Promise<CertificateDocumentView> {
  const voided = await stores.retirements.findVoid(certificate.retirementId);
  // The body is what issueCertificate signed: the fields of CertificateDocument (the display ones
  // optional, as certificates issued before them lack them).
  return {
    ...certificate.body,
    status: voided ? 'revoked' : 'valid',
    ...(voided ? { revocation: { reason: voided.reason, at: voided.createdAt } } : {}),
    ...certificate.proof,
  } as CertificateDocumentView;
}
