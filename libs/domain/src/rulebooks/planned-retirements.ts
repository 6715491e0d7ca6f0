import { isSchemeCode } from '../schemes';
import type { DatePeriod } from './cn-date-rules';
import { add, compare, formatDecimal, ZERO, type Decimal } from './decimal';
import { FieldErrors } from './findings';
import type { Finding } from './rulebook';

/** CN plan (seed 002, 3.1.5): how and when the credits will be procured and retired. */
export interface PlannedRetirement {
  readonly scheme: string;
  readonly tonnes: string;
  /** Retired by this date. */
  readonly by: string;
}

export const PLANNED_RETIREMENTS_RULE = 'CNP-3.1.5';

/**
 * Checks the plan's retirement schedule: known schemes, positive tonnes, dates inside the plan
 * period (400 naming the field), and a warning when it plans fewer tonnes than required.
 */
export function checkPlannedRetirements(
  planned: readonly PlannedRetirement[] | undefined,
  planPeriod: DatePeriod,
  requiredTonnes: string,
): Finding[] {
  if (planned === undefined) return [{ rule: PLANNED_RETIREMENTS_RULE, severity: 'warning', message: 'the plan states no planned retirements yet' }];
  const errors = new FieldErrors();
  let total: Decimal = ZERO;
  planned.forEach((item, i) => {
    if (!isSchemeCode(item.scheme)) errors.add(`plannedRetirements[${i}].scheme`, 'must be a scheme code of GET /v1/schemes');
    const tonnes = errors.decimal(item.tonnes, `plannedRetirements[${i}].tonnes`, { nonNegative: true });
    if (tonnes) total = add(total, tonnes);
    const by = errors.date(item.by, `plannedRetirements[${i}].by`);
    if (by && (by < planPeriod.start || by > planPeriod.end)) {
      errors.add(`plannedRetirements[${i}].by`, `must fall within the plan period ${planPeriod.start}..${planPeriod.end}`);
    }
  });
  errors.throwIfAny();
  const required: Decimal = { units: BigInt(requiredTonnes), scale: 0 };
  if (compare(total, required) >= 0) return [];
  return [
    {
      rule: PLANNED_RETIREMENTS_RULE,
      severity: 'warning',
      message: `the plan retires ${formatDecimal(total)} t but the neutralised amount needs ${requiredTonnes} t`,
    },
  ];
}
