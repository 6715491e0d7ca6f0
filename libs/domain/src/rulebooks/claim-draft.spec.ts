import { DomainError } from '../errors';
import { evaluateClaim, validateClaimDraft, type CfpClaimDraft, type CnClaimDraft, type CnPlanClaimDraft } from './claim-draft';
import { assertNoRuleViolations } from './findings';

const cnDraft: CnClaimDraft = {
  type: 'CN',
  applicantId: 'org-1',
  boundary: 'head office',
  targetPeriod: { start: '2024-04-01', end: '2025-03-31' },
  baseYear: 2005,
  emissions: { scope1: '100.2', scope2: '50', suppliedToOthers: '0.5' },
};
const planDraft: CnPlanClaimDraft = {
  ...cnDraft,
  type: 'CN_PLAN',
  receivedOn: '2024-01-15',
  planPeriod: { start: '2024-04-01', end: '2025-09-30' },
};
const cfpDraft: CfpClaimDraft = {
  type: 'CFP',
  applicantId: 'org-1',
  product: { name: 'tea', cfpVerificationNumber: 'CV-001' },
  cfpPerUnitKg: '2.5',
  quantity: '401',
  period: { start: '2024-04-01', end: '2025-03-31' },
};
const rules = (findings: { rule: string; severity: string }[]) => findings.map((f) => `${f.rule}/${f.severity}`);

