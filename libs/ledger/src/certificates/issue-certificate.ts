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
    officialReference: retirement.evidence ? 'recorded' : 'pending',
    version: 1,
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
    version: 1,
  };
  await stores.certificates.insert(certificate);
  return certificate;
}

/**
 * Signs the next version of a certificate under the same number: the previous body with what
 * changed (e.g. the official reference). `issuedAt` is this version's; the first one's stays.
 */
export async function issueCertificateVersion(
  stores: Stores,
  signer: CertificateSigner,
  previous: CertificateRecord,
  changes: Record<string, unknown>,
  at: { seq: number; now: string },
): Promise<CertificateRecord> {
  const version = previous.version + 1;
  const body: CertificateBody = {
    ...previous.body,
    ...changes,
    version,
    issuedAt: at.now,
    firstIssuedAt: (previous.body.firstIssuedAt as string | undefined) ?? previous.body.issuedAt,
  };
  const certificate: CertificateRecord = { ...previous, body, proof: signer.sign(body), issuedAt: at.now, createdSeq: at.seq, version };
  await stores.certificates.insertVersion(certificate);
  return certificate;
}

function claimPeriod(claim: ClaimRecord): { start: string; end: string } {
  const draft = claim.draft;
  if (draft.type === 'CFP') return draft.period;
  if (draft.type === 'CN_PLAN') return draft.planPeriod;
  return draft.targetPeriod;
}
