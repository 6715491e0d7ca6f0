import type { PageContext } from '../http/page-context';
import { fieldId, type FormRefusal } from '../forms/form-refusal';
import { attributeText, FieldError, groupDigits } from './components';

/** Tonnes for a meter: its attributes are numbers (a decimal string beyond a double only loses precision in the bar, never in the text). */
const meterNumber = (decimal: string) => Number(decimal) || 0;

/** Whole tonnes still missing (required tonnes are whole: rounded up by the rulebooks). */
function shortfall(required: string, eligible: string): string {
  try {
    const missing = BigInt(required.split('.')[0]) - BigInt(eligible.split('.')[0]);
    return missing > 0n ? missing.toString() : '0';
  } catch {
    return '0';
  }
}

/**
 * The coverage bar: eligible retired tonnes against the required ones, as a <meter> with its name
 * and, beside it, the same in words (covered, or how much is missing), never the colour alone.
 */
export function Coverage({ page, id, eligible, required, covered }: { page: PageContext; id: string; eligible: string; required: string; covered: boolean }): JSX.Element {
  const c = page.t.myClaims;
  const max = Math.max(meterNumber(required), 1);
  const text = c.coverageText(groupDigits(eligible), groupDigits(required));
  return (
    <div class="coverage">
      <meter id={`coverage-${id}`} min="0" max={String(max)} low={String(max * 0.999)} optimum={String(max)} value={String(Math.min(meterNumber(eligible), max))} aria-label={c.coverageLabel} safe>
        {text}
      </meter>{' '}
      <span class="coverage-text" safe>
        {text}
      </span>{' '}
      <span class={covered ? 'coverage-state covered' : 'coverage-state short'} safe>
        {covered ? c.covered : c.short(groupDigits(shortfall(required, eligible)))}
      </span>
    </div>
  );
}

/** Findings (or rules a refusal cites) with their rule ids, in a table that stacks on a phone. */
export function RulesTable({ page, caption, rules }: { page: PageContext; caption: string; rules: { rule: string; severity?: string; message: string }[] }): JSX.Element {
  const c = page.t.myClaims;
  const withSeverity = rules.some((r) => r.severity);
  return (
    <table class="stack findings">
      <caption safe>{caption}</caption>
      <thead>
        <tr>
          <th scope="col" safe>
            {c.ruleId}
          </th>
          {withSeverity ? (
            <th scope="col" safe>
              {c.severity}
            </th>
          ) : (
            ''
          )}
          <th scope="col" safe>
            {c.message}
          </th>
        </tr>
      </thead>
      <tbody>
        {rules.map((r) => (
          <tr class={`finding finding-${r.severity ?? 'error'}`}>
            <td data-label={c.ruleId} class="mono rule-id" safe>
              {r.rule}
            </td>
            {withSeverity ? (
              <td data-label={c.severity} safe>
                {c.severities[r.severity ?? ''] ?? r.severity}
              </td>
            ) : (
              ''
            )}
            <td data-label={c.message} lang="en" safe>
              {r.message}
            </td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}

/** The alert at the top of a refused form: what went wrong, and each field or rule it names. */
export function RefusalAlert({ page, refusal, words }: { page: PageContext; refusal?: FormRefusal; words: { fields: string; rules: string; state: string } }): JSX.Element {
  if (!refusal) return '';
  const c = page.t.myClaims;
  const fields = Object.entries(refusal.fields);
  return (
    <div class="alert refusal" role="alert" id="refusal">
      <p safe>{refusal.kind === 'fields' ? words.fields : refusal.kind === 'rules' ? words.rules : words.state}</p>
      {fields.length > 0 ? (
        <ul>
          {fields.map(([field, message]) => (
            <li>
              <a href={`#${fieldId(field)}`} class="mono" safe>
                {field}
              </a>
              <span safe>{`: ${message}`}</span>
            </li>
          ))}
        </ul>
      ) : (
        ''
      )}
      {refusal.rules.length > 0 ? <RulesTable page={page} caption={c.findingsCaption} rules={refusal.rules} /> : ''}
      {refusal.detail ? (
        <p class="detail" lang="en" safe>
          {refusal.detail}
        </p>
      ) : (
        ''
      )}
    </div>
  );
}

export interface InputProps {
  /** The field's path in the API body; its input's name and (through fieldId) its id. */
  path: string;
  label: string;
  hint?: string;
  value?: string;
  error?: string;
  type?: 'text' | 'date';
  required?: boolean;
  inputmode?: 'decimal' | 'numeric';
  wide?: boolean;
  marks: { required: string; optional: string };
}

/** A labelled text input with its hint and, after a refusal, its message (aria-invalid, aria-describedby). */
export function Input({ path, label, hint, value, error, type = 'text', required, inputmode, wide, marks }: InputProps): JSX.Element {
  const id = fieldId(path);
  const described = [hint ? `${id}-hint` : '', error ? `${id}-error` : ''].filter(Boolean).join(' ') || undefined;
  return (
    <div class={wide ? 'field wide' : 'field'}>
      <label for={id}>
        <span safe>{label}</span> <span class="hint" safe>{required ? marks.required : marks.optional}</span>
      </label>
      {hint ? (
        <span class="hint" id={`${id}-hint`} safe>
          {hint}
        </span>
      ) : (
        ''
      )}
      <input
        type={type}
        id={id}
        name={path}
        value={attributeText(value)}
        required={required}
        inputmode={inputmode}
        aria-invalid={error ? 'true' : undefined}
        aria-describedby={described}
        autocomplete="off"
      />
      <FieldError id={`${id}-error`} message={error} />
    </div>
  );
}

/** A checkbox that sends `true` when ticked, with its message after a refusal. */
export function Checkbox({ path, label, checked, error }: { path: string; label: string; checked?: boolean; error?: string }): JSX.Element {
  const id = fieldId(path);
  return (
    <div class="field checkbox">
      <span class="check">
        <input type="checkbox" id={id} name={path} value="true" checked={checked} aria-invalid={error ? 'true' : undefined} aria-describedby={error ? `${id}-error` : undefined} />
        <label for={id} safe>
          {label}
        </label>
      </span>
      <FieldError id={`${id}-error`} message={error} />
    </div>
  );
}
