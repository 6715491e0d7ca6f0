import { DomainError } from '../errors';
import { CFP_RULEBOOK_V5_1 } from './cfp-rulebook-v5-1';
import { CN_PLAN_RULEBOOK_2011, CN_RULEBOOK_2011 } from './cn-rulebook-2011';
import { assessCoverage, type CoverageCredit } from './coverage';

const cn = CN_RULEBOOK_2011;
const jver = (quantity: string, retiredOn = '2012-12-01'): CoverageCredit => ({ scheme: 'JVER', quantity, retiredOn });
const pref = (quantity: string, retiredOn = '2012-12-01'): CoverageCredit => ({ scheme: 'PREF_JVER', quantity, retiredOn, issuedOn: '2012-06-01' });
const rules = (findings: { rule: string; severity: string }[]) => findings.map((f) => `${f.rule}/${f.severity}`);

describe('CN-2.1.6 retired credits cover the neutralised emissions', () => {
  it('is covered when eligible tonnes equal the requirement', () => {
    expect(assessCoverage({ rulebook: cn, requiredTonnes: 100n, credits: [jver('60'), jver('40')] })).toEqual({
      retiredTonnes: '100',
      eligibleTonnes: '100',
      transitionalTonnes: '0',
      requiredTonnes: '100',
      covered: true,
      findings: [],
    });
  });

  it('is not covered one tonne short', () => {
    const coverage = assessCoverage({ rulebook: cn, requiredTonnes: '100', credits: [jver('99')] });
    expect(coverage.covered).toBe(false);
    expect(rules(coverage.findings)).toEqual(['CN-2.1.6/error']);
    expect(coverage.findings[0]!.message).toContain('by 1 t');
  });

  it('does not count ineligible credits, and says which and why', () => {
    const coverage = assessCoverage({
      rulebook: cn,
      requiredTonnes: 100n,
      credits: [jver('50'), { scheme: 'VERRA', quantity: '50', retiredOn: '2012-12-01', label: 'VCS-123' }],
    });
    expect(coverage).toMatchObject({ retiredTonnes: '100', eligibleTonnes: '50', covered: false });
    expect(rules(coverage.findings)).toEqual(['CN-2.1.6/error', 'CN-2.1.6/error']);
    expect(coverage.findings[0]!.message).toContain('VCS-123');
  });

  it('for a CN plan a shortfall is only a warning: credits need not be retired yet', () => {
    const coverage = assessCoverage({ rulebook: CN_PLAN_RULEBOOK_2011, requiredTonnes: 100n, credits: [] });
    expect(coverage.covered).toBe(false);
    expect(rules(coverage.findings)).toEqual(['CN-2.1.6/warning']);
  });

  it('refuses malformed quantities with VALIDATION_FAILED naming the credit', () => {
    expect(() => assessCoverage({ rulebook: cn, requiredTonnes: 1n, credits: [jver('-5')] })).toThrow(DomainError);
    let error: unknown;
    try {
      assessCoverage({ rulebook: cn, requiredTonnes: 1n, credits: [jver('5'), jver('x')] });
    } catch (e) {
      error = e;
    }
    expect((error as DomainError).details['errors']).toEqual([expect.objectContaining({ field: 'credits[1].quantity' })]);
  });
});

describe('CN-annex-2-majority transitional credits must be a strict minority', () => {
  it('fails at exactly 50 % fully eligible (5000 J-VER + 5000 prefectural J-VER)', () => {
    const coverage = assessCoverage({ rulebook: cn, requiredTonnes: 10000n, credits: [jver('5000'), pref('5000')] });
    expect(coverage).toMatchObject({ eligibleTonnes: '10000', transitionalTonnes: '5000', covered: false });
    expect(rules(coverage.findings)).toEqual(['CN-annex-2-majority/error']);
  });

  it('passes at 50.01 % (5001 + 4999)', () => {
    const coverage = assessCoverage({ rulebook: cn, requiredTonnes: 10000n, credits: [jver('5001'), pref('4999')] });
    expect(coverage).toMatchObject({ covered: true, findings: [] });
  });

  it('compares exactly with fractional tonnes: 50.01 vs 49.99 passes, 50 vs 50 fails', () => {
    expect(assessCoverage({ rulebook: cn, requiredTonnes: 100n, credits: [jver('50.01'), pref('49.99')] }).covered).toBe(true);
    expect(assessCoverage({ rulebook: cn, requiredTonnes: 100n, credits: [jver('50.00'), pref('50')] }).covered).toBe(false);
  });

  it('counts every credit retired for the claim in the total, ineligible ones too', () => {
    const credits = [jver('60'), pref('30'), { scheme: 'VERRA', quantity: '30', retiredOn: '2012-12-01' } as CoverageCredit];
    const coverage = assessCoverage({ rulebook: cn, requiredTonnes: 90n, credits });
    expect(rules(coverage.findings)).toEqual(['CN-2.1.6/error', 'CN-annex-2-majority/error']);
  });

  it('does not accept prefectural J-VER retired after 2013-03-31 at all', () => {
    const coverage = assessCoverage({ rulebook: cn, requiredTonnes: 10n, credits: [jver('10', '2013-04-01'), pref('1', '2013-04-01')] });
    // Judged by CN-2013 (in force on the retirement date): the annex was abolished (附則).
    expect(rules(coverage.findings)).toEqual(['CN-annex-abolished/error']);
    expect(coverage).toMatchObject({ eligibleTonnes: '10', transitionalTonnes: '0', covered: true });
  });
});

describe('CFP-art8 coverage', () => {
  const cfp = CFP_RULEBOOK_V5_1;
  it('counts green power certificates as 0 t and refuses them; GREEN_CO2 counts its tonnes', () => {
    const coverage = assessCoverage({
      rulebook: cfp,
      requiredTonnes: 2n,
      credits: [
        { scheme: 'GREEN_POWER', quantity: '100000', retiredOn: '2024-01-10' },
        { scheme: 'GREEN_CO2', quantity: '2', retiredOn: '2024-01-10' },
      ],
    });
    expect(coverage).toMatchObject({ retiredTonnes: '2', eligibleTonnes: '2', covered: true });
    expect(rules(coverage.findings)).toEqual(['CFP-art8-2/error']);
  });

  it("refuses the participant's own credits (art. 12) and then falls short (art. 8)", () => {
    const coverage = assessCoverage({
      rulebook: cfp,
      requiredTonnes: 5n,
      credits: [{ scheme: 'JCREDIT', quantity: '5', retiredOn: '2024-01-10', creatorId: 'org-1' }],
      context: { participantId: 'org-1' },
    });
    expect(rules(coverage.findings)).toEqual(['CFP-art12/error', 'CFP-art8/error']);
    expect(coverage.covered).toBe(false);
  });
});
