import { deadlineAfter, describeMonths, fiscalYearFirstDay, fiscalYearLastDay, periodLastDay, type IsoDate } from './calendar';
import { CN_RULE_IDS as R } from './cn-standard-2011.rules';
import { ruleFinding, type CnPlanRulebook, type CnRulebook, type Finding } from './rulebook';

/** Both ends inclusive. */
export interface DatePeriod {
  readonly start: IsoDate;
  readonly end: IsoDate;
}

type CnStandardRulebook = CnRulebook | CnPlanRulebook;

/** CN-2.1.2-3: the target period lasts at least 1 year, start..end inclusive (2024-04-01..2025-03-31 is 1 year). */
export function checkTargetPeriod(period: DatePeriod, rulebook: CnStandardRulebook): Finding[] {
  if (!rulebook.rules[R.targetPeriod]) return [];
  if (period.end < period.start) {
    return [ruleFinding(rulebook, R.targetPeriod, 'error', `the target period ends (${period.end}) before it starts (${period.start})`)];
  }
  const months = rulebook.params.targetPeriodMinMonths;
  const shortestEnd = periodLastDay(period.start, months);
  if (period.end >= shortestEnd) return [];
  return [
    ruleFinding(
      rulebook,
      R.targetPeriod,
      'error',
      `the target period ${period.start}..${period.end} is shorter than ${describeMonths(months)}: starting ${period.start} it must end on or after ${shortestEnd}`,
    ),
  ];
}

/**
 * CN-2.1.2-4: the base year is a Japanese fiscal year from FY1990 (1990-04-01..1991-03-31) on;
 * several fiscal years stand for a multi-year average.
 */
export function checkBaseYear(baseYear: number | readonly number[], rulebook: CnStandardRulebook): Finding[] {
  if (!rulebook.rules[R.baseYear]) return [];
  const min = rulebook.params.baseYearMinFiscalYear;
  const years = typeof baseYear === 'number' ? [baseYear] : baseYear;
  if (years.length === 0) return [ruleFinding(rulebook, R.baseYear, 'error', 'no base year given')];
  return years
    .filter((fy) => !Number.isSafeInteger(fy) || fy < min)
    .map((fy) =>
      ruleFinding(
        rulebook,
        R.baseYear,
        'error',
        Number.isSafeInteger(fy)
          ? `base year FY${fy} (${fiscalYearFirstDay(fy)}..${fiscalYearLastDay(fy)}) is before FY${min}`
          : `base year ${fy} is not a fiscal year`,
      ),
    );
}

export interface CertificationValidity {
  readonly certifiedOn: IsoDate;
  readonly validFrom: IsoDate;
  readonly validTo: IsoDate;
}

/** CN-2.3.3-1: validity starts within 6 months of certification and lasts at most 1 year. */
export function checkValidity(validity: CertificationValidity, rulebook: CnRulebook): Finding[] {
  if (!rulebook.rules[R.validity]) return [];
  const { certifiedOn, validFrom, validTo } = validity;
  const { validityStartWithinMonths: within, validityMaxMonths: max } = rulebook.params;
  const error = (message: string) => ruleFinding(rulebook, R.validity, 'error', message);
  const findings: Finding[] = [];
  const latestStart = deadlineAfter(certifiedOn, within);
  if (validFrom < certifiedOn) findings.push(error(`validity starts (${validFrom}) before the certification (${certifiedOn})`));
  else if (validFrom > latestStart) {
    findings.push(error(`validity must start within ${describeMonths(within)} of certification on ${certifiedOn}, i.e. by ${latestStart}; got ${validFrom}`));
  }
  if (validTo < validFrom) findings.push(error(`validity ends (${validTo}) before it starts (${validFrom})`));
  else if (validTo > periodLastDay(validFrom, max)) {
    findings.push(error(`validity ${validFrom}..${validTo} is longer than ${describeMonths(max)}: it must end by ${periodLastDay(validFrom, max)}`));
  }
  return findings;
}

/** CNP-3.1.4: a plan holder applies for CN within 6 months after the target period ends. */
export function checkCnApplicationAfterPlan(
  dates: { readonly targetPeriodEnd: IsoDate; readonly cnApplicationDate: IsoDate },
  rulebook: CnStandardRulebook,
): Finding[] {
  if (!rulebook.rules[R.cnApplicationAfterTargetEnd]) return [];
  const { targetPeriodEnd, cnApplicationDate } = dates;
  const months = rulebook.params.cnApplicationWithinMonthsOfTargetEnd;
  const deadline = deadlineAfter(targetPeriodEnd, months);
  const error = (message: string) => [ruleFinding(rulebook, R.cnApplicationAfterTargetEnd, 'error', message)];
  if (cnApplicationDate <= targetPeriodEnd) {
    return error(`the CN application (${cnApplicationDate}) must follow the end of the target period (${targetPeriodEnd})`);
  }
  if (cnApplicationDate > deadline) {
    return error(`the CN application must be filed within ${describeMonths(months)} of the target period's end, i.e. by ${deadline}; got ${cnApplicationDate}`);
  }
  return [];
}
