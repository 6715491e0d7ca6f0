import { judgingDate, type CnPlanClaimDraft } from './claim-draft';
import { CN_RULE_IDS as R } from './cn-standard-2011.rules';
import { ruleFinding, type CnPlanRulebook, type Finding } from './rulebook';
import { DEFAULT_RULEBOOK_REGISTRY, type RulebookRegistry } from './rulebook-registry';

export interface PlanApplications {
  /**
   * The entity's other plan applications: every one it filed past the draft, whatever became of it
   * (certified, suspended, revoked, withdrawn): 「同一の者によって一回に限り」 counts applications.
   */
  readonly priorPlanApplications: number;
  /** 「認証主体が別途定める場合を除き」: the certifier allowed another. */
  readonly allowedByCertifier: boolean;
}

/** CNP-3.1.6 at certification: one plan application per entity unless the certifier allows another. */
export function checkOnePlanPerEntity(applications: PlanApplications, rulebook: CnPlanRulebook): Finding[] {
  if (!rulebook.rules[R.onePlanApplication]) return [];
  if (applications.priorPlanApplications === 0 || applications.allowedByCertifier) return [];
  return [
    ruleFinding(
      rulebook,
      R.onePlanApplication,
      'error',
      `the applicant already filed ${applications.priorPlanApplications} CN plan application(s) (revoked and withdrawn ones count); the certifier must allow another (allowAdditionalPlan)`,
    ),
  ];
}

/** CNP-3.1.6 for a plan claim, under the plan rulebook in force on the day it was received. */
export function checkPlanApplicationCount(
  draft: CnPlanClaimDraft,
  applications: PlanApplications,
  registry: RulebookRegistry = DEFAULT_RULEBOOK_REGISTRY,
): Finding[] {
  const rulebook = registry.inForce('CN_PLAN', judgingDate(draft));
  return rulebook ? checkOnePlanPerEntity(applications, rulebook) : [];
}
