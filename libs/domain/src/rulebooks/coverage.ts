import { findScheme } from '../schemes/scheme-catalog';
import { compare, formatDecimal, subtract, sum, ZERO, type Decimal } from './decimal';
import { assessCreditEligibilityOn, assessCreditForClaim, type EligibilityContext, type RetiredCredit } from './credit-eligibility';
import { FieldErrors } from './findings';
import { ruleFinding, type Finding, type Rulebook, type TransitionalPolicy } from './rulebook';
import { chooseRulebook } from './rulebook-choice';
import { DEFAULT_RULEBOOK_REGISTRY, type RulebookRegistry } from './rulebook-registry';

export interface CoverageCredit extends RetiredCredit {
  /** Units retired, a decimal string: t-CO2e, or kWh / MJ for GREEN_POWER / GREEN_HEAT (which count 0 t). */
  readonly quantity: string | bigint;
  /** Shown in findings, e.g. the canonical serial. */
  readonly label?: string;
}

export interface CoverageInput {
  /** The rulebook the claim is judged by. */
  readonly rulebook: Rulebook;
  readonly requiredTonnes: bigint | string;
  readonly credits: readonly CoverageCredit[];
  readonly context?: EligibilityContext;
  /** Each credit is judged by the program's rulebook in force on its retirement date. */
  readonly registry?: RulebookRegistry;
  /** The day the claim was received: transitional credits count only if its rulebook has the annex (附則). */
  readonly receivedOn?: string;
  /** CFP art. 9 ③: an implementation plan schedules the rest, so a shortfall only warns. */
  readonly plannedShortfall?: boolean;
}

export interface Coverage {
  /** All t-CO2e retired for the claim, eligible or not. */
  readonly retiredTonnes: string;
  /** The part that counts: eligible credits, transitional ones included. */
  readonly eligibleTonnes: string;
  readonly transitionalTonnes: string;
  readonly requiredTonnes: string;
  readonly covered: boolean;
  readonly findings: Finding[];
}

/**
 * Whether the credits retired for a claim cover its required tonnes (CN 2.1.6, CFP art. 8), with the
 * CN transitional minority rule (annex 2 proviso): fully eligible tonnes must be strictly more than
 * half of all tonnes retired for the claim; exactly half fails.
 */
export function assessCoverage(input: CoverageInput): Coverage {
  const { rulebook, credits } = input;
  const registry = input.registry ?? DEFAULT_RULEBOOK_REGISTRY;
  const errors = new FieldErrors();
  const required = errors.decimal(input.requiredTonnes, 'requiredTonnes', { nonNegative: true });
  const tonnes = credits.map((c, i) => creditTonnes(c, errors, `credits[${i}].quantity`));
  errors.throwIfAny();

  const findings: Finding[] = [];
  const all: Decimal[] = [];
  const fully: Decimal[] = [];
  const transitional: Decimal[] = [];
  let transitionalPolicy: TransitionalPolicy | undefined = rulebook.credits.transitional;
  credits.forEach((credit, i) => {
    const t = tonnes[i]!;
    all.push(t);
    const judge = chooseRulebook(registry, rulebook.program, credit.retiredOn).rulebook;
    const verdict = input.receivedOn === undefined
      ? assessCreditEligibilityOn(registry, rulebook.program, credit, input.context)
      : assessCreditForClaim(registry, { program: rulebook.program, receivedOn: input.receivedOn }, credit, input.context);
    if (!verdict.eligible) {
      findings.push({ rule: verdict.rule, severity: 'error', message: `${credit.label ?? `credit ${i + 1}`} (${formatDecimal(t)} t) does not count: ${verdict.message}` });
    } else if (verdict.transitional) {
      transitional.push(t);
      transitionalPolicy ??= judge?.credits.transitional;
    } else {
      fully.push(t);
    }
  });

  const retired = sum(all);
  const fullyTonnes = sum(fully);
  const transitionalTonnes = sum(transitional);
  const eligible = sum([fullyTonnes, transitionalTonnes]);

  let minorityOk = true;
  if (compare(transitionalTonnes, ZERO) > 0 && transitionalPolicy) {
    const { numerator, denominator } = transitionalPolicy.fullyEligibleShareAbove;
    // fully / retired > numerator / denominator, in integers: fully × denominator > retired × numerator.
    minorityOk = compare(scaled(fullyTonnes, denominator), scaled(retired, numerator)) > 0;
    if (!minorityOk) {
      findings.push({
        rule: transitionalPolicy.majorityRule,
        severity: 'error',
        message: `fully eligible credits (${formatDecimal(fullyTonnes)} t) must be more than ${numerator}/${denominator} of all credits retired for the claim (${formatDecimal(retired)} t); transitional credits: ${formatDecimal(transitionalTonnes)} t`,
      });
    }
  }

  const enough = compare(eligible, required!) >= 0;
  if (!enough) {
    const missing = formatDecimal(subtract(required!, eligible));
    const { rule } = rulebook.coverage;
    const retirementRequired = rulebook.coverage.retirementRequired && input.plannedShortfall !== true;
    findings.push(
      ruleFinding(
        rulebook,
        rule,
        retirementRequired ? 'error' : 'warning',
        retirementRequired
          ? `eligible credits retired (${formatDecimal(eligible)} t) fall short of the required ${formatDecimal(required!)} t by ${missing} t`
          : `credits still to be procured and retired: ${missing} t of ${formatDecimal(required!)} t`,
      ),
    );
  }

  return {
    retiredTonnes: formatDecimal(retired),
    eligibleTonnes: formatDecimal(eligible),
    transitionalTonnes: formatDecimal(transitionalTonnes),
    requiredTonnes: formatDecimal(required!),
    covered: enough && minorityOk,
    findings,
  };
}

/** t-CO2e of a credit: its quantity, or 0 for kWh / MJ certificates (only GREEN_CO2 carries their tonnes). */
function creditTonnes(credit: CoverageCredit, errors: FieldErrors, field: string): Decimal {
  const quantity = errors.decimal(credit.quantity, field, { nonNegative: true });
  if (!quantity) return ZERO;
  const unit = findScheme(credit.scheme).unit;
  return unit === 't-CO2e' ? quantity : ZERO;
}

function scaled(value: Decimal, factor: bigint): Decimal {
  return { units: value.units * factor, scale: value.scale };
}
