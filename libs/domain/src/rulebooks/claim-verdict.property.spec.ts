import fc from 'fast-check';
import { SCHEME_CODES } from '../schemes/scheme-catalog';
import { addDays, earliest, latest, type IsoDate } from './calendar';
import { evaluateClaim, type ClaimDraft } from './claim-draft';
import type { CoverageCredit } from './coverage';
import type { Program, Rulebook, SchemePolicy } from './rulebook';
import { DEFAULT_RULEBOOK_REGISTRY, type RulebookRegistry } from './rulebook-registry';

/*
 * "A claim's verdict never changes silently": adding a rulebook version whose effective period
 * misses every date of a claim (its periods, application dates and its credits' retirement and
 * issue dates) leaves the claim's evaluation exactly as it was.
 */

const DAY_ZERO = '2010-01-01';
const date = fc.integer({ min: 0, max: 9400 }).map((n) => addDays(DAY_ZERO, n));
const tonnes = fc.tuple(fc.bigInt({ min: 0n, max: 10n ** 7n }), fc.integer({ min: 0, max: 3 })).map(([units, scale]) => {
  const text = units.toString().padStart(scale + 1, '0');
  return scale === 0 ? text : `${text.slice(0, -scale)}.${text.slice(-scale)}`;
});
const maybe = <T>(arb: fc.Arbitrary<T>) => fc.option(arb, { nil: undefined });

const cnDraft = fc
  .record({ start: date, days: fc.integer({ min: 200, max: 800 }), baseYear: fc.integer({ min: 1985, max: 2030 }), scope1: tonnes, scope2: tonnes, scope3: maybe(tonnes), includeScope3: fc.boolean(), lateness: maybe(fc.integer({ min: -10, max: 300 })), planBacked: fc.boolean() })
  .map((c): ClaimDraft => {
    const end = addDays(c.start, c.days);
    return {
      type: 'CN',
      applicantId: 'org-1',
      targetPeriod: { start: c.start, end },
      baseYear: c.baseYear,
      emissions: { scope1: c.scope1, scope2: c.scope2, ...(c.scope3 ? { scope3: c.scope3, includeScope3: c.includeScope3 } : {}) },
      ...(c.lateness === undefined ? {} : { receivedOn: addDays(end, c.lateness), planBacked: c.planBacked }),
    };
  });

const planDraft = fc
  .record({ applied: date, startShift: fc.integer({ min: -400, max: 400 }), planDays: fc.integer({ min: -5, max: 1000 }), targetShift: fc.integer({ min: -30, max: 400 }), targetDays: fc.integer({ min: 300, max: 500 }), cnLateness: maybe(fc.integer({ min: -5, max: 250 })), prior: fc.integer({ min: 0, max: 2 }), baseYear: fc.integer({ min: 1985, max: 2030 }), scope1: tonnes })
  .map((p): ClaimDraft => {
    const planStart = addDays(p.applied, p.startShift);
    const targetStart = addDays(planStart, p.targetShift);
    const targetEnd = addDays(targetStart, p.targetDays);
    return {
      type: 'CN_PLAN',
      applicantId: 'org-1',
      receivedOn: p.applied,
      planPeriod: { start: planStart, end: addDays(planStart, p.planDays) },
      targetPeriod: { start: targetStart, end: targetEnd },
      baseYear: p.baseYear,
      emissions: { scope1: p.scope1, scope2: '0' },
      priorPlanApplications: p.prior,
      ...(p.cnLateness === undefined ? {} : { cnApplicationDate: addDays(targetEnd, p.cnLateness) }),
    };
  });

const cfpDraft = fc
  .record({ start: date, days: fc.integer({ min: -10, max: 800 }), kg: tonnes, quantity: tonnes, stage: maybe(tonnes), verified: fc.boolean(), notified: maybe(date) })
  .map((c): ClaimDraft => ({
    type: 'CFP',
    applicantId: 'org-1',
    product: { name: 'p', ...(c.verified ? { cfpVerificationNumber: 'CV-1' } : {}) },
    cfpPerUnitKg: c.kg,
    quantity: c.quantity,
    period: { start: c.start, end: addDays(c.start, c.days) },
    ...(c.stage ? { partial: { stageCfpPerUnitKg: c.stage } } : {}),
    ...(c.notified ? { receivedOn: c.notified } : {}),
  }));

const retiredCredit = fc
  .record({ scheme: fc.constantFrom(...SCHEME_CODES), quantity: tonnes, retiredOn: date, issuedOn: maybe(date), creatorId: maybe(fc.constantFrom('org-1', 'org-2')), greeningEvidence: fc.boolean(), changedProductFootprint: fc.boolean(), party: fc.constantFrom('JP', 'GB'), unitType: fc.integer({ min: 1, max: 7 }) })
  .map(({ party, unitType, issuedOn, creatorId, ...c }): CoverageCredit => ({
    ...c,
    ...(issuedOn ? { issuedOn } : {}),
    ...(creatorId ? { creatorId } : {}),
    ...(c.scheme === 'KYOTO' ? { attributes: { party, unitType } } : {}),
  }));

const claim = fc.record({ draft: fc.oneof(cnDraft, planDraft, cfpDraft), credits: fc.array(retiredCredit, { maxLength: 5 }) });

