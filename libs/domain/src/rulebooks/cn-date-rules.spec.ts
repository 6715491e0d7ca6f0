import { CN_RULEBOOK_2011 } from './cn-rulebook-2011';
import { checkBaseYear, checkCnApplicationAfterPlan, checkTargetPeriod, checkValidity } from './cn-date-rules';
import type { CnRulebook } from './rulebook';

const cn = CN_RULEBOOK_2011;
const rules = (findings: { rule: string; severity: string }[]) => findings.map((f) => `${f.rule}/${f.severity}`);

describe('CN-2.1.2-3 target period of at least 1 year (start..end inclusive)', () => {
  it('accepts exactly one year: 2024-04-01..2025-03-31', () => {
    expect(checkTargetPeriod({ start: '2024-04-01', end: '2025-03-31' }, cn)).toEqual([]);
  });

  it('refuses 364 days: 2024-04-01..2025-03-30', () => {
    const findings = checkTargetPeriod({ start: '2024-04-01', end: '2025-03-30' }, cn);
    expect(rules(findings)).toEqual(['CN-2.1.2-3/error']);
    expect(findings[0]!.message).toContain('2025-03-31');
  });

  it('accepts longer periods and counts a leap-day start to the end of February', () => {
    expect(checkTargetPeriod({ start: '2024-04-01', end: '2026-03-31' }, cn)).toEqual([]);
    expect(checkTargetPeriod({ start: '2024-02-29', end: '2025-02-28' }, cn)).toEqual([]);
    expect(rules(checkTargetPeriod({ start: '2024-02-29', end: '2025-02-27' }, cn))).toEqual(['CN-2.1.2-3/error']);
  });

  it('refuses a period that ends before it starts', () => {
    expect(checkTargetPeriod({ start: '2025-04-01', end: '2024-04-01' }, cn)[0]!.message).toMatch(/before it starts/);
  });

  it('reads the minimum length from the rulebook', () => {
    const twoYears: CnRulebook = { ...cn, params: { ...cn.params, targetPeriodMinMonths: 24 } };
    expect(rules(checkTargetPeriod({ start: '2024-04-01', end: '2025-03-31' }, twoYears))).toEqual(['CN-2.1.2-3/error']);
  });
});

describe('CN-2.1.2-4 base year from FY1990', () => {
  it('accepts FY1990 and refuses FY1989', () => {
    expect(checkBaseYear(1990, cn)).toEqual([]);
    const findings = checkBaseYear(1989, cn);
    expect(rules(findings)).toEqual(['CN-2.1.2-4/error']);
    expect(findings[0]!.message).toContain('1989-04-01..1990-03-31');
  });

  it('judges every year of a multi-year average', () => {
    expect(checkBaseYear([1990, 1991, 1992], cn)).toEqual([]);
    expect(rules(checkBaseYear([1988, 1990, 1989], cn))).toEqual(['CN-2.1.2-4/error', 'CN-2.1.2-4/error']);
    expect(rules(checkBaseYear([], cn))).toEqual(['CN-2.1.2-4/error']);
  });

  it('refuses a base year that is not a whole fiscal year', () => {
    expect(rules(checkBaseYear(2005.5, cn))).toEqual(['CN-2.1.2-4/error']);
  });
});

describe('CN-2.3.3-1 validity: starts within 6 months of certification, lasts at most 1 year', () => {
  const certifiedOn = '2025-01-15';

  it('accepts a start on the last day of the 6 months and a full year', () => {
    expect(checkValidity({ certifiedOn, validFrom: '2025-07-15', validTo: '2026-07-14' }, cn)).toEqual([]);
    expect(checkValidity({ certifiedOn, validFrom: certifiedOn, validTo: '2025-06-30' }, cn)).toEqual([]);
  });

  it('refuses a start one day late, or before certification', () => {
    expect(rules(checkValidity({ certifiedOn, validFrom: '2025-07-16', validTo: '2026-07-15' }, cn))).toEqual(['CN-2.3.3-1/error']);
    expect(rules(checkValidity({ certifiedOn, validFrom: '2025-01-14', validTo: '2025-12-31' }, cn))).toEqual(['CN-2.3.3-1/error']);
  });

  it('refuses a validity longer than 1 year or ending before it starts', () => {
    expect(rules(checkValidity({ certifiedOn, validFrom: '2025-07-15', validTo: '2026-07-15' }, cn))).toEqual(['CN-2.3.3-1/error']);
    expect(rules(checkValidity({ certifiedOn, validFrom: '2025-03-01', validTo: '2025-02-28' }, cn))).toEqual(['CN-2.3.3-1/error']);
  });

  it('reports both problems at once', () => {
    expect(rules(checkValidity({ certifiedOn, validFrom: '2026-01-01', validTo: '2027-06-01' }, cn))).toEqual(['CN-2.3.3-1/error', 'CN-2.3.3-1/error']);
  });
});

describe('CNP-3.1.4 CN application within 6 months of the target period end', () => {
  const targetPeriodEnd = '2025-03-31';

  it('accepts an application on the last day, 2025-09-30', () => {
    expect(checkCnApplicationAfterPlan({ targetPeriodEnd, cnApplicationDate: '2025-09-30' }, cn)).toEqual([]);
    expect(checkCnApplicationAfterPlan({ targetPeriodEnd, cnApplicationDate: '2025-04-01' }, cn)).toEqual([]);
  });

  it('refuses 2025-10-01 and an application before the target period is over', () => {
    expect(rules(checkCnApplicationAfterPlan({ targetPeriodEnd, cnApplicationDate: '2025-10-01' }, cn))).toEqual(['CNP-3.1.4/error']);
    expect(rules(checkCnApplicationAfterPlan({ targetPeriodEnd, cnApplicationDate: '2025-03-31' }, cn))).toEqual(['CNP-3.1.4/error']);
  });
});
