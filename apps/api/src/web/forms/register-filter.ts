import { displayTextProblem, isIsoDate } from '@registry/domain';
import { CLAIM_TYPES, type ClaimStatus, type ClaimType, type RegisterQueryCommand } from '@registry/ledger';
import type { Strings } from '../i18n';

/** The statuses a certified claim can have on the register (the API's `status` filter takes the same). */
export const REGISTER_STATUSES: readonly ClaimStatus[] = ['certified', 'suspended', 'revoked', 'withdrawn', 'withdrawal_requested'];

/** The register form's fields: the query parameters of GET /register (besides cursor and lang). */
export const REGISTER_FORM_FIELDS = ['q', 'type', 'status', 'certifiedFrom', 'certifiedTo'] as const;
export type RegisterFormField = (typeof REGISTER_FORM_FIELDS)[number];

export type RegisterFormValues = Partial<Record<RegisterFormField, string>>;

export interface RegisterFormReading {
  /** What the person typed, shown back in the form (errors included). */
  values: RegisterFormValues;
  /** One message per field that cannot be used. */
  errors: Partial<Record<RegisterFormField, string>>;
  /** The RegisterQuery filter when there is no error. */
  filter: Omit<RegisterQueryCommand, 'cursor' | 'limit'>;
}

const MAX_TEXT = 200;

/** Reads the register form as the API's list endpoint reads its filters, with messages a person can act on. */
export function readRegisterForm(query: Record<string, unknown>, t: Strings['register']['errors']): RegisterFormReading {
  const values: RegisterFormValues = {};
  for (const field of REGISTER_FORM_FIELDS) {
    const value = query[field];
    if (typeof value === 'string' && value.trim() !== '') values[field] = value.trim();
  }
  const errors: RegisterFormReading['errors'] = {};
  if (values.q !== undefined) {
    if (values.q.length > MAX_TEXT) errors.q = t.tooLong;
    else if (displayTextProblem(values.q)) errors.q = t.text;
  }
  if (values.type !== undefined && !(CLAIM_TYPES as readonly string[]).includes(values.type)) errors.type = t.choice;
  if (values.status !== undefined && !(REGISTER_STATUSES as readonly string[]).includes(values.status)) errors.status = t.choice;
  for (const field of ['certifiedFrom', 'certifiedTo'] as const) {
    if (values[field] !== undefined && !isIsoDate(values[field])) errors[field] = t.date;
  }
  if (!errors.certifiedFrom && !errors.certifiedTo && values.certifiedFrom && values.certifiedTo && values.certifiedTo < values.certifiedFrom) {
    errors.certifiedTo = t.order;
  }
  const filter = {
    ...(values.q ? { text: values.q } : {}),
    ...(values.type ? { type: values.type as ClaimType } : {}),
    ...(values.status ? { status: values.status as ClaimStatus } : {}),
    ...(values.certifiedFrom ? { certifiedFrom: values.certifiedFrom } : {}),
    ...(values.certifiedTo ? { certifiedTo: values.certifiedTo } : {}),
  };
  return { values, errors, filter };
}
