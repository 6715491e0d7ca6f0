import type { RuleDefinition } from './rulebook';
import { RULEBOOK_PARAMETERS } from './rulebook-parameters';

/**
 * Rules of the Carbon Neutral certification standard (draft 2011-07-20, seed 002), numbered by the
 * standard's own clauses: `CN-2.1.2-3` = clause 2.1.2 item ③; `CNP-` marks chapter 3 (plan
 * certification); `CN-annex-N` the annex "当分の間の特例" item N.
 */
export const CN_RULE_IDS = Object.freeze({
  legalPersonality: 'CN-2.1.1-1',
  applicantIndependence: 'CN-2.1.1-2',
  suppliedToOthers: 'CN-2.1.5-supplied',
  targetPeriod: 'CN-2.1.2-3',
  baseYear: 'CN-2.1.2-4',
  retirementCoversEmissions: 'CN-2.1.6',
  kyotoCredits: 'CN-2.1.6-1',
  stateRunCredits: 'CN-2.1.6-2',
  validity: 'CN-2.3.3-1',
  transitionalCredits: 'CN-annex-2',
  transitionalMinority: 'CN-annex-2-majority',
  planStartAfterApplication: 'CNP-3.1.2-1',
  planStartToTargetEnd: 'CNP-3.1.2-2',
  planEndAfterTargetEnd: 'CNP-3.1.2-3',
  targetStartAfterPlanStart: 'CNP-3.1.2-4',
  plannedCredits: 'CNP-3.1.1-2',
  cnApplicationAfterTargetEnd: 'CNP-3.1.4',
  onePlanApplication: 'CNP-3.1.6',
  planEffect: 'CNP-3.3.2',
  activitiesBeforePlanApplication: 'CN-annex-4-6',
  annexAbolished: 'CN-annex-abolished',
});

const DOC = 'CN certification standard (draft 2011-07-20, seed 002)';
const annexPeriod = {
  from: RULEBOOK_PARAMETERS.cn2011.effectiveFrom,
  to: RULEBOOK_PARAMETERS.cn2011.annexEndsOn,
};

const rule = (id: string, clause: string, summary: string, effective?: RuleDefinition['effective']): RuleDefinition =>
  Object.freeze({ id, source: `${DOC}, ${clause}`, summary, ...(effective ? { effective } : {}) });

const R = CN_RULE_IDS;

export const CN_STANDARD_2011_RULES: readonly RuleDefinition[] = Object.freeze([
  rule(R.legalPersonality, '2.1.1 ① (「法人格を有する者であること」)', 'the applicant is a legal entity: its organisation has a corporate number (法人番号)'),
  rule(
    R.applicantIndependence,
    '2.1.1 ②',
    'the applicant declares it is independent of the certification body and the verifier, with no interest in them, and complies with the law',
  ),
  rule(
    R.suppliedToOthers,
    '2.1.5 as seed 003 「クレジットの無効化」 details it (電力、熱及び蒸気による直接的な温室効果ガス排出量で、申請者自身が生成し利用者へ供給するもの)',
    'emissions of electricity, heat or steam the applicant generates and supplies to others may be left out: direct emissions, so at most scope 1',
  ),
  rule(R.targetPeriod, '2.1.2 ③', 'the target period starts on a day the applicant picks and lasts at least 1 year'),
  rule(R.baseYear, '2.1.2 ④', 'the base year is a fiscal year from FY1990 (平成2年度) on; a multi-year average is allowed'),
  rule(R.retirementCoversEmissions, '2.1.6', 'credits retired ≥ the neutralised emissions; only the credits listed in 2.1.6 count'),
  rule(R.kyotoCredits, '2.1.6 ①', 'Kyoto units AAU, ERU, CER, RMU, except AAU and RMU issued in Japan; AAU needs proof of greening'),
  rule(R.stateRunCredits, '2.1.6 ②', 'credits of a state- or local-government-run ISO 14064 scheme with a state registry and MRV guidelines'),
  rule(R.validity, '2.3.3 ①', 'validity starts within 6 months of certification and lasts at most 1 year'),
  rule(
    R.transitionalCredits,
    'annex 2 (seed 003 "使用できるクレジット")',
    'until 2013-03-31, prefectural J-VER and Domestic Credits issued by the cutoff fiscal year may be used',
    annexPeriod,
  ),
  rule(R.transitionalMinority, 'annex 2 proviso', 'fully eligible credits make up more than half (過半) of all credits retired for the claim'),
  rule(
    R.plannedCredits,
    '3.1.1 ② (2.1.6 applied to plans) and table 5 埋め合わせ計画',
    'the plan states how and when credits ≥ the emissions will be procured and retired; they need not be retired yet',
  ),
  rule(R.planStartAfterApplication, '3.1.2 ①', 'the plan period starts within 1 year of the plan application'),
  rule(R.planStartToTargetEnd, '3.1.2 ②', 'from the plan start to the end of the target period is at most 2 years'),
  rule(R.planEndAfterTargetEnd, '3.1.2 ③', 'the plan period ends within 6 months after the target period ends'),
  rule(R.targetStartAfterPlanStart, '3.1.2 ④', 'the target period starts within 1 year of the plan start'),
  rule(R.cnApplicationAfterTargetEnd, '3.1.4', 'the CN application follows within 6 months of the end of the target period'),
  rule(
    R.onePlanApplication,
    '3.1.6',
    'one plan application per entity (同一の者によって一回に限り), revoked and withdrawn ones included, unless the certifier decides otherwise',
  ),
  rule(
    R.planEffect,
    '3.3.2 (3.3.1 applies only 2.3.1, 2.3.4, 2.3.6, 2.3.7 to plans, not 2.3.3)',
    'a plan certification has effect from the plan period’s start until the holder obtains CN certification, and not past the plan’s end without a CN application',
  ),
  rule(
    R.activitiesBeforePlanApplication,
    'annex 4 ⑥',
    'a plan already under way is applied for within 1 year of its start (5 years until 2012-03-31)',
    annexPeriod,
  ),
  rule(
    R.annexAbolished,
    '附則 (「平成25年3月31日に廃止する」)',
    'the annex is abolished on 2013-03-31: an application received from 2013-04-01 is judged without it (no prefectural J-VER or Domestic Credits, no plan already under way)',
    { from: RULEBOOK_PARAMETERS.cn2013.effectiveFrom },
  ),
]);
