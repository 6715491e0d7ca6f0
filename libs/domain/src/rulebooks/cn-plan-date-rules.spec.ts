import { periodLastDay } from './calendar';
import { CN_PLAN_RULEBOOK_2011 } from './cn-rulebook-2011';
import { checkCnPlanDates, type CnPlanDates } from './cn-plan-date-rules';

const plan = CN_PLAN_RULEBOOK_2011;
const rules = (findings: { rule: string; severity: string }[]) => findings.map((f) => `${f.rule}/${f.severity}`);

/** A plan that meets every date rule: applied 2024-01-15, plan 2024-04-01..2025-09-30, target FY2024. */
const valid: CnPlanDates = {
  applicationDate: '2024-01-15',
  planPeriod: { start: '2024-04-01', end: '2025-09-30' },
  targetPeriod: { start: '2024-04-01', end: '2025-03-31' },
};
const withPlan = (planPeriod: Partial<CnPlanDates['planPeriod']>, rest: Partial<CnPlanDates> = {}): CnPlanDates => ({
  ...valid,
  ...rest,
  planPeriod: { ...valid.planPeriod, ...planPeriod },
});
const withTarget = (targetPeriod: Partial<CnPlanDates['targetPeriod']>, rest: Partial<CnPlanDates> = {}): CnPlanDates => ({
  ...valid,
  ...rest,
  targetPeriod: { ...valid.targetPeriod, ...targetPeriod },
});

