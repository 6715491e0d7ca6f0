import { assertNoRuleViolations, pendingEvidenceFindings } from '@registry/domain';
import type { ClaimRecord, Stores } from '../ports';

/**
 * 422 RULE_VIOLATION (CN-2.1.6-evidence, CFP-art9-evidence) while a retirement backing the claim
 * still waits for the managing registry's reference: a claim is certified on proven retirements.
 * Voided retirements no longer back the claim.
 */
export async function refusePendingEvidence(stores: Stores, claim: ClaimRecord): Promise<void> {
  const backing = await stores.retirements.findByClaim(claim.id);
  const voided = new Set((await stores.retirements.findVoids(backing.map((r) => r.id))).map((v) => v.retirementId));
  const pending = backing.filter((r) => !r.evidence && !voided.has(r.id)).map((r) => r.certificateNumber);
  assertNoRuleViolations(pendingEvidenceFindings(claim.type, pending), { details: { pendingRetirements: pending } });
}
