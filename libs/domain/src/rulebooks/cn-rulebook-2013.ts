import type { SchemeCode } from '../schemes/scheme-catalog';
import { CN_CREDIT_POLICY_2011, CN_CREDIT_SCHEMES, CN_PARAMS, CN_PLAN_RULEBOOK_2011, CN_RULEBOOK_2011, pickCnRules } from './cn-rulebook-2011';
import { CN_RULE_IDS as R } from './cn-standard-2011.rules';
import type { CnPlanRulebook, CnRulebook, CreditPolicy, SchemePolicy } from './rulebook';
import { RULEBOOK_PARAMETERS } from './rulebook-parameters';

const P = RULEBOOK_PARAMETERS.cn2011;

const ABOLISHED: SchemePolicy = {
  status: 'ineligible',
  rule: R.annexAbolished,
  reason: 'the annex that allowed them was abolished on 2013-03-31 (附則); the claim was received after that',
};

/** 2.1.6 alone: the annex's prefectural J-VER and Domestic Credits are gone, with their minority rule. */
const CN_CREDIT_POLICY_2013: CreditPolicy = Object.freeze({
  schemes: Object.freeze({ ...CN_CREDIT_SCHEMES, PREF_JVER: ABOLISHED, DOMESTIC: ABOLISHED } satisfies Record<SchemeCode, SchemePolicy>),
  kyoto: CN_CREDIT_POLICY_2011.kyoto,
});

const MAIN_CREDIT_RULES = [R.retirementCoversEmissions, R.kyotoCredits, R.stateRunCredits, R.annexAbolished];
const withoutAnnex = (ids: readonly string[]) => ids.filter((id) => !id.startsWith('CN-annex-'));

/** The same standard without the annex, for applications received from 2013-04-01 (附則). */
export const CN_RULEBOOK_2013: CnRulebook = Object.freeze({
  ...CN_RULEBOOK_2011,
  id: 'CN-2013',
  version: '2011-07-20 draft without the annex (附則: abolished 2013-03-31)',
  title: 'カーボン・ニュートラル認証基準（案） chapter 2',
  effective: { from: RULEBOOK_PARAMETERS.cn2013.effectiveFrom },
  rules: pickCnRules(...withoutAnnex(Object.keys(CN_RULEBOOK_2011.rules)), ...MAIN_CREDIT_RULES),
  credits: CN_CREDIT_POLICY_2013,
  params: CN_PARAMS,
});

/** Chapter 3 without the annex: a plan already under way (annex 4) can no longer be applied for. */
export const CN_PLAN_RULEBOOK_2013: CnPlanRulebook = Object.freeze({
  ...CN_PLAN_RULEBOOK_2011,
  id: 'CN-PLAN-2013',
  version: '2011-07-20 draft without the annex (附則: abolished 2013-03-31)',
  title: 'カーボン・ニュートラル認証基準（案） chapter 3',
  effective: { from: RULEBOOK_PARAMETERS.cn2013.effectiveFrom },
  rules: pickCnRules(...withoutAnnex(Object.keys(CN_PLAN_RULEBOOK_2011.rules)), ...MAIN_CREDIT_RULES),
  credits: CN_CREDIT_POLICY_2013,
  params: Object.freeze({ ...CN_PARAMS, ...P.plan }),
});
