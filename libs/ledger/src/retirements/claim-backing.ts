import { assessCreditForClaim, DEFAULT_RULEBOOK_REGISTRY, DomainError, ineligibleCreditError, type CreditEligibility, type ParsedSerial } from '@registry/domain';
import type { Actor } from '../actor';
import { forbidden, loadClaim, mayActFor } from '../claims/claim-access';
import { CLAIM_ACCEPTS_RETIREMENTS } from '../claims/claim-lifecycle';
import type { ClaimRecord, CreditFacts, Stores } from '../ports';

/** The claim a retirement backs: the caller must be its applicant or a provider it authorised. */
export async function claimToBack(stores: Stores, actor: Actor, claimId: string): Promise<ClaimRecord> {
  const claim = await loadClaim(stores, claimId);
  if (!(await mayActFor(stores, actor, claim))) {
    throw forbidden('only the applicant and the providers it authorised may retire credits for this claim');
  }
  if (!CLAIM_ACCEPTS_RETIREMENTS.includes(claim.status)) {
    throw new DomainError('INVALID_STATE', `a ${claim.status} claim takes no more retirements`, { field: 'claimId', claimStatus: claim.status });
  }
  return claim;
}

/** Whether the claim's program accepts one serial (on record) retired on `retiredOn`, and by which rule. */
export function creditEligibilityForClaim(claim: ClaimRecord, serial: ParsedSerial, retiredOn: string, facts?: CreditFacts): CreditEligibility {
  return assessCreditForClaim(
    DEFAULT_RULEBOOK_REGISTRY,
    { program: claim.type, receivedOn: claim.receivedOn },
    { scheme: serial.scheme, attributes: serial.attributes, retiredOn, ...(facts ?? {}) },
    { participantId: claim.applicantId },
  );
}

/** 422 INELIGIBLE_CREDIT naming the first serial the claim's program does not accept on `retiredOn`. */
export function refuseIneligible(claim: ClaimRecord, serials: readonly ParsedSerial[], retiredOn: string, facts?: CreditFacts): void {
  for (const serial of serials) {
    const eligibility = creditEligibilityForClaim(claim, serial, retiredOn, facts);
    if (!eligibility.eligible) throw ineligibleCreditError(serial.canonical, eligibility);
  }
}
