import { isSchemeCode } from '../schemes';
import type { DatePeriod } from './cn-date-rules';
import { add, compare, formatDecimal, ZERO, type Decimal } from './decimal';
import { FieldErrors } from './findings';
import type { Finding } from './rulebook';

/**
 * CN plan: how and when the credits will be procured and retired. 3.1.1 ② applies 2.1.6 (credits ≥
 * the emissions) to the plan, and table 5 publishes it as the plan's 埋め合わせ計画 (seed 002).
 */
export interface PlannedRetirement {
  readonly scheme: string;
  readonly tonnes: string;
  /** Retired by this date. */
  readonly by: string;
}

export const PLANNED_RETIREMENTS_RULE = 'CNP-3.1.1-2';

/**
 * Checks the plan's retirement schedule: known schemes, non-negative tonnes, real dates (400 naming
 * the field); warnings when it plans fewer tonnes than required or a retirement outside the plan
 * period (no seed forbids one, and the credits need only be retired before the CN verification,
 * seed 003 "クレジットの無効化のタイミング").
 */
export function checkPlannedRetirements(
  planned: readonly PlannedRetirement[] | undefined,
  planPeriod: DatePeriod,
  requiredTonnes: string,
): Finding[] {
  if (planned === undefined) return [warning('the plan states no planned retirements yet')];
  const errors = new FieldErrors();
  let total: Decimal = ZERO;
  const findings: Finding[] = [];
  planned.forEach((item, i) => {
    if (!isSchemeCode(item.scheme)) errors.add(`plannedRetirements[${i}].scheme`, 'must be a scheme code of GET /v1/schemes');
    const tonnes = errors.decimal(item.tonnes, `plannedRetirements[${i}].tonnes`, { nonNegative: true });
    if (tonnes) total = add(total, tonnes);
    const by = errors.date(item.by, `plannedRetirements[${i}].by`);
    if (by && (by < planPeriod.start || by > planPeriod.end)) {
      findings.push(warning(`plannedRetirements[${i}] is planned for ${by}, outside the plan period ${planPeriod.start}..${planPeriod.end}`));
    }
  });
  errors.throwIfAny();
  const required: Decimal = { units: BigInt(requiredTonnes), scale: 0 };
  if (compare(total, required) < 0) {
    findings.push(warning(`the plan retires ${formatDecimal(total)} t but the neutralised amount needs ${requiredTonnes} t`));
  }
  return findings;
}

const warning = (message: string): Finding => ({ rule: PLANNED_RETIREMENTS_RULE, severity: 'warning', message });
