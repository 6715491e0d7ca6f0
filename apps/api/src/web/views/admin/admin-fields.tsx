import type { PropsWithChildren } from '@kitajs/html';
import type { Role } from '@registry/domain';
import type { PageContext } from '../../http/page-context';
import type { RefusedForm } from '../../forms/refused-form';
import { attributeText, CsrfField } from '../components';

/** The refusal of one form of the page, if it is the one refused. */
export function refusalOf(refused: RefusedForm | undefined, form: string): RefusedForm | undefined {
  return refused?.form === form ? refused : undefined;
}

function typedValue(refused: RefusedForm | undefined, name: string): string | undefined {
  const value = refused?.values[name];
  return typeof value === 'string' ? value : undefined;
}

/** The message of a refusal that names no field, above the form. */
export function FormAlert({ page, refused, id }: { page: PageContext; refused?: RefusedForm; id: string }): JSX.Element {
  if (!refused) return '';
  const general = refused.errors._form;
  return (
    <div class="alert" role="alert" id={id}>
      <p safe>{page.t.admin.refused}</p>
      {general ? (
        <p lang="en" safe>
          {general}
        </p>
      ) : (
        ''
      )}
    </div>
  );
}

export interface TextFieldProps {
  page: PageContext;
  form: string;
  name: string;
  label: string;
  type?: 'text' | 'email' | 'password';
  hint?: string;
  required?: boolean;
  autocomplete?: string;
  refused?: RefusedForm;
  /** The value shown when nothing was typed yet (the current name in a rename form). */
  initial?: string;
}

/** A labelled input with its hint and, after a refusal, the message beside it (in the domain's English). */
export function TextField({ page, form, name, label, type = 'text', hint, required, autocomplete, refused, initial }: TextFieldProps): JSX.Element {
  const id = `${form}-${name}`;
  const error = refused?.errors[name];
  const described = [hint ? `${id}-hint` : '', error ? `${id}-error` : ''].filter(Boolean).join(' ') || undefined;
  // A password typed is never sent back to the browser.
  const value = type === 'password' ? undefined : (typedValue(refused, name) ?? initial);
  return (
    <div class="field">
      <label for={id} safe>
        {label}
      </label>
      <input
        type={type}
        id={id}
        name={name}
        value={attributeText(value)}
        required={required}
        autocomplete={autocomplete}
        aria-invalid={error ? 'true' : undefined}
        aria-describedby={described}
      />
      {hint ? (
        <p class="hint" id={`${id}-hint`} safe>
          {hint}
        </p>
      ) : (
        ''
      )}
      <FieldMessage page={page} id={`${id}-error`} message={error} />
    </div>
  );
}

/** Role checkboxes (a fieldset with its legend); after a refusal, the roles ticked and the message. */
export function RoleChoices({ page, form, legend, roles, refused }: { page: PageContext; form: string; legend: string; roles: readonly Role[]; refused?: RefusedForm }): JSX.Element {
  const id = `${form}-roles`;
  const error = refused?.errors.roles;
  const ticked = refused ? ([] as string[]).concat(refused.values.roles ?? []) : [];
  return (
    <fieldset class="field wide" aria-describedby={error ? `${id}-error` : undefined}>
      <legend safe>{legend}</legend>
      <div class="choices">
        {roles.map((role) => (
          <label class="choice">
            <input type="checkbox" name="roles" value={role} checked={ticked.includes(role)} />{' '}
            <span safe>{page.t.roleNames[role] ?? role}</span>
          </label>
        ))}
      </div>
      <FieldMessage page={page} id={`${id}-error`} message={error} />
    </fieldset>
  );
}

/**
 * A refused field's message: the domain's words are English (as the API gives them), so a Japanese
 * page says in Japanese that the field needs a look and marks the detail as English.
 */
function FieldMessage({ page, id, message }: { page: PageContext; id: string; message?: string }): JSX.Element {
  if (!message) return '';
  if (page.lang === 'en') {
    return (
      <p class="field-error" id={id} safe>
        {message}
      </p>
    );
  }
  return (
    <p class="field-error" id={id}>
      <span safe>{page.t.common.fieldError}</span>
      {'（'}
      <span lang="en" safe>
        {message}
      </span>
      {'）'}
    </p>
  );
}

export interface AdminFormProps {
  page: PageContext;
  /** The form's name: its alert's id is `${form}-alert`. */
  form: string;
  action: string;
  /** This form's refusal, if it is the one refused. */
  refused?: RefusedForm;
  submit: string;
  /** Whether the form names its alert in aria-describedby when refused. */
  describedByAlert?: boolean;
}

/** An admin form: the CSRF field, the alert of a refusal, its fields (children) and its submit button. */
export function AdminForm({ page, form, action, refused, submit, describedByAlert, children }: PropsWithChildren<AdminFormProps>): JSX.Element {
  const alertId = `${form}-alert`;
  return (
    <form class="admin-form" method="post" action={action} aria-describedby={describedByAlert && refused ? alertId : undefined}>
      <CsrfField page={page} />
      <FormAlert page={page} refused={refused} id={alertId} />
      {children}
      <div class="actions">
        <button type="submit" safe>
          {submit}
        </button>
      </div>
    </form>
  );
}

/** An instant as the pages show it: `2026-11-30 20:48:00 UTC`, or a dash. */
export function Instant({ at, none }: { at: string | null; none: string }): JSX.Element {
  if (!at) return <span safe>{none}</span>;
  return (
    <time datetime={at} safe>
      {at.replace('T', ' ').replace(/(\.\d+)?Z$/, ' UTC')}
    </time>
  );
}
