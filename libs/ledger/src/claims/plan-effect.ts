import { cnPlanEffect } from '@registry/domain';
import type { ClaimRecord, Stores } from '../ports';

/**
 * CNP-3.3.2: a plan certification has effect until its holder obtains CN certification. When the CN
 * claim that follows a certified plan is certified, the plan's validity ends that day (the CN
 * certification's journal entry records the plan it followed in the claim's draft).
 */
export async function endPlanEffectOnCnCertification(stores: Stores, cn: ClaimRecord, certifiedOn: string): Promise<void> {
  const planClaimId = cn.draft.type === 'CN' ? (cn.draft as { planClaimId?: string }).planClaimId : undefined;
  if (planClaimId === undefined) return;
  const plan = await stores.claims.findById(planClaimId);
  if (!plan || plan.draft.type !== 'CN_PLAN' || plan.applicantId !== cn.applicantId || plan.validFrom === null) return;
  const effect = cnPlanEffect({ planPeriod: plan.draft.planPeriod, cnCertifiedOn: certifiedOn });
  await stores.claims.update({ ...plan, validTo: effect.to, updatedSeq: cn.updatedSeq, updatedAt: cn.updatedAt });
}
