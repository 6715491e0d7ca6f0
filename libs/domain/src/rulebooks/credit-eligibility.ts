import { findKyotoUnitType } from '../schemes/kyoto-codes';
import type { SchemeCode } from '../schemes/scheme-catalog';
import type { SerialAttributes } from '../serials/parsed-serial';
import { fiscalYearLastDay, type IsoDate } from './calendar';
import { ruleApplies, type Program, type Rulebook, type TransitionalPolicy } from './rulebook';
import { chooseRulebook } from './rulebook-choice';
import { NO_RULEBOOK_RULE, type RulebookRegistry } from './rulebook-registry';

/** One retired credit as the eligibility rules see it; `attributes` are the parsed serial's (Kyoto: party, unitType). */
export interface RetiredCredit {
  readonly scheme: SchemeCode;
  readonly attributes?: SerialAttributes;
  readonly retiredOn: IsoDate;
  readonly issuedOn?: IsoDate;
  /** Organisation that created (generated) the credit. */
  readonly creatorId?: string;
  /** The applicant proved the AAU stands for real reductions or removals (CN 2.1.6 ①). */
  readonly greeningEvidence?: boolean;
  /** The credit's project changed the offset product's own life-cycle emissions (CFP art. 12). */
  readonly changedProductFootprint?: boolean;
}

export interface EligibilityContext {
  /** The CFP participant (or CN applicant) the credit is retired for. */
  readonly participantId?: string;
}

export interface CreditEligibility {
  readonly eligible: boolean;
  /** Usable only under the CN transitional rule: counts toward the minority limit in coverage. */
  readonly transitional?: boolean;
  readonly rule: string;
  readonly message: string;
}

const yes = (rule: string, message: string): CreditEligibility => ({ eligible: true, rule, message });
const no = (rule: string, message: string): CreditEligibility => ({ eligible: false, rule, message });

/** Whether one retired credit may back a claim under `rulebook`; the first refusing rule wins. */
export function assessCreditEligibility(credit: RetiredCredit, rulebook: Rulebook, context: EligibilityContext = {}): CreditEligibility {
  const policy = rulebook.credits.schemes[credit.scheme];
  const program = rulebook.program;
  if (!policy) return no(rulebook.coverage.rule, `${String(credit.scheme)} is not a known credit scheme`);
  let verdict: CreditEligibility;
  switch (policy.status) {
    case 'ineligible':
      return no(policy.rule, `${credit.scheme} credits are not eligible for ${program}: ${policy.reason}`);
    case 'kyoto':
      verdict = assessKyotoUnit(credit, rulebook, policy.rule);
      break;
    case 'transitional':
      verdict = assessTransitional(credit, rulebook, policy.rule);
      break;
    case 'eligible':
      verdict = yes(policy.rule, `${credit.scheme} credits are eligible for ${program}`);
  }
  return verdict.eligible ? (assessForbidden(credit, rulebook, context) ?? verdict) : verdict;
}

/** Judges the credit by the program's rulebook in force on its retirement date (chooseRulebook). */
export function assessCreditEligibilityOn(
  registry: RulebookRegistry,
  program: Program,
  credit: RetiredCredit,
  context: EligibilityContext = {},
): CreditEligibility {
  const { rulebook } = chooseRulebook(registry, program, credit.retiredOn);
  if (!rulebook) return no(NO_RULEBOOK_RULE, `no ${program} rulebook was in force on the retirement date ${credit.retiredOn}`);
  return assessCreditEligibility(credit, rulebook, context);
}

/** The claim a credit backs: its program and the day the registry received it. */
export interface ClaimOfCredit {
  readonly program: Program;
  readonly receivedOn: IsoDate;
}

/**
 * A credit backing a claim: judged by the rulebook in force on its retirement date, and a
 * transitional credit (CN annex 2) counts only if the claim's own rulebook still has the annex: an
 * application received after 2013-03-31 is judged without it (附則), whenever its credits were retired.
 */
export function assessCreditForClaim(
  registry: RulebookRegistry,
  claim: ClaimOfCredit,
  credit: RetiredCredit,
  context: EligibilityContext = {},
): CreditEligibility {
  const verdict = assessCreditEligibilityOn(registry, claim.program, credit, context);
  if (!verdict.eligible || !verdict.transitional) return verdict;
  const claimRulebook = chooseRulebook(registry, claim.program, claim.receivedOn).rulebook;
  if (!claimRulebook || claimRulebook.credits.transitional) return verdict;
  const policy = claimRulebook.credits.schemes[credit.scheme];
  const rule = policy?.status === 'ineligible' ? policy.rule : claimRulebook.coverage.rule;
  const reason = policy?.status === 'ineligible' ? policy.reason : `${claimRulebook.id} has no transitional credits`;
  return no(rule, `${credit.scheme} credits do not count for a claim received ${claim.receivedOn} (judged by ${claimRulebook.id}): ${reason}`);
}

