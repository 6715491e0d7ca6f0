import type { IsoDate } from './calendar';
import { findScheme } from '../schemes/scheme-catalog';
import { checkImplementationPlan, readImplementationPlan, type CfpImplementationPlan } from './cfp-implementation-plan';
import { CFP_RULE_IDS } from './cfp-rulebook-v5-1';
import { decimal, type Decimal } from './decimal';
import { checkBaseYear, checkCnApplicationAfterPlan, checkTargetPeriod, type DatePeriod } from './cn-date-rules';
import { checkSuppliedToOthers } from './cn-emission-rules';
import { checkCnPlanDates } from './cn-plan-date-rules';
import { assessCoverage, type Coverage, type CoverageCredit } from './coverage';
import { FieldErrors } from './findings';
import type { PlannedRetirement } from './planned-retirements';
import { collectCfpRequiredTonnes, collectCnRequiredTonnes, type CfpQuantities, type CnEmissions } from './required-tonnes';
import { ruleFinding, type CfpRulebook, type Finding, type Program, type Rulebook } from './rulebook';
import { chooseRulebook } from './rulebook-choice';
import { DEFAULT_RULEBOOK_REGISTRY, type RulebookRegistry } from './rulebook-registry';

/** What the applicant declares when it files (API: `declarations`), recorded with the claim. */
export interface ApplicantDeclarations {
  /** CN 2.1.1 ② (CN and CN plan): independent of the certification body and the verifier, no interest in them. */
  readonly independentOfCertifierAndVerifier?: boolean;
  /** CFP art. 5 ②: not an anti-social force (反社会的勢力), no relation with one. */
  readonly notAntiSocialForce?: boolean;
}

/** API.md "Claims", CN, plus the dates the rules need. */
export interface CnClaimDraft {
  readonly type: 'CN';
  readonly applicantId?: string;
  readonly boundary?: string;
  readonly targetPeriod: DatePeriod;
  /** Japanese fiscal year(s); several stand for a multi-year average. */
  readonly baseYear: number | readonly number[];
  readonly emissions: CnEmissions;
  /**
   * The day (Japan time) the registry received the claim, set by the registry (an admin may record an
   * earlier day for an application made before the registry existed). It selects the rulebook and
   * feeds every date rule. Default, for a draft judged outside the registry: the target period's end.
   */
  readonly receivedOn?: IsoDate;
  /** A date the applicant declares: recorded as given, never used by a rule (receivedOn is). */
  readonly applicationDate?: IsoDate;
  /** The applicant's declarations (2.1.1 ②), required when filing (checkApplicantRequirements). */
  readonly declarations?: ApplicantDeclarations;
  /** The applicant holds a plan certification for this CN (3.1.4 then limits receivedOn). */
  readonly planBacked?: boolean;
}

export interface CnPlanClaimDraft extends Omit<CnClaimDraft, 'type' | 'planBacked'> {
  readonly type: 'CN_PLAN';
  readonly planPeriod: DatePeriod;
  readonly cnApplicationDate?: IsoDate;
  readonly priorPlanApplications?: number;
  readonly plannedRetirements?: readonly PlannedRetirement[];
}

export interface CfpClaimDraft extends CfpQuantities {
  readonly type: 'CFP';
  readonly applicantId?: string;
  readonly product?: { readonly name?: string; readonly cfpVerificationNumber?: string };
  readonly period: DatePeriod;
  /** As for CN: the day the registry received the notification; default: the period's end. */
  readonly receivedOn?: IsoDate;
  /** Declared by the applicant: recorded, never used by a rule. */
  readonly applicationDate?: IsoDate;
  /** The participant's declarations (art. 5 ②), required when filing (checkApplicantRequirements). */
  readonly declarations?: ApplicantDeclarations;
  /** Art. 9 ③ proviso: credits still to be retired, with amounts and dates; submit then needs no full coverage. */
  readonly implementationPlan?: CfpImplementationPlan;
}

export type ClaimDraft = CnClaimDraft | CnPlanClaimDraft | CfpClaimDraft;

