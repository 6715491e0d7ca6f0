import { addBusinessDays } from './business-days';
import { deadlineAfter, type IsoDate } from './calendar';

export { addBusinessDays, isBusinessDay } from './business-days';
import { compare, decimal, formatDecimal, multiply, subtract, sum, type Decimal } from './decimal';
import type { CnEmissions } from './required-tonnes';
import type { Finding, RuleDefinition } from './rulebook';

/**
 * Rules of the certification process around the arithmetic (seed 002 ch. 2–3, seed 004 ch. 2):
 * verification, correction before sanctions, withdrawal, renewal and plan changes.
 */
export const PROCESS_RULE_IDS = Object.freeze({
  verifierIndependence: 'CN-2.2.2',
  reasonableAssurance: 'CN-2.2.3',
  materiality: 'CN-2.2.4',
  planAssurance: 'CNP-3.2.3',
  renewalPending: 'CN-2.3.3-2',
  correctionBeforeSanction: 'CN-2.3.5-2',
  planCorrectionBeforeSanction: 'CNP-3.3.4-2',
  labelRemoval: 'CN-2.3.6-2',
  withdrawalAccepted: 'CN-2.3.7',
  planChangeNotice: 'CNP-3.4.1',
  cfpNotification: 'CFP-art13',
  cfpChangeNotification: 'CFP-art13-3',
  cfpWithdrawal: 'CFP-art18',
});

const CN_DOC = 'CN certification standard (draft 2011-07-20, seed 002)';
const CFP_DOC = 'CFP carbon offset rules (seed 004)';
const R = PROCESS_RULE_IDS;
const rule = (id: string, source: string, summary: string): RuleDefinition => Object.freeze({ id, source, summary });

/** The process rules with their sources, for the README's rule table. */
export const CERTIFICATION_PROCESS_RULES: readonly RuleDefinition[] = Object.freeze([
  rule(R.verifierIndependence, `${CN_DOC}, 2.2.2`, 'the verification body is independent of the applicant (declared with the report)'),
  rule(R.reasonableAssurance, `${CN_DOC}, 2.2.3`, 'a CN verification gives reasonable assurance'),
  rule(R.materiality, `${CN_DOC}, 2.2.4 (3.2.1 for plans)`, 'certified only on an unqualified verification whose total is within 5 % of the verified total'),
  rule(R.planAssurance, `${CN_DOC}, 3.2.3`, 'a plan verification is reasonable in principle; limited with a reason is for the certifier to weigh'),
  rule(R.renewalPending, `${CN_DOC}, 2.3.3 ② proviso`, 'a new CN application filed within validity keeps the certification valid until it is decided'),
  rule(R.correctionBeforeSanction, `${CN_DOC}, 2.3.5 ②`, 'suspension or revocation for a breach follows a recommendation for correction (① non-cooperation and ③ urgency excepted)'),
  rule(R.planCorrectionBeforeSanction, `${CN_DOC}, 3.3.4 ②`, 'the same for plan certification'),
  rule(R.labelRemoval, `${CN_DOC}, 2.3.6 ② b)`, 'labels removed within 1 month of the revocation'),
  rule(R.withdrawalAccepted, `${CN_DOC}, 2.3.7 (3.3.1 for plans)`, 'a written withdrawal request takes effect when the certifier accepts it'),
  rule(R.planChangeNotice, `${CN_DOC}, 3.4.1`, 'a plan change is notified at least 30 business days before it takes effect'),
  rule(R.cfpNotification, `${CFP_DOC}, art. 13`, 'a CFP offset is notified and accepted, not certified: no suspension, reinstatement or revocation'),
  rule(R.cfpChangeNotification, `${CFP_DOC}, art. 13 ③`, 'a change (art. 10) of a notified offset is notified again'),
  rule(R.cfpWithdrawal, `${CFP_DOC}, art. 18`, 'withdrawal takes effect on the written request; marks removed from unshipped products within 1 month'),
]);

/** 2.2.4: 「許容可能な重要性の量的基準値は、排出量全体の 5 % とする」. */
export const MATERIALITY_PERCENT = 5n;

export interface ScopeEmissions {
  readonly scope1: string;
  readonly scope2: string;
  readonly scope3?: string;
}

/** The total the applicant neutralises: scope 1 + 2, with scope 3 only when it included it (2.1.5). */
export function totalEmissions(emissions: ScopeEmissions, includeScope3: boolean): Decimal {
  const parts = [decimal(emissions.scope1), decimal(emissions.scope2)];
  if (includeScope3 && emissions.scope3 !== undefined) parts.push(decimal(emissions.scope3));
  return sum(parts);
}

export interface MaterialityCheck {
  readonly declaredTotal: string;
  readonly verifiedTotal: string;
  /** |declared − verified|, in t-CO2e. */
  readonly difference: string;
  /** 5 % of the verified total: the largest misstatement the verification tolerates. */
  readonly threshold: string;
  readonly withinMateriality: boolean;
}

/**
 * CN-2.2.4 (seed 002 2.2.4, 3.2.1 for plans): the applicant's total and the verified total differ by
 * at most 5 % of the whole emissions, taken as the verified total (the verifier's figure is the one
 * the certification then uses). Exact decimal arithmetic: 5 % of 100 t tolerates exactly 5 t.
 */