describe('validateClaimDraft', () => {
  it('accepts a valid CN claim and computes its required tonnes', () => {
    expect(validateClaimDraft(cnDraft)).toEqual({ program: 'CN', judgedOn: '2025-03-31', rulebookId: 'CN-2013', requiredTonnes: '150', findings: [] });
  });

  it('returns every CN finding, not only the first (CN-2.1.2-3 and CN-2.1.2-4)', () => {
    const evaluation = validateClaimDraft({ ...cnDraft, targetPeriod: { start: '2024-04-01', end: '2025-03-30' }, baseYear: 1989 });
    expect(rules(evaluation.findings)).toEqual(['CN-2.1.2-3/error', 'CN-2.1.2-4/error']);
    expect(() => assertNoRuleViolations(evaluation.findings)).toThrow(
      expect.objectContaining({ code: 'RULE_VIOLATION', details: { errors: [expect.objectContaining({ rule: 'CN-2.1.2-3' }), expect.objectContaining({ rule: 'CN-2.1.2-4' })] } }),
    );
  });

  it('checks CNP-3.1.4 for a plan-backed CN application', () => {
    expect(rules(validateClaimDraft({ ...cnDraft, planBacked: true, receivedOn: '2025-10-01' }).findings)).toEqual(['CNP-3.1.4/error']);
    expect(validateClaimDraft({ ...cnDraft, planBacked: true, receivedOn: '2025-09-30' }).findings).toEqual([]);
    expect(validateClaimDraft({ ...cnDraft, receivedOn: '2025-10-01' }).findings).toEqual([]);
  });

  it('CNP-3.1.4 and the rulebook choice use receivedOn, never a declared applicationDate (API.md "Claims")', () => {
    expect(rules(validateClaimDraft({ ...cnDraft, planBacked: true, receivedOn: '2025-10-01', applicationDate: '2025-09-30' }).findings)).toEqual(['CNP-3.1.4/error']);
    expect(validateClaimDraft({ ...cnDraft, applicationDate: '2012-01-01', receivedOn: '2025-04-01' }).judgedOn).toBe('2025-04-01');
    expect(validateClaimDraft({ ...cfpDraft, applicationDate: '2012-01-01', receivedOn: '2025-04-01' }).judgedOn).toBe('2025-04-01');
    // CNP-3.1.2-1 counts from the receipt: a plan starting 2024-04-01 received 2024-04-02 started before it.
    expect(rules(validateClaimDraft({ ...planDraft, receivedOn: '2024-04-02', applicationDate: '2024-01-15' }).findings)).toEqual(['CNP-3.1.2-1/error']);
    expect(() => validateClaimDraft({ ...cnDraft, receivedOn: '2025-02-30' })).toThrow(/receivedOn/);
  });

  it('judges a CN plan by the rules in force on its application date', () => {
    expect(validateClaimDraft(planDraft)).toMatchObject({ program: 'CN_PLAN', judgedOn: '2024-01-15', rulebookId: 'CN-PLAN-2013', findings: [] });
    expect(validateClaimDraft({ ...planDraft, receivedOn: '2013-03-31', targetPeriod: { start: '2013-04-01', end: '2014-03-31' }, planPeriod: { start: '2013-04-01', end: '2014-03-31' } }).rulebookId).toBe('CN-PLAN-2011');
    const bad = validateClaimDraft({ ...planDraft, baseYear: 1989, planPeriod: { start: '2024-04-01', end: '2025-10-01' } });
    expect(rules(bad.findings)).toEqual(['CN-2.1.2-4/error', 'CNP-3.1.2-3/error']);
  });

  it('accepts a CFP claim and rounds its requirement up', () => {
    expect(validateClaimDraft(cfpDraft)).toEqual({ program: 'CFP', judgedOn: '2025-03-31', rulebookId: 'CFP-5.1', requiredTonnes: '2', findings: [] });
    expect(validateClaimDraft({ ...cfpDraft, partial: { stageCfpPerUnitKg: '1' } }).requiredTonnes).toBe('1');
  });

  it('warns about a CFP without verification number (CFP-art4) and refuses a reversed period (CFP-art9)', () => {
    const evaluation = validateClaimDraft({ ...cfpDraft, product: { name: 'tea' }, period: { start: '2025-04-01', end: '2025-03-31' } });
    expect(rules(evaluation.findings)).toEqual(['CFP-art9/error', 'CFP-art4/warning']);
  });

  it('RULEBOOK-NOT-ENCODED: a CFP claim received before Ver. 5.1 (2019-12-11) but after Ver. 1.0 (2012-11-27) is judged by CFP-5.1 with a warning', () => {
    const evaluation = validateClaimDraft({ ...cfpDraft, period: { start: '2018-04-01', end: '2019-03-31' }, receivedOn: '2019-12-10' });
    expect(evaluation).toMatchObject({ rulebookId: 'CFP-5.1', requiredTonnes: '2', findings: [{ rule: 'RULEBOOK-NOT-ENCODED', severity: 'warning', message: expect.stringContaining('Ver. 5.0') }] });
    expect(validateClaimDraft({ ...cfpDraft, receivedOn: '2012-11-27' }).findings).toEqual([expect.objectContaining({ rule: 'RULEBOOK-NOT-ENCODED', message: expect.stringContaining('Ver. 1.0') })]);
    expect(validateClaimDraft({ ...cfpDraft, receivedOn: '2019-12-11' }).findings).toEqual([]);
  });

  it('reports RULEBOOK-NONE when the program had not begun on the judging date (CFP 2012-11-27, CN 2011-09-15)', () => {
    expect(validateClaimDraft({ ...cfpDraft, receivedOn: '2012-11-26' })).toMatchObject({ rulebookId: null, requiredTonnes: '2', findings: [{ rule: 'RULEBOOK-NONE', severity: 'error' }] });
    expect(validateClaimDraft({ ...cnDraft, targetPeriod: { start: '2010-04-01', end: '2011-03-31' }, receivedOn: '2011-09-14' })).toMatchObject({ rulebookId: null, findings: [{ rule: 'RULEBOOK-NONE' }] });
    expect(validateClaimDraft({ ...cnDraft, targetPeriod: { start: '2010-04-01', end: '2011-03-31' }, receivedOn: '2011-09-15' })).toMatchObject({ rulebookId: 'CN-2011', findings: [] });
  });

  it('throws VALIDATION_FAILED naming every malformed field', () => {
    const malformed = { ...cnDraft, targetPeriod: { start: '2024-13-01', end: '2025-03-31' }, baseYear: '2005', emissions: { scope1: '-1', scope2: 'x' } };
    let error: unknown;
    try {
      validateClaimDraft(malformed as unknown as CnClaimDraft);
    } catch (e) {
      error = e;
    }
    expect(error).toBeInstanceOf(DomainError);
    expect((error as DomainError).code).toBe('VALIDATION_FAILED');
    expect(((error as DomainError).details['errors'] as { field: string }[]).map((e) => e.field)).toEqual([
      'targetPeriod.start',
      'baseYear',
      'emissions.scope1',
      'emissions.scope2',
    ]);
    expect(() => validateClaimDraft({ type: 'XX' } as unknown as CnClaimDraft)).toThrow(/type must be/);
  });
});

describe('evaluateClaim', () => {
  it('adds the coverage of the credits retired for the claim', () => {
    const credits = [{ scheme: 'JCREDIT' as const, quantity: '150', retiredOn: '2025-05-01' }];
    expect(evaluateClaim(cnDraft, credits)).toMatchObject({ requiredTonnes: '150', retiredTonnes: '150', covered: true, findings: [] });
    const short = evaluateClaim(cnDraft, [{ ...credits[0]!, quantity: '149' }]);
    expect(short.covered).toBe(false);
    expect(rules(short.findings)).toEqual(['CN-2.1.6/error']);
  });

  it('checks CFP art. 12 against the applicant', () => {
    const own = evaluateClaim(cfpDraft, [{ scheme: 'JCREDIT', quantity: '2', retiredOn: '2025-05-01', creatorId: 'org-1' }]);
    expect(rules(own.findings)).toEqual(['CFP-art12/error', 'CFP-art8/error']);
  });
});