export interface ClaimEvaluation {
  readonly program: Program;
  /** The date whose rulebook judged the claim. */
  readonly judgedOn: IsoDate;
  readonly rulebookId: string | null;
  /** Whole tonnes, a decimal string. */
  readonly requiredTonnes: string;
  readonly findings: Finding[];
}

/** The application date of every date rule: the day the registry received the claim, never a declared date. */
export function judgingDate(draft: ClaimDraft): IsoDate {
  if (draft.type === 'CFP') return draft.receivedOn ?? draft.period.end;
  return draft.receivedOn ?? draft.targetPeriod.end;
}

/**
 * All findings of a claim draft under the rulebook in force on its judging date; never stops at
 * the first. Malformed input (not a rule matter) throws 400 VALIDATION_FAILED naming every bad field.
 */
export function validateClaimDraft(draft: ClaimDraft, registry: RulebookRegistry = DEFAULT_RULEBOOK_REGISTRY): ClaimEvaluation {
  const errors = new FieldErrors();
  const type = (draft as { type?: unknown }).type;
  if (type !== 'CN' && type !== 'CN_PLAN' && type !== 'CFP') {
    errors.add('type', 'must be CN, CN_PLAN or CFP');
    errors.throwIfAny();
  }
  const required = readDraft(draft, errors);
  errors.throwIfAny();

  const judgedOn = judgingDate(draft);
  const { rulebook, finding } = chooseRulebook(registry, draft.type, judgedOn);
  const base = { program: draft.type, judgedOn, requiredTonnes: required!.toString() };
  if (!rulebook) return { ...base, rulebookId: null, findings: [finding!] };
  return { ...base, rulebookId: rulebook.id, findings: [...(finding ? [finding] : []), ...ruleFindings(draft, rulebook)] };
}

/** validateClaimDraft plus the coverage of the credits retired for the claim (GET /v1/claims/{id}). */
export function evaluateClaim(
  draft: ClaimDraft,
  credits: readonly CoverageCredit[],
  registry: RulebookRegistry = DEFAULT_RULEBOOK_REGISTRY,
  /** Today (Japan time): CFP planned retirements due by then must have been made. */
  asOf?: IsoDate,
): ClaimEvaluation & Omit<Coverage, 'findings' | 'requiredTonnes'> {
  const evaluation = validateClaimDraft(draft, registry);
  const rulebook = evaluation.rulebookId === null ? undefined : registry.byId(evaluation.rulebookId);
  if (!rulebook) return { ...evaluation, retiredTonnes: '0', eligibleTonnes: '0', transitionalTonnes: '0', covered: false };
  const coverage = assessCoverage({
    rulebook,
    requiredTonnes: evaluation.requiredTonnes,
    credits,
    registry,
    receivedOn: evaluation.judgedOn,
    context: draft.applicantId === undefined ? {} : { participantId: draft.applicantId },
    plannedShortfall: draft.type === 'CFP' && draft.implementationPlan !== undefined,
  });
  const planFindings =
    draft.type === 'CFP' && draft.implementationPlan && rulebook.program === 'CFP'
      ? checkImplementationPlan({ plan: draft.implementationPlan, requiredTonnes: evaluation.requiredTonnes, retired: tonnesRetired(credits), asOf }, rulebook)
      : [];
  return {
    ...evaluation,
    retiredTonnes: coverage.retiredTonnes,
    eligibleTonnes: coverage.eligibleTonnes,
    transitionalTonnes: coverage.transitionalTonnes,
    covered: coverage.covered,
    findings: [...evaluation.findings, ...coverage.findings, ...planFindings],
  };
}

function tonnesRetired(credits: readonly CoverageCredit[]): { retiredOn: IsoDate; tonnes: Decimal }[] {
  return credits.filter((c) => findScheme(c.scheme).unit === 't-CO2e').map((c) => ({ retiredOn: c.retiredOn, tonnes: decimal(String(c.quantity)) }));
}