export function checkMateriality(declared: ScopeEmissions, verified: ScopeEmissions, includeScope3: boolean): MaterialityCheck {
  const declaredTotal = totalEmissions(declared, includeScope3);
  const verifiedTotal = totalEmissions(verified, includeScope3);
  const raw = subtract(declaredTotal, verifiedTotal);
  const difference = raw.units < 0n ? { units: -raw.units, scale: raw.scale } : raw;
  const hundredfold = multiply(difference, { units: 100n, scale: 0 });
  const allowed = multiply(verifiedTotal, { units: MATERIALITY_PERCENT, scale: 0 });
  return {
    declaredTotal: formatDecimal(declaredTotal),
    verifiedTotal: formatDecimal(verifiedTotal),
    difference: formatDecimal(difference),
    threshold: formatDecimal({ units: allowed.units, scale: allowed.scale + 2 }),
    withinMateriality: compare(hundredfold, allowed) <= 0,
  };
}

export interface VerificationFacts {
  readonly assurance: string;
  readonly opinion: string;
  readonly materiality: MaterialityCheck;
}

/**
 * What certification needs from the verification (2.2.3, 2.2.4; 3.2.1 and 3.2.3 for plans): an
 * unqualified opinion on figures within materiality. No verification at all is the first finding.
 */
export function verificationFindings(type: 'CN' | 'CN_PLAN', verification: VerificationFacts | null): Finding[] {
  const R = PROCESS_RULE_IDS;
  if (!verification) return [{ rule: R.materiality, severity: 'error', message: 'certification needs a verification report (2.2, 3.2): none is recorded' }];
  const findings: Finding[] = [];
  if (verification.opinion !== 'unqualified') {
    findings.push({ rule: R.materiality, severity: 'error', message: `the verifier's opinion is ${verification.opinion}; certification needs an unqualified opinion` });
  }
  if (!verification.materiality.withinMateriality) {
    const m = verification.materiality;
    findings.push({
      rule: R.materiality,
      severity: 'error',
      message: `declared ${m.declaredTotal} t and verified ${m.verifiedTotal} t differ by ${m.difference} t, more than 5 % of the total (${m.threshold} t)`,
    });
  }
  if (type === 'CN' && verification.assurance !== 'reasonable') {
    findings.push({ rule: R.reasonableAssurance, severity: 'error', message: 'a CN verification gives reasonable assurance (2.2.3)' });
  }
  return findings;
}

/** 2.3.6 ② b) (and CFP art. 18 ③ ①): labels removed within 1 month of the revocation (民法 140, 143). */
export function labelsRemovedBy(eventOn: IsoDate): IsoDate {
  return deadlineAfter(eventOn, 1);
}

/** CNP-3.4.1: 30 business days' notice (「当該変更を実施する日から起算して30営業日より以前に」). */
export const PLAN_CHANGE_NOTICE_BUSINESS_DAYS = 30;

export function earliestPlanChange(notifiedOn: IsoDate): IsoDate {
  return addBusinessDays(notifiedOn, PLAN_CHANGE_NOTICE_BUSINESS_DAYS);
}

export function planChangeFindings(notifiedOn: IsoDate, effectiveOn: IsoDate): Finding[] {
  const earliest = earliestPlanChange(notifiedOn);
  if (effectiveOn >= earliest) return [];
  return [
    {
      rule: PROCESS_RULE_IDS.planChangeNotice,
      severity: 'error',
      message: `a plan change is notified ${PLAN_CHANGE_NOTICE_BUSINESS_DAYS} business days ahead: notified on ${notifiedOn}, it takes effect on ${earliest} at the earliest, not ${effectiveOn}`,
    },
  ];
}


/**
 * Why the certifier suspends or revokes (2.3.5, 3.3.4 for plans): `uncorrected` after a
 * recommendation for correction (②), `non_cooperation` with an investigation (①), or `urgent` (③).
 * Only ② needs the recommendation first; the standard allows the other two directly.
 */
export const SANCTION_GROUNDS = ['uncorrected', 'non_cooperation', 'urgent'] as const;
export type SanctionGround = (typeof SANCTION_GROUNDS)[number];

export function sanctionFindings(type: 'CN' | 'CN_PLAN', ground: SanctionGround, recommendedCorrection: boolean): Finding[] {
  if (ground !== 'uncorrected' || recommendedCorrection) return [];
  const rule = type === 'CN' ? PROCESS_RULE_IDS.correctionBeforeSanction : PROCESS_RULE_IDS.planCorrectionBeforeSanction;
  return [
    {
      rule,
      severity: 'error',
      message:
        'the certifier recommends correction first (是正勧告) and sanctions only when it is not made; without one, the ground must be non_cooperation (①) or urgent (③)',
    },
  ];
}

/**
 * The emissions certification judges once verified: the verifier's scopes, with the applicant's
 * choices (scope 3 included or not, supply to others deducted) kept (2.1.5, 2.2.1).
 */
export function verifiedCnEmissions(declared: CnEmissions, verified: ScopeEmissions): CnEmissions {
  return {
    scope1: verified.scope1,
    scope2: verified.scope2,
    ...(verified.scope3 !== undefined ? { scope3: verified.scope3 } : {}),
    ...(declared.includeScope3 !== undefined ? { includeScope3: declared.includeScope3 } : {}),
    ...(declared.suppliedToOthers !== undefined ? { suppliedToOthers: declared.suppliedToOthers } : {}),
  };
}
