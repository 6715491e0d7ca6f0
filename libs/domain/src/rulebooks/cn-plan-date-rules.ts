import { deadlineAfter, describeMonths, periodLastDay, type IsoDate } from './calendar';
import { checkCnApplicationAfterPlan, type DatePeriod } from './cn-date-rules';
import { CN_RULE_IDS as R } from './cn-standard-2011.rules';
import { ruleApplies, ruleFinding, type CnPlanRulebook, type Finding } from './rulebook';

export interface CnPlanDates {
  /** The day the registry received the plan application (the claim's receivedOn), never a declared date. */
  readonly applicationDate: IsoDate;
  readonly planPeriod: DatePeriod;
  readonly targetPeriod: DatePeriod;
  /** The later CN application, when known (3.1.4). */
  readonly cnApplicationDate?: IsoDate;
  /** Plan applications the entity filed before this one (3.1.6). */
  readonly priorPlanApplications?: number;
}

/**
 * The plan date rules of 3.1.2 ①–④, 3.1.4, 3.1.6 and annex 4 ⑥. "Within N of <event day>" does not
 * count the event's day; spans that start on a period's first day count it (calendar.ts).
 */
export function checkCnPlanDates(dates: CnPlanDates, rulebook: CnPlanRulebook): Finding[] {
  const p = rulebook.params;
  const { planPeriod: plan, targetPeriod: target } = dates;
  const findings: Finding[] = [];
  const error = (rule: string, message: string) => {
    if (rulebook.rules[rule]) findings.push(ruleFinding(rulebook, rule, 'error', message));
  };

  if (plan.end < plan.start) error(R.planStartAfterApplication, `the plan period ends (${plan.end}) before it starts (${plan.start})`);
  findings.push(...checkPlanStart(dates, rulebook));

  const longestTargetEnd = periodLastDay(plan.start, p.planStartToTargetEndMaxMonths);
  if (target.end > longestTargetEnd) {
    error(
      R.planStartToTargetEnd,
      `from the plan start (${plan.start}) to the end of the target period (${target.end}) exceeds ${describeMonths(p.planStartToTargetEndMaxMonths)}: the target period must end by ${longestTargetEnd}`,
    );
  }

  const latestPlanEnd = deadlineAfter(target.end, p.planEndWithinMonthsOfTargetEnd);
  if (plan.end < target.end) error(R.planEndAfterTargetEnd, `the plan period ends (${plan.end}) before the target period (${target.end})`);
  else if (plan.end > latestPlanEnd) {
    error(
      R.planEndAfterTargetEnd,
      `the plan period must end within ${describeMonths(p.planEndWithinMonthsOfTargetEnd)} after the target period ends (${target.end}), i.e. by ${latestPlanEnd}; got ${plan.end}`,
    );
  }

  const latestTargetStart = periodLastDay(plan.start, p.targetStartWithinMonthsOfPlanStart);
  if (target.start < plan.start) error(R.targetStartAfterPlanStart, `the target period starts (${target.start}) before the plan period (${plan.start})`);
  else if (target.start > latestTargetStart) {
    error(
      R.targetStartAfterPlanStart,
      `the target period must start within ${describeMonths(p.targetStartWithinMonthsOfPlanStart)} of the plan start (${plan.start}), i.e. by ${latestTargetStart}; got ${target.start}`,
    );
  }

  if (dates.cnApplicationDate !== undefined) {
    findings.push(...checkCnApplicationAfterPlan({ targetPeriodEnd: target.end, cnApplicationDate: dates.cnApplicationDate }, rulebook));
  }
  if ((dates.priorPlanApplications ?? 0) > 0 && rulebook.rules[R.onePlanApplication]) {
    // "unless the certifier decides otherwise": the certifier may allow it, so this only warns.
    findings.push(
      ruleFinding(rulebook, R.onePlanApplication, 'warning', `the entity already filed ${dates.priorPlanApplications} plan application(s); one is allowed unless the certifier decides otherwise`),
    );
  }
  return findings;
}

/**
 * 3.1.2 ①: the plan starts on or after the application and within 1 year of it. A plan already
 * under way when applied for was allowed by annex 4 (until the annex ended on 2013-03-31) if the
 * application came within 1 year of the plan's start (5 years for applications until 2012-03-31).
 */
function checkPlanStart(dates: CnPlanDates, rulebook: CnPlanRulebook): Finding[] {
  const p = rulebook.params;
  const { applicationDate, planPeriod: plan } = dates;
  const startRule = R.planStartAfterApplication;
  if (!rulebook.rules[startRule]) return [];
  if (plan.start >= applicationDate) {
    const latestStart = deadlineAfter(applicationDate, p.planStartWithinMonthsOfApplication);
    if (plan.start <= latestStart) return [];
    return [
      ruleFinding(
        rulebook,
        startRule,
        'error',
        `the plan period must start within ${describeMonths(p.planStartWithinMonthsOfApplication)} of the plan application (${applicationDate}), i.e. by ${latestStart}; got ${plan.start}`,
      ),
    ];
  }
  const annex = R.activitiesBeforePlanApplication;
  if (!ruleApplies(rulebook, annex, applicationDate)) {
    return [ruleFinding(rulebook, startRule, 'error', `the plan period starts (${plan.start}) before the plan application (${applicationDate})`)];
  }
  const months = applicationDate <= p.annex4.extendedUntil ? p.annex4.extendedApplyWithinMonths : p.annex4.applyWithinMonthsOfPlanStart;
  const latestApplication = deadlineAfter(plan.start, months);
  if (applicationDate <= latestApplication) return [];
  return [
    ruleFinding(
      rulebook,
      annex,
      'error',
      `a plan under way since ${plan.start} must be applied for within ${describeMonths(months)} of its start, i.e. by ${latestApplication}; applied ${applicationDate}`,
    ),
  ];
}