function readDraft(draft: ClaimDraft, errors: FieldErrors): bigint | undefined {
  if (draft.type === 'CFP') {
    readPeriod(draft.period, 'period', errors);
    readDates(draft, errors);
    if (draft.implementationPlan !== undefined) readImplementationPlan(draft.implementationPlan, errors);
    return collectCfpRequiredTonnes(draft, errors);
  }
  readPeriod(draft.targetPeriod, 'targetPeriod', errors);
  const years = typeof draft.baseYear === 'number' ? [draft.baseYear] : Array.isArray(draft.baseYear) ? draft.baseYear : [undefined];
  if (years.some((y) => !Number.isSafeInteger(y))) errors.add('baseYear', 'must be a fiscal year such as 2005, or a list of them');
  readDates(draft, errors);
  if (draft.type === 'CN_PLAN') {
    readPeriod(draft.planPeriod, 'planPeriod', errors);
    if (draft.cnApplicationDate !== undefined) errors.date(draft.cnApplicationDate, 'cnApplicationDate');
  }
  return collectCnRequiredTonnes(draft.emissions ?? ({} as CnEmissions), errors);
}

function readDates(draft: ClaimDraft, errors: FieldErrors): void {
  if (draft.receivedOn !== undefined) errors.date(draft.receivedOn, 'receivedOn');
  if (draft.applicationDate !== undefined) errors.date(draft.applicationDate, 'applicationDate');
}

function readPeriod(period: DatePeriod | undefined, field: string, errors: FieldErrors): void {
  errors.date(period?.start, `${field}.start`);
  errors.date(period?.end, `${field}.end`);
}

function ruleFindings(draft: ClaimDraft, rulebook: Rulebook): Finding[] {
  if (draft.type === 'CFP' && rulebook.program === 'CFP') return cfpFindings(draft, rulebook);
  if (draft.type === 'CN' && rulebook.program === 'CN') {
    const findings = [...checkTargetPeriod(draft.targetPeriod, rulebook), ...checkBaseYear(draft.baseYear, rulebook), ...checkSuppliedToOthers(draft.emissions, rulebook)];
    if (draft.planBacked) {
      findings.push(...checkCnApplicationAfterPlan({ targetPeriodEnd: draft.targetPeriod.end, cnApplicationDate: judgingDate(draft) }, rulebook));
    }
    return findings;
  }
  if (draft.type === 'CN_PLAN' && rulebook.program === 'CN_PLAN') {
    return [
      ...checkTargetPeriod(draft.targetPeriod, rulebook),
      ...checkBaseYear(draft.baseYear, rulebook),
      ...checkSuppliedToOthers(draft.emissions, rulebook),
      ...checkCnPlanDates({ ...draft, applicationDate: judgingDate(draft) }, rulebook),
    ];
  }
  throw new Error(`rulebook ${rulebook.id} (${rulebook.program}) cannot judge a ${draft.type} claim`);
}

function cfpFindings(draft: CfpClaimDraft, rulebook: CfpRulebook): Finding[] {
  const findings: Finding[] = [];
  const has = (rule: string) => rulebook.rules[rule] !== undefined;
  if (has(CFP_RULE_IDS.recordedPeriod) && draft.period.end < draft.period.start) {
    findings.push(ruleFinding(rulebook, CFP_RULE_IDS.recordedPeriod, 'error', `the period ends (${draft.period.end}) before it starts (${draft.period.start})`));
  }
  if (has(CFP_RULE_IDS.verifiedCfp) && !draft.product?.cfpVerificationNumber?.trim()) {
    // A MiLCA review (art. 4 ②) has no verification number to show (art. 14 ③), so this only warns.
    findings.push(ruleFinding(rulebook, CFP_RULE_IDS.verifiedCfp, 'warning', 'no CFP verification number recorded'));
  }
  if (draft.partial && !rulebook.params.partialOffsetAllowed && has(CFP_RULE_IDS.retirementCoversCfp)) {
    findings.push(ruleFinding(rulebook, CFP_RULE_IDS.retirementCoversCfp, 'error', `rulebook ${rulebook.id} does not allow partial offsets`));
  }
  return findings;
}
