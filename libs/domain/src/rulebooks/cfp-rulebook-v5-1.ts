import type { SchemeCode } from '../schemes/scheme-catalog';
import { rulesById, type CfpRulebook, type RuleDefinition, type SchemePolicy } from './rulebook';
import { RULEBOOK_PARAMETERS } from './rulebook-parameters';

/** Rules of the METI "Carbon offset using CFP" programme rules Ver. 5.1 (seed 004), by article. */
export const CFP_RULE_IDS = Object.freeze({
  verifiedCfp: 'CFP-art4',
  notAntiSocialForce: 'CFP-art5-2',
  retirementCoversCfp: 'CFP-art8',
  eligibleCredits: 'CFP-art8-2',
  recordedPeriod: 'CFP-art9',
  implementationPlan: 'CFP-art9-3',
  trueUp: 'CFP-art10',
  interimTrueUp: 'CFP-art10-3',
  forbiddenCredits: 'CFP-art12',
});

const R = CFP_RULE_IDS;
const DOC = 'CFP offset programme rules Ver. 5.1 (METI, 2019-12-11, seed 004)';
const rule = (id: string, clause: string, summary: string): RuleDefinition => Object.freeze({ id, source: `${DOC}, ${clause}`, summary });

export const CFP_V5_1_RULES: readonly RuleDefinition[] = Object.freeze([
  rule(R.verifiedCfp, 'art. 4', 'the CFP was verified (CFP pilot, CFP communication programme, JEMAI, EcoLeaf) or reviewed with MiLCA'),
  rule(R.notAntiSocialForce, 'art. 5 ②', 'the participant declares it is not an anti-social force (反社会的勢力) and has no relation with one'),
  rule(R.retirementCoversCfp, 'art. 8 (1)', 'credits retired ≥ CFP per unit × quantity; partial offset: the stage figure × quantity'),
  rule(R.eligibleCredits, 'art. 8 (2)', 'J-Credit, Domestic Credit, J-VER, regional J-Credit, prefectural J-VER, green energy CO2 equivalents'),
  rule(R.recordedPeriod, 'art. 9 ②', 'the quantity and the production, sales or service period are recorded'),
  rule(
    R.implementationPlan,
    'art. 9 ③ proviso',
    'credits not all retired when the offset is carried out: an implementation plan states the amounts and dates of the retirements to come',
  ),
  rule(R.trueUp, 'art. 10 (2)', 'after the period: actual CFP × actual quantity; retire the difference if it exceeds the credits retired'),
  rule(
    R.interimTrueUp,
    'art. 10 (3)',
    'with an implementation plan: the same check at the end of the plan and at each interim report, and each planned retirement made by its date',
  ),
  rule(R.forbiddenCredits, 'art. 12', 'no credits the participant created, nor from projects that changed the product’s own life-cycle emissions'),
]);

const notListed = (reason: string): SchemePolicy => ({ status: 'ineligible', rule: R.eligibleCredits, reason });
const eligible: SchemePolicy = { status: 'eligible', rule: R.eligibleCredits };
const INTERNATIONAL = notListed('international voluntary credits are not listed in art. 8 (2)');
const GREEN_CERTIFICATE = notListed('green power/heat certificates count only through their certified GREEN_CO2 equivalent (art. 8 (2) ⑥)');

/** DOMAIN.md §3, CFP column; seed 004 art. 8 (2). */
const CFP_CREDIT_SCHEMES: Readonly<Record<SchemeCode, SchemePolicy>> = Object.freeze({
  KYOTO: notListed('Kyoto units are not listed in art. 8 (2)'),
  JVER: eligible,
  JCREDIT: eligible,
  REGIONAL_JCREDIT: eligible,
  PREF_JVER: eligible,
  DOMESTIC: eligible,
  GREEN_CO2: eligible,
  GREEN_POWER: GREEN_CERTIFICATE,
  GREEN_HEAT: GREEN_CERTIFICATE,
  VERRA: INTERNATIONAL,
  GOLD_STANDARD: INTERNATIONAL,
  ACR: INTERNATIONAL,
  CAR: INTERNATIONAL,
  ART: INTERNATIONAL,
  CERCARBONO: INTERNATIONAL,
});

export const CFP_RULEBOOK_V5_1: CfpRulebook = Object.freeze({
  id: 'CFP-5.1',
  program: 'CFP',
  version: '5.1',
  title: '「カーボンフットプリントを活用したカーボン・オフセット制度」に関する規程 Ver. 5.1',
  source: 'seed 004 (METI, 2019-12-11)',
  effective: { from: RULEBOOK_PARAMETERS.cfpV5_1.effectiveFrom },
  rules: rulesById(CFP_V5_1_RULES),
  credits: Object.freeze({ schemes: CFP_CREDIT_SCHEMES, forbiddenCreditsRule: R.forbiddenCredits }),
  coverage: { rule: R.retirementCoversCfp, retirementRequired: true },
  params: Object.freeze({ partialOffsetAllowed: true }),
});
