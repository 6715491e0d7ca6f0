import { claimCertificateStatus, type ClaimCertificateStatus } from '@registry/domain';
import { pendingRenewal } from '../claims/claim-process-view';
import type { CertificateDocumentView, CertificateRecord, ClaimCertificateRecord, ClaimRecord, Stores } from '../ports';
import { todayInJapan } from '../retirements/japan-date';
import { publishedLogIndex } from '../log/log-place';

/** GET /v1/certificates/{number} of a retirement certificate: revoked once its retirement is voided. */
export async function certificateDocument(stores: Stores, certificate: CertificateRecord): Promise<CertificateDocumentView> {
  const voided = await stores.retirements.findVoid(certificate.retirementId);
  const backs = certificate.body.claimId ? await claimCertificateLink(stores, certificate.body.claimId) : null;
  const logIndex = await publishedLogIndex(stores, certificate.createdSeq);
  // The body is what issueCertificate signed: the fields of CertificateDocument (the display ones
  // optional, as certificates issued before them lack them).
  return {
    ...certificate.body,
    status: voided ? 'revoked' : 'valid',
    ...(voided ? { revocation: { reason: voided.reason, at: voided.createdAt } } : {}),
    ...(backs ? { claimCertificate: backs } : {}),
    ...(logIndex === null ? {} : { log: { index: logIndex } }),
    ...certificate.proof,
  } as CertificateDocumentView;
}

/** A claim certificate: its status follows the claim (suspended, revoked, withdrawn, expired after validTo). */
export async function claimCertificateDocument(stores: Stores, certificate: ClaimCertificateRecord): Promise<CertificateDocumentView> {
  const claim = await stores.claims.findById(certificate.claimId);
  const status = claim ? await statusOf(stores, claim) : 'valid';
  const changed = claim && status !== 'valid' && status !== 'expired' ? { statusChange: { reason: claim.statusReason ?? '', at: claim.updatedAt } } : {};
  const logIndex = await publishedLogIndex(stores, certificate.createdSeq);
  const log = logIndex === null ? {} : { log: { index: logIndex } };
  return { ...certificate.body, status, ...changed, ...log, ...certificate.proof } as unknown as CertificateDocumentView;
}

/** The claim certificate a retirement backs, with the claim's current status; null before certification. */
async function claimCertificateLink(stores: Stores, claimId: string): Promise<{ number: string; status: string } | null> {
  const certificate = await stores.certificates.findClaimCertificateOfClaim(claimId);
  if (!certificate) return null;
  const claim = await stores.claims.findById(claimId);
  return { number: certificate.number, status: claim ? await statusOf(stores, claim) : 'valid' };
}

/** CN-2.3.3-2: a renewal filed within the validity keeps the certification valid until it is decided. */
async function statusOf(stores: Stores, claim: ClaimRecord): Promise<ClaimCertificateStatus> {
  return claimCertificateStatus(claim, todayInJapan(), { renewalPending: (await pendingRenewal(stores, claim)) !== null });
}
