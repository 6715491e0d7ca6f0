import type { CertificateRecord, Stores } from '../ports';

/** GET /v1/certificates/{number}: the signed body, its proof, and the status derived from the retirement's void. */
export interface CertificateDocumentView extends Record<string, unknown> {
  number: string;
  status: 'valid' | 'revoked';
  revocation?: { reason: string; at: string };
  digest: string;
  signature: string;
  keyId: string;
}

export async function certificateDocument(stores: Stores, certificate: CertificateRecord): Promise<CertificateDocumentView> {
  const voided = await stores.retirements.findVoid(certificate.retirementId);
  return {
    ...certificate.body,
    status: voided ? 'revoked' : 'valid',
    ...(voided ? { revocation: { reason: voided.reason, at: voided.createdAt } } : {}),
    ...certificate.proof,
  };
}
