import type { PropsWithChildren } from '@kitajs/html';
import type { PageContext } from '../http/page-context';
import { CsrfField, FieldError } from './components';

export interface UploadFormProps {
  page: PageContext;
  /** The form's own class, beside `upload`. */
  formClass: string;
  action: string;
  submit: string;
}

/** A multipart form: the CSRF field first (the guard reads the fields before a file), its fields, its submit button. */
export function UploadForm({ page, formClass, action, submit, children }: PropsWithChildren<UploadFormProps>): JSX.Element {
  return (
    <form class={`upload ${formClass}`} method="post" action={action} enctype="multipart/form-data">
      <CsrfField page={page} />
      {children}
      <div>
        <button type="submit" safe>
          {submit}
        </button>
      </div>
    </form>
  );
}

export interface UploadFieldProps {
  /** The field's name and id. */
  name: string;
  label: string;
  accept: string;
  hint: string;
  error?: string;
  required?: boolean;
}

/** A labelled file input with its hint and, after a refusal, its message (aria-invalid, aria-describedby). */
export function UploadField({ name, label, accept, hint, error, required }: UploadFieldProps): JSX.Element {
  return (
    <div class="field">
      <label for={name} safe>
        {label}
      </label>
      <input
        type="file"
        id={name}
        name={name}
        accept={accept}
        required={required}
        aria-invalid={error ? 'true' : undefined}
        aria-describedby={error ? `${name}-hint ${name}-error` : `${name}-hint`}
      />
      <p class="hint" id={`${name}-hint`} safe>
        {hint}
      </p>
      <FieldError id={`${name}-error`} message={error} />
    </div>
  );
}
