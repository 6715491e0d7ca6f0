import { DomainError } from '@registry/domain';
import type { FormBody } from '../../http/body-parsers';
import { statusOf } from '../http/web-page.filter';

/** What a refused form shows again: the values typed (never a password), the messages beside the fields, and the status. */
export interface RefusedForm {
  /** Which form of the page was refused (a page may hold several). */
  form: string;
  values: Record<string, string | string[]>;
  /** Field name → message; `_form` for a refusal that names no field. */
  errors: Record<string, string>;
  status: number;
}

/** Every value of a field given once or more (checkboxes); absent or not a form: none. */
export function formValues(body: unknown, name: string): string[] {
  if (body === null || typeof body !== 'object') return [];
  const value = (body as FormBody)[name];
  return value === undefined ? [] : ([] as string[]).concat(value);
}

/**
 * A domain refusal of a form's input as messages beside its fields. Anything else (not found,
 * forbidden, a failure) is not the form's fault: rethrown, for the error page.
 */
export function refusedForm(form: string, values: RefusedForm['values'], error: unknown): RefusedForm {
  if (!(error instanceof DomainError)) throw error;
  const status = statusOf(error);
  if (![400, 409, 422].includes(status)) throw error;
  return { form, values, errors: fieldErrorsOf(error), status: error.code === 'VALIDATION_FAILED' ? 422 : status };
}

export function fieldErrorsOf(error: DomainError): Record<string, string> {
  const errors: Record<string, string> = {};
  const listed = error.details.errors;
  if (Array.isArray(listed)) {
    for (const entry of listed as { field?: unknown; message?: unknown }[]) {
      const field = typeof entry.field === 'string' ? entry.field : '_form';
      const message = typeof entry.message === 'string' ? entry.message : error.message;
      errors[field] = errors[field] ? `${errors[field]}; ${message}` : message;
    }
  } else {
    errors[typeof error.details.field === 'string' ? error.details.field : '_form'] = error.message;
  }
  return errors;
}
