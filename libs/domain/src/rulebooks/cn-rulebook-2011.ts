import type { SchemeCode } from '../schemes/scheme-catalog';
import { CN_RULE_IDS as R, CN_STANDARD_2011_RULES } from './cn-standard-2011.rules';
import { rulesById, type CnPlanRulebook, type CnRulebook, type CreditPolicy, type SchemePolicy } from './rulebook';
import { RULEBOOK_PARAMETERS } from './rulebook-parameters';

const P = RULEBOOK_PARAMETERS.cn2011;

const notListed = (reason: string): SchemePolicy => ({ status: 'ineligible', rule: R.retirementCoversEmissions, reason });
const INTERNATIONAL = notListed('international voluntary credits are not a Kyoto unit nor run by the Japanese state (2.1.6 ①②)');
const GREEN = notListed('green energy certificates and their CO2 equivalents are not credits listed in 2.1.6');

/** DOMAIN.md §3, CN column; seed 002 2.1.6 and annex 2, seed 003 "使用できるクレジット". */
export const CN_CREDIT_SCHEMES: Readonly<Record<SchemeCode, SchemePolicy>> = Object.freeze({
  KYOTO: { status: 'kyoto', rule: R.kyotoCredits },
  JVER: { status: 'eligible', rule: R.stateRunCredits },
  // J-Credit (from FY2013) and regional J-Credit meet 2.1.6 ② a)–c) (DOMAIN.md §3); the 2011 seeds predate them.
  JCREDIT: { status: 'eligible', rule: R.stateRunCredits },
  REGIONAL_JCREDIT: { status: 'eligible', rule: R.stateRunCredits },
  PREF_JVER: { status: 'transitional', rule: R.transitionalCredits },
  DOMESTIC: { status: 'transitional', rule: R.transitionalCredits },
  GREEN_CO2: GREEN,
  GREEN_POWER: GREEN,
  GREEN_HEAT: GREEN,
  VERRA: INTERNATIONAL,
  GOLD_STANDARD: INTERNATIONAL,
  ACR: INTERNATIONAL,
  CAR: INTERNATIONAL,
  ART: INTERNATIONAL,
  CERCARBONO: INTERNATIONAL,
});

export const CN_CREDIT_POLICY_2011: CreditPolicy = Object.freeze({
  schemes: CN_CREDIT_SCHEMES,
  kyoto: Object.freeze({
    // 2.1.6 ① lists AAU (1), RMU (2), ERU (3, 4) and CER (5); tCER (6) and lCER (7) are not listed.
    eligibleUnitTypes: [1, 2, 3, 4, 5],
    excludedByParty: [{ party: 'JP', unitTypes: [1, 2] }],
    greeningEvidenceUnitTypes: [1],
  }),
  transitional: Object.freeze({
    rule: R.transitionalCredits,
    majorityRule: R.transitionalMinority,
    issuedByFiscalYear: P.transitional.issuedByFiscalYear,
    fullyEligibleShareAbove: P.transitional.fullyEligibleShareAbove,
  }),
});

export const CN_PARAMS = Object.freeze({
  targetPeriodMinMonths: P.targetPeriodMinMonths,
  baseYearMinFiscalYear: P.baseYearMinFiscalYear,
  validityStartWithinMonths: P.validityStartWithinMonths,
  validityMaxMonths: P.validityMaxMonths,
  cnApplicationWithinMonthsOfTargetEnd: P.cnApplicationWithinMonthsOfTargetEnd,
});

export const pickCnRules = (...ids: string[]) => rulesById(CN_STANDARD_2011_RULES.filter((r) => ids.includes(r.id)));

/** 2.1.1 and 2.1.5, which 3.1.1 ② applies to plans too. */
const APPLICANT_RULES = [R.legalPersonality, R.applicantIndependence, R.suppliedToOthers];

export const CN_CREDIT_RULES = [R.retirementCoversEmissions, R.kyotoCredits, R.stateRunCredits, R.transitionalCredits, R.transitionalMinority];

/** Chapter 2 (CN certification) and the annex, for applications received until the annex ended (附則). */
export const CN_RULEBOOK_2011: CnRulebook = Object.freeze({
  id: 'CN-2011',
  program: 'CN',
  version: '2011-07-20 draft',
  title: 'カーボン・ニュートラル認証基準（案） chapter 2 and annex',
  source: 'seed 002 (CN certification standard draft, 2011-07-20), seed 003 (overview slides)',
  effective: { from: P.effectiveFrom, to: P.annexEndsOn },
  rules: pickCnRules(...APPLICANT_RULES, R.targetPeriod, R.baseYear, R.validity, R.cnApplicationAfterTargetEnd, ...CN_CREDIT_RULES),
  credits: CN_CREDIT_POLICY_2011,
  coverage: { rule: R.retirementCoversEmissions, retirementRequired: true },
  params: CN_PARAMS,
});

/** Chapter 3 (plan certification): 3.1.1 ② applies 2.1.1–2.1.3, 2.1.5 and 2.1.6; credits need not be retired yet. */
export const CN_PLAN_RULEBOOK_2011: CnPlanRulebook = Object.freeze({
  id: 'CN-PLAN-2011',
  program: 'CN_PLAN',
  version: '2011-07-20 draft',
  title: 'カーボン・ニュートラル認証基準（案） chapter 3 and annex',
  source: 'seed 002 (CN certification standard draft, 2011-07-20), seed 003 (overview slides)',
  effective: { from: P.effectiveFrom, to: P.annexEndsOn },
  rules: pickCnRules(
    ...APPLICANT_RULES,
    R.targetPeriod,
    R.baseYear,
    R.plannedCredits,
    R.planStartAfterApplication,
    R.planStartToTargetEnd,
    R.planEndAfterTargetEnd,
    R.targetStartAfterPlanStart,
    R.cnApplicationAfterTargetEnd,
    R.onePlanApplication,
    R.planEffect,
    R.activitiesBeforePlanApplication,
    ...CN_CREDIT_RULES,
  ),
  credits: CN_CREDIT_POLICY_2011,
  coverage: { rule: R.retirementCoversEmissions, retirementRequired: false },
  params: Object.freeze({ ...CN_PARAMS, ...P.plan }),
});
