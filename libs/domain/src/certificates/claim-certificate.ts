import type { SignedBody } from './certificate-signature';

/**
 * A claim's own certificate (issue 16): signed at certification under the certification number
 * (`CN-2026-0001`, `CNP-…`, a CFP notification number). It states the claim as certified; its
 * status is derived from the claim when it is read, never signed.
 */
export interface ClaimCertificateBody extends SignedBody {
  kind: 'claim';
  number: string;
  version: 1;
  issuedAt: string;
  claimId: string;
  type: 'CN' | 'CN_PLAN' | 'CFP';
  applicant: { id: string; name: string; corporateNumber: string | null };
  certifier: { id: string; name: string } | null;
  /** CN and CN plans. */
  boundary?: string;
  targetPeriod?: { start: string; end: string };
  planPeriod?: { start: string; end: string };
  /** CFP. */
  product?: { name: string; cfpVerificationNumber: string };
  period?: { start: string; end: string };
  certifiedOn: string;
  validFrom: string | null;
  validTo: string | null;
  requiredTonnes: string;
  retiredTonnes: string;
  /** The numbers of the retirement certificates backing the claim (voided ones left out). */
  retirementCertificates: string[];
}

export type ClaimCertificateStatus = 'valid' | 'suspended' | 'revoked' | 'withdrawn' | 'expired';

/**
 * The status a claim certificate shows: the claim's sanction or withdrawal, else expired the day
 * after `validTo` (Japan date), else valid (also while a withdrawal request awaits the certifier,
 * CN 2.3.7: the certification's effect ends only when it is accepted; and past validTo while a new
 * application filed within the validity awaits its decision, CN-2.3.3-2).
 */
export function claimCertificateStatus(
  claim: { status: string; validTo: string | null },
  todayInJapan: string,
  options: { renewalPending?: boolean } = {},
): ClaimCertificateStatus {
  if (claim.status === 'suspended' || claim.status === 'revoked' || claim.status === 'withdrawn') return claim.status;
  if (claim.validTo && todayInJapan > claim.validTo && !options.renewalPending) return 'expired';
  return 'valid';
}

/** A body is a claim certificate's when it says so; retirement certificates carry no `kind`. */
export function isClaimCertificate(body: Record<string, unknown>): boolean {
  return body.kind === 'claim';
}
