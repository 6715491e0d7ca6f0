import { DomainError } from '@registry/domain';
import type { CertifierAction } from '@registry/ledger';
import { AcceptWithdrawalDto, RecommendCorrectionDto, SanctionDto } from '../../claims/claim-process.dto';
import { CertifyDto, ReasonDto } from '../../claims/claims.dto';
import { validateBody } from '../../http/validation.pipe';
import { formField } from '../session/form-fields';

/** The address of each decision's form under /review/:claimId/, as the API names the same steps. */
export const DECISION_PATHS: Record<CertifierAction, string> = {
  certify: 'certify',
  suspend: 'suspend',
  reinstate: 'reinstate',
  revoke: 'revoke',
  accept_withdrawal: 'accept-withdrawal',
  reject_withdrawal: 'reject-withdrawal',
  recommend_correction: 'recommend-correction',
};

export function decisionOfPath(path: string): CertifierAction | undefined {
  return (Object.keys(DECISION_PATHS) as CertifierAction[]).find((action) => DECISION_PATHS[action] === path);
}

/** The fields each decision's form sends, checked by the API's own DTO for that step (the same limits, the same required reason). */
const DECISION_DTOS: Record<CertifierAction, { dto: new () => object; fields: readonly string[] }> = {
  certify: { dto: CertifyDto, fields: ['validFrom', 'validTo', 'allowAdditionalPlan'] },
  suspend: { dto: SanctionDto, fields: ['reason', 'ground'] },
  revoke: { dto: SanctionDto, fields: ['reason', 'ground'] },
  reinstate: { dto: ReasonDto, fields: ['reason'] },
  reject_withdrawal: { dto: ReasonDto, fields: ['reason'] },
  accept_withdrawal: { dto: AcceptWithdrawalDto, fields: ['reason'] },
  recommend_correction: { dto: RecommendCorrectionDto, fields: ['reason', 'dueOn'] },
};

/** What the person typed into a decision's form, shown back when it is refused. */
export type DecisionInput = Partial<Record<'reason' | 'ground' | 'validFrom' | 'validTo' | 'dueOn' | 'allowAdditionalPlan', string>>;

export function decisionInput(action: CertifierAction, body: unknown): DecisionInput {
  const input: Record<string, string> = {};
  for (const field of DECISION_DTOS[action].fields) {
    const value = formField(body, field);
    if (value !== undefined) input[field] = value;
  }
  return input;
}

/**
 * The form's fields as the API's body for the step: an empty optional field is left out (a form
 * always sends its inputs), an empty required reason is kept so the DTO names it; a checkbox is true when sent.
 */
export async function decisionCommand(action: CertifierAction, input: DecisionInput): Promise<Record<string, unknown>> {
  const body: Record<string, unknown> = {};
  for (const [field, value] of Object.entries(input)) {
    if (field === 'allowAdditionalPlan') body[field] = true;
    else if (value.trim() !== '' || (field === 'reason' && action !== 'accept_withdrawal')) body[field] = field === 'reason' ? value.trim() : value;
  }
  if (action === 'recommend_correction' && body.dueOn === undefined) body.dueOn = '';
  return (await validateBody(DECISION_DTOS[action].dto, body)) as Record<string, unknown>;
}

/** A refusal the form shows beside itself: fields to fix (422), rules not met (422), or a state that no longer allows the step (409). */
export interface DecisionRefusal {
  status: number;
  fields: { field: string; message: string }[];
  rules: { rule: string; message: string }[];
  claimStatus?: string;
}

/** The refusals a person can act on; anything else (NOT_FOUND, a failure) stays an error page. */
export function decisionRefusal(error: unknown): DecisionRefusal | undefined {
  if (!(error instanceof DomainError)) return undefined;
  const details = error.details as { errors?: { field?: string; rule?: string; message: string }[]; claimStatus?: string; rule?: string };
  const listed = details.errors ?? [];
  switch (error.code) {
    case 'VALIDATION_FAILED':
      return { status: 422, fields: listed.map((e) => ({ field: e.field ?? 'body', message: e.message })), rules: [] };
    case 'RULE_VIOLATION':
      return { status: 422, fields: [], rules: listed.map((e) => ({ rule: e.rule ?? '', message: e.message })) };
    case 'INVALID_STATE':
      return { status: 409, fields: [], rules: details.rule ? [{ rule: details.rule, message: error.message }] : [], claimStatus: details.claimStatus };
    default:
      return undefined;
  }
}