describe('CN plan date rules', () => {
  it('finds nothing in a plan that meets every rule', () => {
    expect(checkCnPlanDates(valid, plan)).toEqual([]);
  });

  describe('CNP-3.1.2-1 plan period starts within 1 year of the plan application', () => {
    const base = { planPeriod: { start: '2025-01-15', end: '2026-09-30' }, targetPeriod: { start: '2025-04-01', end: '2026-03-31' } };
    it('accepts a start on 2025-01-15 for an application on 2024-01-15', () => {
      expect(checkCnPlanDates({ ...valid, ...base }, plan)).toEqual([]);
    });
    it('refuses a start on 2025-01-16', () => {
      expect(rules(checkCnPlanDates({ ...valid, ...base, planPeriod: { ...base.planPeriod, start: '2025-01-16' } }, plan))).toEqual(['CNP-3.1.2-1/error']);
    });
    it('refuses a plan period that ends before it starts', () => {
      expect(rules(checkCnPlanDates(withPlan({ end: '2024-03-01' }), plan))).toContain('CNP-3.1.2-1/error');
    });
    it('refuses a plan that started before its application once the annex has ended', () => {
      expect(rules(checkCnPlanDates(withPlan({ start: '2024-01-14', end: '2025-01-13' }, { targetPeriod: { start: '2024-01-14', end: '2025-01-13' } }), plan))).toEqual([
        'CNP-3.1.2-1/error',
      ]);
    });
  });

  describe('CN-annex-4-6 a plan already under way (until 2013-03-31)', () => {
    const underWay = (start: string, applicationDate: string): CnPlanDates => ({
      applicationDate,
      planPeriod: { start, end: targetEnd(start) },
      targetPeriod: { start, end: targetEnd(start) },
    });
    it('accepts an application within 1 year of the plan start', () => {
      expect(checkCnPlanDates(underWay('2011-06-01', '2012-06-01'), plan)).toEqual([]);
    });
    it('refuses one a day later', () => {
      expect(rules(checkCnPlanDates(underWay('2011-05-31', '2012-06-01'), plan))).toEqual(['CN-annex-4-6/error']);
    });
    it('allows 5 years for applications until 2012-03-31', () => {
      expect(rules(checkCnPlanDates(underWay('2010-04-01', '2012-03-31'), plan)).filter((r) => r.startsWith('CN-annex'))).toEqual([]);
      expect(rules(checkCnPlanDates(underWay('2011-03-31', '2012-04-01'), plan))).toContain('CN-annex-4-6/error');
    });
    it('no longer applies after 2013-03-31', () => {
      expect(rules(checkCnPlanDates(underWay('2013-01-01', '2013-04-01'), plan))).toEqual(['CNP-3.1.2-1/error']);
    });
  });

  describe('CNP-3.1.2-2 plan start to target-period end at most 2 years', () => {
    const long = { applicationDate: '2024-01-15', planPeriod: { start: '2024-04-01', end: '2026-09-30' } };
    it('accepts a target period ending 2026-03-31 for a plan starting 2024-04-01', () => {
      expect(checkCnPlanDates({ ...long, targetPeriod: { start: '2025-03-31', end: '2026-03-31' } }, plan)).toEqual([]);
    });
    it('refuses one ending 2026-04-01', () => {
      expect(rules(checkCnPlanDates({ ...long, planPeriod: { ...long.planPeriod, end: '2026-10-01' }, targetPeriod: { start: '2025-03-31', end: '2026-04-01' } }, plan))).toEqual([
        'CNP-3.1.2-2/error',
      ]);
    });
  });

  describe('CNP-3.1.2-3 plan period ends within 6 months after the target period', () => {
    it('accepts the last day, 2025-09-30, and the target end itself', () => {
      expect(checkCnPlanDates(withPlan({ end: '2025-09-30' }), plan)).toEqual([]);
      expect(checkCnPlanDates(withPlan({ end: '2025-03-31' }), plan)).toEqual([]);
    });
    it('refuses 2025-10-01 and an end before the target period ends', () => {
      expect(rules(checkCnPlanDates(withPlan({ end: '2025-10-01' }), plan))).toEqual(['CNP-3.1.2-3/error']);
      expect(rules(checkCnPlanDates(withPlan({ end: '2025-03-30' }), plan))).toEqual(['CNP-3.1.2-3/error']);
    });
  });

  describe('CNP-3.1.2-4 target period starts within 1 year of the plan start', () => {
    it('accepts 2025-03-31 for a plan starting 2024-04-01', () => {
      expect(checkCnPlanDates(withTarget({ start: '2025-03-31', end: '2026-03-30' }, { planPeriod: { start: '2024-04-01', end: '2026-03-30' } }), plan)).toEqual([]);
    });
    it('refuses 2025-04-01, and a target period starting before the plan', () => {
      const late = checkCnPlanDates(withTarget({ start: '2025-04-01', end: '2026-03-31' }, { planPeriod: { start: '2024-04-01', end: '2026-03-31' } }), plan);
      expect(rules(late)).toEqual(['CNP-3.1.2-4/error']);
      expect(rules(checkCnPlanDates(withTarget({ start: '2024-03-31' }), plan))).toEqual(['CNP-3.1.2-4/error']);
    });
  });

  it('CNP-3.1.4 checks the later CN application when it is known', () => {
    expect(checkCnPlanDates({ ...valid, cnApplicationDate: '2025-09-30' }, plan)).toEqual([]);
    expect(rules(checkCnPlanDates({ ...valid, cnApplicationDate: '2025-10-01' }, plan))).toEqual(['CNP-3.1.4/error']);
  });

  it('CNP-3.1.6 warns about a second plan application (the certifier may allow it)', () => {
    expect(rules(checkCnPlanDates({ ...valid, priorPlanApplications: 1 }, plan))).toEqual(['CNP-3.1.6/warning']);
    expect(checkCnPlanDates({ ...valid, priorPlanApplications: 0 }, plan)).toEqual([]);
  });

  it('returns every violation, not only the first', () => {
    const bad: CnPlanDates = {
      applicationDate: '2024-01-15',
      planPeriod: { start: '2025-06-01', end: '2028-01-01' },
      targetPeriod: { start: '2027-01-01', end: '2027-12-31' },
      priorPlanApplications: 2,
    };
    expect(rules(checkCnPlanDates(bad, plan))).toEqual([
      'CNP-3.1.2-1/error',
      'CNP-3.1.2-2/error',
      'CNP-3.1.2-4/error',
      'CNP-3.1.6/warning',
    ]);
  });
});

/** One year from `start`, inclusive. */
function targetEnd(start: string): string {
  return periodLastDay(start, 12);
}
