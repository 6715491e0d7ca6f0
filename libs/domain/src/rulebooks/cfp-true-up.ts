import type { IsoDate } from './calendar';
import { CFP_RULE_IDS } from './cfp-rulebook-v5-1';
import { ceilToWhole, compare, formatDecimal, subtract, sum, ZERO, type Decimal } from './decimal';
import { FieldErrors } from './findings';
import { kgTimesQuantityInTonnes } from './required-tonnes';
import { ruleFinding, type CfpRulebook, type Finding } from './rulebook';

export interface CfpTrueUpInput {
  /** The per-unit figure the offset used: the full CFP, or the stage figure of a partial offset. */
  readonly cfpPerUnitKg: string;
  readonly actualQuantity: string;
  /** t-CO2e retired for the offset so far. */
  readonly retiredTonnes: string | bigint;
}

export interface TrueUp {
  /** ceil(CFP × actual quantity / 1000). */
  readonly actualTonnes: bigint;
  readonly retiredTonnes: string;
  /** max(0, actual − retired), in whole tonnes to retire. */
  readonly shortfallTonnes: bigint;
}

/** Art. 10 (2): after the period, actual emissions = CFP × actual quantity; retire any excess over the credits retired. */
export function cfpTrueUp(input: CfpTrueUpInput, rulebook: CfpRulebook): TrueUp & { readonly findings: Finding[] } {
  const errors = new FieldErrors();
  const kg = errors.decimal(input.cfpPerUnitKg, 'cfpPerUnitKg', { nonNegative: true });
  const quantity = errors.decimal(input.actualQuantity, 'actualQuantity', { nonNegative: true });
  const retired = errors.decimal(input.retiredTonnes, 'retiredTonnes', { nonNegative: true });
  errors.throwIfAny();
  const result = trueUpAt(kg!, quantity!, retired!);
  return { ...result, findings: shortfallFindings(rulebook, CFP_RULE_IDS.trueUp, result, 'after the period') };
}

/** One point of an implementation plan: the quantity sold/provided in the reporting period ending on `date`. */
export interface TrueUpPoint {
  readonly date: IsoDate;
  readonly quantity: string;
}

export interface TrueUpRetirement {
  readonly retiredOn: IsoDate;
  readonly tonnes: string | bigint;
}

export interface TrueUpAtPoint extends TrueUp {
  readonly date: IsoDate;
  readonly cumulativeQuantity: string;
}

/**
 * Art. 10 (3): with an implementation plan, the art. 10 (2) check runs at each interim reporting point
 * and at the plan's end (the last point): emissions of the cumulative quantity so far against the
 * credits retired on or before that date. The cumulative figure is rounded up once, not per period.
 */
export function cfpTrueUpSchedule(
  input: { readonly cfpPerUnitKg: string; readonly points: readonly TrueUpPoint[]; readonly retirements: readonly TrueUpRetirement[] },
  rulebook: CfpRulebook,
): { readonly points: TrueUpAtPoint[]; readonly findings: Finding[] } {
  const errors = new FieldErrors();
  const kg = errors.decimal(input.cfpPerUnitKg, 'cfpPerUnitKg', { nonNegative: true });
  if (input.points.length === 0) errors.add('points', 'needs at least the end of the plan');
  const quantities = input.points.map((p, i) => {
    const date = errors.date(p.date, `points[${i}].date`);
    const previous = input.points[i - 1]?.date;
    if (date && previous !== undefined && date <= previous) errors.add(`points[${i}].date`, `must come after ${previous}`);
    return errors.decimal(p.quantity, `points[${i}].quantity`, { nonNegative: true }) ?? ZERO;
  });
  const retirements = input.retirements.map((r, i) => ({
    retiredOn: errors.date(r.retiredOn, `retirements[${i}].retiredOn`) ?? '',
    tonnes: errors.decimal(r.tonnes, `retirements[${i}].tonnes`, { nonNegative: true }) ?? ZERO,
  }));
  errors.throwIfAny();

  const findings: Finding[] = [];
  const points = input.points.map((point, i) => {
    const cumulative = sum(quantities.slice(0, i + 1));
    const last = i === input.points.length - 1;
    // Art. 10 (2): the difference is retired after the period, so the final check counts every
    // retirement; an interim point (art. 10 (3)) counts what was retired by its date.
    const retired = sum(retirements.filter((r) => last || r.retiredOn <= point.date).map((r) => r.tonnes));
    const result = { date: point.date, cumulativeQuantity: cumulative, ...trueUpAt(kg!, cumulative, retired) };
    const rule = last ? CFP_RULE_IDS.trueUp : CFP_RULE_IDS.interimTrueUp;
    findings.push(...shortfallFindings(rulebook, rule, result, last ? `at the end of the plan (${point.date})` : `at the interim point ${point.date}`));
    return { ...result, cumulativeQuantity: formatDecimal(cumulative) };
  });
  return { points, findings };
}

function trueUpAt(kg: Decimal, quantity: Decimal, retired: Decimal): TrueUp {
  const actualTonnes = kgTimesQuantityInTonnes(kg, quantity);
  const actual: Decimal = { units: actualTonnes, scale: 0 };
  const shortfallTonnes = compare(actual, retired) > 0 ? ceilToWhole(subtract(actual, retired)) : 0n;
  return { actualTonnes, retiredTonnes: formatDecimal(retired), shortfallTonnes };
}

function shortfallFindings(rulebook: CfpRulebook, rule: string, result: TrueUp, when: string): Finding[] {
  if (result.shortfallTonnes === 0n || !rulebook.rules[rule]) return [];
  return [
    ruleFinding(
      rulebook,
      rule,
      'error',
      `${when}: actual emissions ${result.actualTonnes} t exceed the ${result.retiredTonnes} t retired; retire ${result.shortfallTonnes} t more`,
    ),
  ];
}