function datesOf(draft: ClaimDraft, credits: readonly CoverageCredit[]): IsoDate[] {
  const own =
    draft.type === 'CFP'
      ? [draft.period.start, draft.period.end, draft.receivedOn]
      : [draft.targetPeriod.start, draft.targetPeriod.end, draft.receivedOn, ...(draft.type === 'CN_PLAN' ? [draft.planPeriod.start, draft.planPeriod.end, draft.cnApplicationDate] : [])];
  return [...own, ...credits.flatMap((c) => [c.retiredOn, c.issuedOn])].filter((d): d is IsoDate => d !== undefined);
}

/** A version that would change most verdicts: longer periods, later base years, no credit counts. */
function harsherVersion(program: Program, effective: Rulebook['effective']): Rulebook {
  const base = DEFAULT_RULEBOOK_REGISTRY.versions(program)[0]!;
  const schemes = Object.fromEntries(SCHEME_CODES.map((s): [string, SchemePolicy] => [s, { status: 'ineligible', rule: base.coverage.rule, reason: 'edited' }]));
  const credits = { ...base.credits, schemes: schemes as Rulebook['credits']['schemes'] };
  const common = { id: `${base.id}-edited-${effective.from}`, version: 'edited', effective, credits, coverage: { ...base.coverage, retirementRequired: !base.coverage.retirementRequired } };
  if (base.program === 'CFP') return { ...base, ...common, params: { partialOffsetAllowed: false } };
  const cnParams = { targetPeriodMinMonths: 36, baseYearMinFiscalYear: 2030, validityStartWithinMonths: 1, validityMaxMonths: 1, cnApplicationWithinMonthsOfTargetEnd: 1 };
  if (base.program === 'CN') return { ...base, ...common, params: cnParams };
  return { ...base, ...common, params: { ...base.params, ...cnParams, planStartWithinMonthsOfApplication: 1, planStartToTargetEndMaxMonths: 1 } };
}

function outcome(draft: ClaimDraft, credits: readonly CoverageCredit[], registry: RulebookRegistry): unknown {
  try {
    return evaluateClaim(draft, credits, registry);
  } catch (error) {
    return { threw: (error as Error).message };
  }
}

describe('a claim’s verdict never changes silently', () => {
  it('is unchanged by a rulebook version that takes effect after all the claim’s dates', () => {
    fc.assert(
      fc.property(claim, fc.constantFrom(...(['CN', 'CN_PLAN', 'CFP'] as const)), fc.integer({ min: 1, max: 4000 }), ({ draft, credits }, program, gap) => {
        // Not before the program's first encoded version either: a claim older than that is judged by the
        // nearest later version (RULEBOOK-NOT-ENCODED), which a new earlier version would rightly replace.
        const from = addDays(latest([...datesOf(draft, credits), DEFAULT_RULEBOOK_REGISTRY.versions(program)[0]!.effective.from]), gap);
        const edited = DEFAULT_RULEBOOK_REGISTRY.with(harsherVersion(program, { from }));
        expect(outcome(draft, credits, edited)).toEqual(outcome(draft, credits, DEFAULT_RULEBOOK_REGISTRY));
      }),
      { numRuns: 300 },
    );
  });

  it('is unchanged by a version whose whole effective period ends before the claim’s first date', () => {
    fc.assert(
      fc.property(claim, fc.constantFrom(...(['CN', 'CN_PLAN', 'CFP'] as const)), fc.integer({ min: 1, max: 400 }), ({ draft, credits }, program, gap) => {
        const to = addDays(earliest(datesOf(draft, credits)), -gap);
        const edited = DEFAULT_RULEBOOK_REGISTRY.with(harsherVersion(program, { from: '2000-01-01', to }));
        expect(outcome(draft, credits, edited)).toEqual(outcome(draft, credits, DEFAULT_RULEBOOK_REGISTRY));
      }),
      { numRuns: 300 },
    );
  });

  it('does change when the edit is in force on the claim’s dates (the property above has teeth)', () => {
    const draft: ClaimDraft = { type: 'CN', targetPeriod: { start: '2024-04-01', end: '2025-03-31' }, baseYear: 2005, emissions: { scope1: '10', scope2: '0' } };
    const credits: CoverageCredit[] = [{ scheme: 'JCREDIT', quantity: '10', retiredOn: '2025-03-01' }];
    const before = evaluateClaim(draft, credits);
    expect(before).toMatchObject({ covered: true, findings: [] });
    const edited = DEFAULT_RULEBOOK_REGISTRY.with(harsherVersion('CN', { from: '2025-03-01' }));
    const after = evaluateClaim(draft, credits, edited);
    expect(after.rulebookId).toBe('CN-2011-edited-2025-03-01');
    expect(after.findings.map((f) => f.rule)).toEqual(['CN-2.1.2-3', 'CN-2.1.2-4', 'CN-2.1.6', 'CN-2.1.6']);
    // one day later and it no longer applies to this claim
    expect(evaluateClaim(draft, credits, DEFAULT_RULEBOOK_REGISTRY.with(harsherVersion('CN', { from: '2025-04-01' })))).toEqual(before);
  });
});
