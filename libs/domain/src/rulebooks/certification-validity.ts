import type { IsoDate } from './calendar';
import { judgingDate, type ClaimDraft } from './claim-draft';
import { checkValidity, type DatePeriod } from './cn-date-rules';
import { CN_RULE_IDS as R } from './cn-standard-2011.rules';
import { FieldErrors } from './findings';
import { ruleFinding, type CnPlanRulebook, type CnRulebook, type Finding } from './rulebook';
import { DEFAULT_RULEBOOK_REGISTRY, type RulebookRegistry } from './rulebook-registry';

export interface CertificationRequest {
  readonly certifiedOn: IsoDate;
  /** What the certifier asks for (CN: required; CN plan and CFP: optional). */
  readonly validFrom?: string;
  readonly validTo?: string;
}

export interface ValidityGranted {
  readonly validFrom: IsoDate | null;
  readonly validTo: IsoDate | null;
  /** Errors refuse the certification (400 RULE_VIOLATION: the request breaks the rule). */
  readonly findings: Finding[];
}

/**
 * The validity a certification gets, by program. CN: the certifier's dates under 2.3.3 ① (CN-2.3.3-1).
 * CN plan: 3.3.1 does not apply 2.3.3 to plans; 3.3.2 gives the plan its effect from the plan
 * period's start, up to the plan's end unless CN certification comes first (cnPlanEffect).
 * CFP (a notification, art. 13): whatever dates are given, unchecked.
 * Malformed or missing dates throw 400 VALIDATION_FAILED naming the field.
 */
export function certificationValidity(
  draft: ClaimDraft,
  request: CertificationRequest,
  registry: RulebookRegistry = DEFAULT_RULEBOOK_REGISTRY,
): ValidityGranted {
  const errors = new FieldErrors();
  const given = (field: 'validFrom' | 'validTo') => (request[field] === undefined ? undefined : errors.date(request[field], field));
  const validFrom = given('validFrom');
  const validTo = given('validTo');
  if (draft.type === 'CN') {
    if (request.validFrom === undefined) errors.add('validFrom', 'is required to certify a CN claim (2.3.3 ①)');
    if (request.validTo === undefined) errors.add('validTo', 'is required to certify a CN claim (2.3.3 ①)');
  }
  errors.throwIfAny();
  const judgedOn = judgingDate(draft);

  if (draft.type === 'CN') {
    const rulebook = registry.inForce('CN', judgedOn) as CnRulebook | undefined;
    const findings = rulebook ? checkValidity({ certifiedOn: request.certifiedOn, validFrom: validFrom!, validTo: validTo! }, rulebook) : [];
    return { validFrom: validFrom!, validTo: validTo!, findings };
  }
  if (draft.type === 'CN_PLAN') {
    const rulebook = registry.inForce('CN_PLAN', judgedOn) as CnPlanRulebook | undefined;
    const effect = cnPlanEffect({ planPeriod: draft.planPeriod });
    const findings: Finding[] = [];
    const differs = (validFrom !== undefined && validFrom !== effect.from) || (validTo !== undefined && validTo !== effect.to);
    if (differs && rulebook?.rules[R.planEffect]) {
      findings.push(
        ruleFinding(
          rulebook,
          R.planEffect,
          'error',
          `a plan certification has effect over its plan period ${effect.from}..${effect.to} (until CN certification, if earlier), not a validity the certifier sets; omit validFrom and validTo`,
        ),
      );
    }
    return { validFrom: effect.from, validTo: effect.to, findings };
  }
  return { validFrom: validFrom ?? null, validTo: validTo ?? null, findings: [] };
}

export interface CnPlanEffectInput {
  readonly planPeriod: DatePeriod;
  /** The day the holder obtained CN certification for the plan's target period, if it has. */
  readonly cnCertifiedOn?: IsoDate;
}

/**
 * CNP-3.3.2: 「計画期間の開始日からカーボン・ニュートラル認証を取得する日までに限り」, and without a CN
 * application within the plan period not past the plan's end. The end shown is the plan's last day
 * until CN certification comes earlier (a CN application made in time keeps the plan in effect
 * until its certification, which the certifying step records).
 */
export function cnPlanEffect(input: CnPlanEffectInput): { readonly from: IsoDate; readonly to: IsoDate } {
  const { planPeriod, cnCertifiedOn } = input;
  if (cnCertifiedOn !== undefined) return { from: planPeriod.start, to: cnCertifiedOn };
  return { from: planPeriod.start, to: planPeriod.end };
}
