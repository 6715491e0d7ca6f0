import type { IsoDate } from './calendar';
import { CFP_RULE_IDS } from './cfp-rulebook-v5-1';
import { add, compare, decimal, formatDecimal, sum, type Decimal } from './decimal';
import type { FieldErrors } from './findings';
import { ruleFinding, type CfpRulebook, type Finding } from './rulebook';

/**
 * CFP art. 9 ③ proviso: for products whose credits are not all retired when the offset is carried
 * out, 「クレジットを調達、及び、無効化又は償却する量や実施時期等についての実施計画」.
 */
export interface CfpImplementationPlan {
  readonly retirements: readonly { readonly tonnes: string; readonly by: IsoDate }[];
}

export interface PlanProgress {
  readonly plan: CfpImplementationPlan;
  readonly requiredTonnes: string;
  /** Credits retired for the claim so far, with their dates. */
  readonly retired: readonly { readonly retiredOn: IsoDate; readonly tonnes: Decimal }[];
  /** Today (Japan time): planned retirements due by then must have happened (art. 10 ③). Omitted: not checked. */
  readonly asOf?: IsoDate;
}

/** 400 VALIDATION_FAILED naming each malformed item; at least one planned retirement. */
export function readImplementationPlan(plan: unknown, errors: FieldErrors): void {
  const retirements = (plan as { retirements?: unknown } | null)?.retirements;
  if (!Array.isArray(retirements) || retirements.length === 0) {
    errors.add('implementationPlan.retirements', 'must list at least one planned retirement { tonnes, by }');
    return;
  }
  retirements.forEach((item: { tonnes?: unknown; by?: unknown }, i) => {
    const tonnes = errors.decimal(item?.tonnes, `implementationPlan.retirements[${i}].tonnes`, { nonNegative: true });
    if (tonnes && tonnes.units === 0n) errors.add(`implementationPlan.retirements[${i}].tonnes`, 'must be more than 0');
    errors.date(item?.by, `implementationPlan.retirements[${i}].by`);
  });
}

/**
 * CFP-art9-3: retired plus planned covers the requirement; CFP-art10-3: every planned retirement
 * due before `asOf` has been made (by each past due date, the credits retired by then plus those
 * still planned later cover the requirement).
 */
export function checkImplementationPlan(progress: PlanProgress, rulebook: CfpRulebook): Finding[] {
  const findings: Finding[] = [];
  const planned = [...progress.plan.retirements].sort((a, b) => (a.by < b.by ? -1 : a.by > b.by ? 1 : 0));
  const plannedTotal = sum(planned.map((p) => decimal(p.tonnes)));
  const retiredTotal = sum(progress.retired.map((r) => r.tonnes));
  const required: Decimal = { units: BigInt(progress.requiredTonnes), scale: 0 };
  if (rulebook.rules[CFP_RULE_IDS.implementationPlan] && compare(add(plannedTotal, retiredTotal), required) < 0) {
    findings.push(
      ruleFinding(
        rulebook,
        CFP_RULE_IDS.implementationPlan,
        'error',
        `retired ${formatDecimal(retiredTotal)} t plus planned ${formatDecimal(plannedTotal)} t fall short of the required ${progress.requiredTonnes} t`,
      ),
    );
  }
  if (progress.asOf === undefined || !rulebook.rules[CFP_RULE_IDS.interimTrueUp]) return findings;
  for (const item of planned) {
    if (item.by >= progress.asOf) break;
    // Past a due date, what is retired by then plus what is still planned later must cover the requirement.
    const retiredBy = sum(progress.retired.filter((r) => r.retiredOn <= item.by).map((r) => r.tonnes));
    const plannedLater = sum(planned.filter((p) => p.by > item.by).map((p) => decimal(p.tonnes)));
    if (compare(add(retiredBy, plannedLater), required) < 0) {
      findings.push(
        ruleFinding(
          rulebook,
          CFP_RULE_IDS.interimTrueUp,
          'error',
          `a retirement planned by ${item.by} was not made: ${formatDecimal(retiredBy)} t retired by then and ${formatDecimal(plannedLater)} t planned later fall short of the required ${progress.requiredTonnes} t`,
        ),
      );
      break;
    }
  }
  return findings;
}
