import type { SchemeCode } from '../schemes/scheme-catalog';
import type { IsoDate } from './calendar';

/** The programs a claim can be filed under (API.md claim types). */
export const PROGRAMS = ['CN', 'CN_PLAN', 'CFP'] as const;
export type Program = (typeof PROGRAMS)[number];

export type Severity = 'error' | 'warning';

/** One judgement of a rule on a claim or credit; `rule` is a rule id such as `CN-2.1.2-3`. */
export interface Finding {
  readonly rule: string;
  readonly severity: Severity;
  readonly message: string;
}

/** Both ends inclusive; no `to` means no end date. */
export interface EffectivePeriod {
  readonly from: IsoDate;
  readonly to?: IsoDate;
}

export interface RuleDefinition {
  /** Cites its source: `CN-2.1.2-3` = CN standard clause 2.1.2 item ③. */
  readonly id: string;
  /** Document and clause in the document's own words, e.g. "CN standard 2011-07-20, 2.1.2 ③". */
  readonly source: string;
  readonly summary: string;
  /** A rule can end before its rulebook does (the CN annex ends 2013-03-31). */
  readonly effective?: EffectivePeriod;
}

/** How a scheme's credits stand under a program (DOMAIN.md §3). */
export type SchemePolicy =
  | { readonly status: 'eligible'; readonly rule: string }
  | { readonly status: 'ineligible'; readonly rule: string; readonly reason: string }
  /** Decided per Kyoto unit type and party by `KyotoPolicy`. */
  | { readonly status: 'kyoto'; readonly rule: string }
  /** Usable only under `TransitionalPolicy`. */
  | { readonly status: 'transitional'; readonly rule: string };

export interface KyotoPolicy {
  /** Kyoto unit type codes (kyoto-codes.ts) the program accepts at all. */
  readonly eligibleUnitTypes: readonly number[];
  /** Unit types refused when issued by a given party (CN: AAU and RMU issued by Japan). */
  readonly excludedByParty: readonly { readonly party: string; readonly unitTypes: readonly number[] }[];
  /** Unit types that need the applicant's proof that they stand for real reductions (greening). */
  readonly greeningEvidenceUnitTypes: readonly number[];
}

export interface TransitionalPolicy {
  /** The per-credit rule; its `effective.to` is the last retirement date allowed. */
  readonly rule: string;
  /** The rule that fully eligible credits exceed the given share of all credits retired for the claim. */
  readonly majorityRule: string;
  /** Issued by the end of this Japanese fiscal year. */
  readonly issuedByFiscalYear: number;
  readonly fullyEligibleShareAbove: { readonly numerator: bigint; readonly denominator: bigint };
}

export interface CreditPolicy {
  readonly schemes: Readonly<Record<SchemeCode, SchemePolicy>>;
  readonly kyoto?: KyotoPolicy;
  readonly transitional?: TransitionalPolicy;
  /** CFP art. 12: credits the participant created, or from projects that changed the product's footprint. */
  readonly forbiddenCreditsRule?: string;
}

export interface CoveragePolicy {
  /** The rule that retired credits must cover the required tonnes. */
  readonly rule: string;
  /** A CN plan only states how credits will be procured: a shortfall is not an error yet. */
  readonly retirementRequired: boolean;
}

export interface CnParameters {
  readonly targetPeriodMinMonths: number;
  readonly baseYearMinFiscalYear: number;
  readonly validityStartWithinMonths: number;
  readonly validityMaxMonths: number;
  readonly cnApplicationWithinMonthsOfTargetEnd: number;
}

export interface CnPlanParameters extends CnParameters {
  readonly planStartWithinMonthsOfApplication: number;
  readonly planStartToTargetEndMaxMonths: number;
  readonly planEndWithinMonthsOfTargetEnd: number;
  readonly targetStartWithinMonthsOfPlanStart: number;
  readonly annex4: {
    readonly applyWithinMonthsOfPlanStart: number;
    readonly extendedApplyWithinMonths: number;
    readonly extendedUntil: IsoDate;
  };
}

export interface CfpParameters {
  /** Partial offsets (art. 8 (1) proviso) allowed. */
  readonly partialOffsetAllowed: boolean;
}

interface RulebookBase<P extends Program, Params> {
  /** Unique in a registry, e.g. `CN-2011`. */
  readonly id: string;
  readonly program: P;
  readonly version: string;
  readonly title: string;
  readonly source: string;
  readonly effective: EffectivePeriod;
  readonly rules: Readonly<Record<string, RuleDefinition>>;
  readonly credits: CreditPolicy;
  readonly coverage: CoveragePolicy;
  readonly params: Params;
}

export type CnRulebook = RulebookBase<'CN', CnParameters>;
export type CnPlanRulebook = RulebookBase<'CN_PLAN', CnPlanParameters>;
export type CfpRulebook = RulebookBase<'CFP', CfpParameters>;
export type Rulebook = CnRulebook | CnPlanRulebook | CfpRulebook;
export type RulebookFor<P extends Program> = Extract<Rulebook, { program: P }>;

export function isInPeriod(period: EffectivePeriod, date: IsoDate): boolean {
  return period.from <= date && (period.to === undefined || date <= period.to);
}

/** Whether the rulebook has the rule and it is in force on `date` (by the rule's own period, if any). */
export function ruleApplies(rulebook: Rulebook, ruleId: string, date: IsoDate): boolean {
  const rule = rulebook.rules[ruleId];
  return rule !== undefined && (rule.effective === undefined || isInPeriod(rule.effective, date));
}

/** A finding citing one of the rulebook's rules; citing a rule the rulebook lacks is a programming error. */
export function ruleFinding(rulebook: Rulebook, ruleId: string, severity: Severity, message: string): Finding {
  if (!rulebook.rules[ruleId]) throw new Error(`rulebook ${rulebook.id} has no rule ${ruleId}`);
  return { rule: ruleId, severity, message };
}

export function rulesById(rules: readonly RuleDefinition[]): Readonly<Record<string, RuleDefinition>> {
  return Object.freeze(Object.fromEntries(rules.map((r) => [r.id, r])));
}
