import { CFP_RULEBOOK_V5_1 } from './cfp-rulebook-v5-1';
import { evaluateClaim, validateClaimDraft, type CfpClaimDraft } from './claim-draft';
import type { CoverageCredit } from './coverage';

// 2.5 kg × 1,200 units = 3 t.
const draft: CfpClaimDraft = {
  type: 'CFP',
  applicantId: 'org-1',
  product: { name: 'tea', cfpVerificationNumber: 'CV-1' },
  cfpPerUnitKg: '2.5',
  quantity: '1200',
  period: { start: '2025-04-01', end: '2026-03-31' },
  receivedOn: '2025-04-01',
};
const plan = { retirements: [{ tonnes: '1', by: '2025-09-30' }, { tonnes: '1', by: '2026-03-31' }] };
const jc = (quantity: string, retiredOn: string): CoverageCredit => ({ scheme: 'JCREDIT', quantity, retiredOn });
const rules = (findings: { rule: string; severity: string }[]) => findings.map((f) => `${f.rule}/${f.severity}`);

describe('CFP-art9-3 implementation plan (art. 9 ③: 「無効化又は償却が完了していない製品等については…実施計画」)', () => {
  it('without a plan, a shortfall is an error (CFP-art8)', () => {
    expect(rules(evaluateClaim(draft, [jc('1', '2025-04-01')]).findings)).toEqual(['CFP-art8/error']);
  });

  it('with a plan covering the rest, the shortfall only warns', () => {
    const evaluation = evaluateClaim({ ...draft, implementationPlan: plan }, [jc('1', '2025-04-01')], undefined, '2025-05-01');
    expect(rules(evaluation.findings)).toEqual(['CFP-art8/warning']);
    expect(evaluation.covered).toBe(false);
  });

  it('boundary: retired + planned must reach the required tonnes (2 of 3 t is short by 1 t)', () => {
    const short = evaluateClaim({ ...draft, implementationPlan: { retirements: [{ tonnes: '1', by: '2026-03-31' }] } }, [jc('1', '2025-04-01')]);
    expect(rules(short.findings)).toEqual(['CFP-art8/warning', 'CFP-art9-3/error']);
  });

  it('CFP-art10-3: a planned retirement past its date and not made is an error; made on its date, none', () => {
    const credits = [jc('1', '2025-04-01')];
    const overdue = evaluateClaim({ ...draft, implementationPlan: plan }, credits, undefined, '2025-10-01');
    expect(rules(overdue.findings)).toEqual(['CFP-art8/warning', 'CFP-art10-3/error']);
    expect(overdue.findings[1]!.message).toContain('2025-09-30');
    // Due on 2025-09-30, checked that same day: not overdue yet.
    expect(rules(evaluateClaim({ ...draft, implementationPlan: plan }, credits, undefined, '2025-09-30').findings)).toEqual(['CFP-art8/warning']);
    const onTime = evaluateClaim({ ...draft, implementationPlan: plan }, [...credits, jc('1', '2025-09-30')], undefined, '2025-10-01');
    expect(rules(onTime.findings)).toEqual(['CFP-art8/warning']);
  });

  it('names every malformed planned retirement (400)', () => {
    expect(() => validateClaimDraft({ ...draft, implementationPlan: { retirements: [] } })).toThrow(/implementationPlan\.retirements/);
    expect(() => validateClaimDraft({ ...draft, implementationPlan: { retirements: [{ tonnes: '0', by: '2025-02-30' }] } })).toThrow(
      /implementationPlan\.retirements\[0\]\.tonnes.*implementationPlan\.retirements\[0\]\.by/s,
    );
  });

  it('is a rule of CFP-5.1', () => {
    expect(CFP_RULEBOOK_V5_1.rules['CFP-art9-3']?.source).toMatch(/art\. 9 ③/);
  });
});
