import { SCHEME_CODES } from '../schemes/scheme-catalog';
import { CFP_RULEBOOK_V5_1 } from './cfp-rulebook-v5-1';
import { CN_PLAN_RULEBOOK_2011, CN_RULEBOOK_2011 } from './cn-rulebook-2011';
import { CN_PLAN_RULEBOOK_2013, CN_RULEBOOK_2013 } from './cn-rulebook-2013';
import { PROGRAMS, ruleApplies, type CnRulebook } from './rulebook';
import { DEFAULT_RULEBOOK_REGISTRY, RulebookRegistry } from './rulebook-registry';

const cn2030: CnRulebook = { ...CN_RULEBOOK_2013, id: 'CN-2030', version: 'hypothetical', effective: { from: '2030-04-01' } };

describe('RulebookRegistry', () => {
  it('finds the rulebook in force for a program on a date: CN from 2011-09-15 (seed 000), without the annex from 2013-04-01 (附則)', () => {
    const r = DEFAULT_RULEBOOK_REGISTRY;
    expect(r.inForce('CN', '2011-09-14')).toBeUndefined();
    expect(r.inForce('CN', '2011-09-15')?.id).toBe('CN-2011');
    expect(r.inForce('CN', '2013-03-31')?.id).toBe('CN-2011');
    expect(r.inForce('CN', '2013-04-01')?.id).toBe('CN-2013');
    expect(r.inForce('CN', '2040-01-01')?.id).toBe('CN-2013');
    expect(r.inForce('CN_PLAN', '2012-01-01')?.id).toBe('CN-PLAN-2011');
    expect(r.inForce('CN_PLAN', '2013-04-01')?.id).toBe('CN-PLAN-2013');
    expect(r.inForce('CFP', '2019-12-10')).toBeUndefined();
    expect(r.inForce('CFP', '2019-12-11')?.id).toBe('CFP-5.1');
  });

  it('lets a newer version supersede an open-ended one from its date only', () => {
    const r = DEFAULT_RULEBOOK_REGISTRY.with(cn2030);
    expect(r.inForce('CN', '2030-03-31')?.id).toBe('CN-2013');
    expect(r.inForce('CN', '2030-04-01')?.id).toBe('CN-2030');
    expect(r.versions('CN').map((b) => b.id)).toEqual(['CN-2011', 'CN-2013', 'CN-2030']);
    expect(DEFAULT_RULEBOOK_REGISTRY.inForce('CN', '2031-01-01')?.id).toBe('CN-2013');
  });

  it('honours an end date', () => {
    const ended = RulebookRegistry.of({ ...CFP_RULEBOOK_V5_1, effective: { from: '2019-12-11', to: '2024-03-31' } });
    expect(ended.inForce('CFP', '2024-03-31')?.id).toBe('CFP-5.1');
    expect(ended.inForce('CFP', '2024-04-01')).toBeUndefined();
  });

  it('refuses duplicate ids, two versions starting the same day, and bad periods', () => {
    expect(() => DEFAULT_RULEBOOK_REGISTRY.with(CN_RULEBOOK_2011)).toThrow(/already registered/);
    expect(() => DEFAULT_RULEBOOK_REGISTRY.with({ ...cn2030, effective: { from: '2013-04-01' } })).toThrow(/both take effect/);
    expect(() => DEFAULT_RULEBOOK_REGISTRY.with({ ...cn2030, effective: { from: '2030-04-01', to: '2030-03-31' } })).toThrow(/invalid effective period/);
    expect(() => DEFAULT_RULEBOOK_REGISTRY.with({ ...cn2030, effective: { from: '2030-02-30' } })).toThrow(/invalid effective period/);
  });

  it('ends the CN annex rules on 2013-03-31 while the main rules go on', () => {
    expect(ruleApplies(CN_RULEBOOK_2011, 'CN-annex-2', '2013-03-31')).toBe(true);
    expect(ruleApplies(CN_RULEBOOK_2011, 'CN-annex-2', '2013-04-01')).toBe(false);
    expect(ruleApplies(CN_PLAN_RULEBOOK_2011, 'CN-annex-4-6', '2013-04-01')).toBe(false);
    expect(ruleApplies(CN_RULEBOOK_2011, 'CN-2.1.2-3', '2099-01-01')).toBe(true);
  });
});

describe('rulebook data', () => {
  const all = [CN_RULEBOOK_2011, CN_PLAN_RULEBOOK_2011, CN_RULEBOOK_2013, CN_PLAN_RULEBOOK_2013, CFP_RULEBOOK_V5_1];

  it('has the CN standard with and without its annex, and CFP Ver. 5.1, in the default registry', () => {
    expect(PROGRAMS.map((p) => DEFAULT_RULEBOOK_REGISTRY.versions(p).map((b) => b.id))).toEqual([['CN-2011', 'CN-2013'], ['CN-PLAN-2011', 'CN-PLAN-2013'], ['CFP-5.1']]);
  });

  it('CN-annex-abolished (附則): the 2013 versions have no annex rule and no transitional credits', () => {
    for (const book of [CN_RULEBOOK_2013, CN_PLAN_RULEBOOK_2013]) {
      expect(Object.keys(book.rules).filter((id) => id.startsWith('CN-annex-'))).toEqual(['CN-annex-abolished']);
      expect(book.credits.transitional).toBeUndefined();
      expect(book.credits.schemes.PREF_JVER).toMatchObject({ status: 'ineligible', rule: 'CN-annex-abolished' });
      expect(book.credits.schemes.DOMESTIC).toMatchObject({ status: 'ineligible', rule: 'CN-annex-abolished' });
    }
    expect(CN_RULEBOOK_2011.effective).toEqual({ from: '2011-09-15', to: '2013-03-31' });
  });

  it.each(all.map((b) => [b.id, b] as const))('%s cites only rules it defines, each with its source', (_id, book) => {
    for (const [id, rule] of Object.entries(book.rules)) {
      expect(rule.id).toBe(id);
      expect(id).toMatch(/^(CN|CNP|CFP)-/);
      expect(rule.effective === undefined || rule.effective.from >= book.effective.from || rule.effective.to! >= book.effective.from).toBe(true);
      expect(rule.source.length).toBeGreaterThan(10);
    }
    const cited = [
      book.coverage.rule,
      ...SCHEME_CODES.map((s) => book.credits.schemes[s].rule),
      ...(book.credits.transitional ? [book.credits.transitional.rule, book.credits.transitional.majorityRule] : []),
      ...(book.credits.forbiddenCreditsRule ? [book.credits.forbiddenCreditsRule] : []),
    ];
    for (const id of cited) expect(Object.keys(book.rules)).toContain(id);
  });

  it('keeps the transitional issue cutoff at FY2012 (seed 003) and the majority at more than 1/2', () => {
    expect(CN_RULEBOOK_2011.credits.transitional).toMatchObject({ issuedByFiscalYear: 2012, fullyEligibleShareAbove: { numerator: 1n, denominator: 2n } });
  });
});
