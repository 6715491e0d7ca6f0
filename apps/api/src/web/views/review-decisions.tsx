import { SANCTION_GROUNDS, todayInJapan } from '@registry/domain';
import type { CertifierAction, ReviewedClaim } from '@registry/ledger';
import { DECISION_PATHS, type DecisionInput, type DecisionRefusal } from '../forms/certifier-decision';
import { pageHref, type PageContext } from '../http/page-context';
import { attributeText, FieldError } from './components';

export interface RefusedDecision {
  action: CertifierAction;
  input: DecisionInput;
  refusal: DecisionRefusal;
}

interface DecisionProps {
  page: PageContext;
  reviewed: ReviewedClaim;
  action: CertifierAction;
  /** Set on the form that was refused. */
  refused?: RefusedDecision;
}

/** One form per decision the claim's state allows; nothing else is offered. */
export function ReviewDecisions({ page, reviewed, refused }: { page: PageContext; reviewed: ReviewedClaim; refused?: RefusedDecision }): JSX.Element {
  const r = page.t.review;
  return (
    <section class="decisions" aria-labelledby="decisions-h">
      <h2 id="decisions-h" safe>
        {r.actionsTitle}
      </h2>
      {refused && !reviewed.actions.includes(refused.action) ? <Refusal page={page} refused={refused} id="refusal" /> : ''}
      {reviewed.actions.length === 0 ? (
        <p safe>{r.actionsNone}</p>
      ) : (
        reviewed.actions.map((action) => <DecisionForm page={page} reviewed={reviewed} action={action} refused={refused?.action === action ? refused : undefined} />)
      )}
    </section>
  );
}

function DecisionForm({ page, reviewed, action, refused }: DecisionProps): JSX.Element {
  const r = page.t.review;
  const id = `decision-${DECISION_PATHS[action]}`;
  const input = refused?.input ?? {};
  const fieldError = (field: string) => refused?.refusal.fields.find((error) => error.field === field);
  const errorText = (field: string) => {
    const error = fieldError(field);
    return error ? (r.fieldErrors[field] ?? r.fieldErrorOther(field, error.message)) : undefined;
  };
  const described = (field: string, hint?: string) => [fieldError(field) ? `${id}-${field}-error` : '', hint ?? ''].filter(Boolean).join(' ') || undefined;
  const textField = (field: 'reason', label: string, required: boolean) => (
    <div class="field">
      <label for={`${id}-${field}`} safe>
        {label}
      </label>
      <textarea
        id={`${id}-${field}`}
        name={field}
        rows="3"
        maxlength="1000"
        required={required}
        aria-invalid={fieldError(field) ? 'true' : undefined}
        aria-describedby={described(field)}
        safe
      >
        {input[field] ?? ''}
      </textarea>
      <FieldError id={`${id}-${field}-error`} message={errorText(field)} />
    </div>
  );
  const dateField = (field: 'validFrom' | 'validTo' | 'dueOn', label: string, value: string | undefined) => (
    <div class="field">
      <label for={`${id}-${field}`} safe>
        {label}
      </label>
      <input
        type="date"
        id={`${id}-${field}`}
        name={field}
        value={attributeText(input[field] ?? value)}
        required
        aria-invalid={fieldError(field) ? 'true' : undefined}
        aria-describedby={described(field, `${id}-date-hint`)}
      />
      <FieldError id={`${id}-${field}-error`} message={errorText(field)} />
    </div>
  );
  const today = todayInJapan();
  const fields: JSX.Element[] = [];
  if (action === 'certify' && reviewed.claim.type === 'CN') {
    fields.push(dateField('validFrom', r.validFrom, today), dateField('validTo', r.validTo, oneYearFrom(today)));
  }
  if (action === 'certify' && reviewed.claim.type === 'CN_PLAN') {
    fields.push(
      <div class="field checkbox">
        <label>
          <input type="checkbox" name="allowAdditionalPlan" value="true" checked={input.allowAdditionalPlan !== undefined} /> <span safe>{r.allowAdditionalPlan}</span>
        </label>
      </div>,
    );
  }
  if (action === 'suspend' || action === 'revoke') {
    fields.push(
      <div class="field">
        <label for={`${id}-ground`} safe>
          {r.groundField}
        </label>
        <select id={`${id}-ground`} name="ground" aria-invalid={fieldError('ground') ? 'true' : undefined} aria-describedby={described('ground')}>
          {SANCTION_GROUNDS.map((ground) => (
            <option value={ground} selected={(input.ground ?? 'uncorrected') === ground} safe>
              {r.grounds[ground]}
            </option>
          ))}
        </select>
        <FieldError id={`${id}-ground-error`} message={errorText('ground')} />
      </div>,
    );
  }
  if (action === 'recommend_correction') fields.push(dateField('dueOn', r.dueOn, undefined));
  if (action !== 'certify') fields.push(textField('reason', action === 'accept_withdrawal' ? r.reasonOptional : r.reasonField, action !== 'accept_withdrawal'));
  const hasDate = (action === 'certify' && reviewed.claim.type === 'CN') || action === 'recommend_correction';
  return (
    <form class={`decision ${id}`} id={id} method="post" action={pageHref(page, `/review/${encodeURIComponent(reviewed.claim.id)}/${DECISION_PATHS[action]}`)} aria-labelledby={`${id}-h`}>
      <h3 id={`${id}-h`} safe>
        {r.actions[action]}
      </h3>
      <p class="hint" safe>
        {r.actionHints[action]}
      </p>
      {refused ? <Refusal page={page} refused={refused} id={`${id}-refusal`} /> : ''}
      <input type="hidden" name="_csrf" value={page.account?.csrfToken} />
      {fields}
      {hasDate ? (
        <p class="hint" id={`${id}-date-hint`} safe>
          {r.dateHint}
        </p>
      ) : (
        ''
      )}
      <div>
        <button type="submit" safe>
          {r.actions[action]}
        </button>
      </div>
    </form>
  );
}

/** Why a decision was refused: the rules not met or the state the claim is now in (field messages sit beside their fields). */
function Refusal({ page, refused, id }: { page: PageContext; refused: RefusedDecision; id: string }): JSX.Element {
  const { t } = page;
  const r = t.review;
  const { refusal } = refused;
  return (
    <div class="alert" role="alert" id={id}>
      <p safe>{r.refusedTitle}</p>
      {refusal.claimStatus ? <p safe>{r.stateRefused(t.claimStatus[refusal.claimStatus] ?? refusal.claimStatus)}</p> : ''}
      {refusal.rules.length > 0 ? (
        <>
          <p safe>{r.ruleRefused}</p>
          <ul>
            {refusal.rules.map((rule) => (
              <li>
                <span class="mono" safe>
                  {rule.rule}
                </span>
                <span safe>{`: ${rule.message}`}</span>
              </li>
            ))}
          </ul>
        </>
      ) : (
        ''
      )}
      {refusal.fields.length > 0 && !refusal.rules.length && !refusal.claimStatus ? <p safe>{t.common.fieldError}</p> : ''}
    </div>
  );
}

/** CN-2.3.3-1's longest validity from `from`: one year less a day (the rule itself is checked by the use case). */
function oneYearFrom(from: string): string {
  const [year, month, day] = from.split('-').map(Number);
  return new Date(Date.UTC(year + 1, month - 1, day - 1)).toISOString().slice(0, 10);
}
