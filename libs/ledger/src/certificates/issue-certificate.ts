import { findScheme, type CertificateBody, type ParsedSerial } from '@registry/domain';
import type { CertificateRecord, CertificateSigner, ClaimRecord, RetirementRecord, Stores } from '../ports';

/**
 * Signs and stores the certificate of a retirement, in the retirement's transaction: a committed
 * retirement always has its certificate. The PDF is rendered afterwards by a job.
 */
export async function issueCertificate(
  stores: Stores,
  signer: CertificateSigner,
  retirement: RetirementRecord,
  serials: readonly ParsedSerial[],
  claim: ClaimRecord | null,
): Promise<CertificateRecord> {
  const holder = await stores.organizations.findById(retirement.organizationId);
  const body: CertificateBody = {
    number: retirement.certificateNumber,
    issuedAt: retirement.createdAt,
    retirementId: retirement.id,
    claimId: retirement.claimId,
    beneficiary: retirement.beneficiary,
    purpose: retirement.purpose,
    quantity: String(retirement.quantity),
    serials: retirement.serials,
    retiredOn: retirement.retiredOn,
    holder: { id: retirement.organizationId, name: holder?.name ?? '' },
    evidence: retirement.evidence,
    claim: claim ? { id: claim.id, type: claim.type, period: claimPeriod(claim) } : null,
    blocks: serials.map((s) => {
      const scheme = findScheme(s.scheme);
      return { serial: s.canonical, scheme: s.scheme, schemeName: scheme.nameJa, quantity: String(s.range.quantity), unit: scheme.unit };
    }),
  };
  const certificate: CertificateRecord = {
    number: body.number,
    retirementId: retirement.id,
    body,
    proof: signer.sign(body),
    issuedAt: body.issuedAt,
    createdSeq: retirement.createdSeq,
  };
  await stores.certificates.insert(certificate);
  return certificate;
}

function claimPeriod(claim: ClaimRecord): { start: string; end: string } {
  const draft = claim.draft;
  if (draft.type === 'CFP') return draft.period;
  if (draft.type === 'CN_PLAN') return draft.planPeriod;
  return draft.targetPeriod;
}