/**
 * CN annex 2 limits transitional credits to those issued by the end of a fiscal year. A credit is
 * issued before it is retired, so a retirement on or before that day proves it: the issue date is
 * asked for only when the credit was retired later (possible only with a cutoff before the annex's end).
 */
export function transitionalIssueDateNeeded(policy: TransitionalPolicy, retiredOn: IsoDate): boolean {
  return retiredOn > fiscalYearLastDay(policy.issuedByFiscalYear);
}

function assessKyotoUnit(credit: RetiredCredit, rulebook: Rulebook, rule: string): CreditEligibility {
  const kyoto = rulebook.credits.kyoto;
  const code = credit.attributes?.['unitType'];
  const party = credit.attributes?.['party'];
  const unitType = typeof code === 'number' ? findKyotoUnitType(code) : undefined;
  if (!kyoto || !unitType || typeof party !== 'string') {
    return no(rule, 'a Kyoto unit needs its party and unit type (serial attributes party, unitType) to be judged');
  }
  const name = `${unitType.name} (${unitType.description})`;
  if (!kyoto.eligibleUnitTypes.includes(unitType.code)) return no(rule, `${name} is not among the Kyoto units eligible for ${rulebook.program}`);
  const excluded = kyoto.excludedByParty.find((e) => e.party === party.toUpperCase() && e.unitTypes.includes(unitType.code));
  if (excluded) return no(rule, `${unitType.name} issued by ${excluded.party} is excluded from ${rulebook.program}`);
  if (kyoto.greeningEvidenceUnitTypes.includes(unitType.code) && credit.greeningEvidence !== true) {
    return no(rule, `an ${unitType.name} needs the applicant's proof that it leads to real reductions or removals (greening evidence)`);
  }
  return yes(rule, `${unitType.name} issued by ${party.toUpperCase()} is eligible for ${rulebook.program}`);
}

/** CN annex 2: usable until the annex ends, if issued by the cutoff fiscal year; the majority part is in coverage. */
function assessTransitional(credit: RetiredCredit, rulebook: Rulebook, rule: string): CreditEligibility {
  const policy = rulebook.credits.transitional;
  const definition = rulebook.rules[rule];
  if (!policy || !definition) return no(rule, `${credit.scheme} credits have no transitional rule in ${rulebook.id}`);
  if (!ruleApplies(rulebook, rule, credit.retiredOn)) {
    const end = definition.effective?.to;
    return no(rule, `${credit.scheme} credits count for ${rulebook.program} only when retired by ${end ?? 'the end of the transitional rule'}; retired ${credit.retiredOn}`);
  }
  const cutoff = fiscalYearLastDay(policy.issuedByFiscalYear);
  if (credit.issuedOn !== undefined && credit.issuedOn > credit.retiredOn) {
    return no(rule, `${credit.scheme} credits cannot have been issued (${credit.issuedOn}) after they were retired (${credit.retiredOn})`);
  }
  if (credit.issuedOn === undefined && transitionalIssueDateNeeded(policy, credit.retiredOn)) {
    return no(rule, `${credit.scheme} credits retired after ${cutoff} need their issue date (creditFacts.issuedOn) to show they were issued by then (FY${policy.issuedByFiscalYear})`);
  }
  if (credit.issuedOn !== undefined && credit.issuedOn > cutoff) {
    return no(rule, `${credit.scheme} credits must have been issued by the end of FY${policy.issuedByFiscalYear} (${cutoff}); issued ${credit.issuedOn}`);
  }
  return {
    eligible: true,
    transitional: true,
    rule,
    message: `${credit.scheme} credits are usable as transitional credits, provided fully eligible credits are the majority of the claim (${policy.majorityRule})`,
  };
}

/** CFP art. 12: own credits and credits from projects that changed the product's footprint are forbidden. */
function assessForbidden(credit: RetiredCredit, rulebook: Rulebook, context: EligibilityContext): CreditEligibility | undefined {
  const rule = rulebook.credits.forbiddenCreditsRule;
  if (!rule) return undefined;
  if (credit.creatorId !== undefined && context.participantId !== undefined && credit.creatorId === context.participantId) {
    return no(rule, `the participant (${context.participantId}) may not use credits it created itself`);
  }
  if (credit.changedProductFootprint === true) {
    return no(rule, "credits from projects that changed the product's own life-cycle emissions may not be used");
  }
  return undefined;
}
