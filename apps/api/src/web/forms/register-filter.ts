import { displayTextProblem, isIsoDate } from '@registry/domain';
import { CLAIM_TYPES, type ClaimStatus, type ClaimType, type RegisterQueryCommand } from '@registry/ledger';
import type { Strings } from '../i18n';

/** The statuses a certified claim can have on the register (the API's `status` filter takes the same). */
export const REGISTER_STATUSES: readonly ClaimStatus[] = ['certified', 'suspended', 'revoked', 'withdrawn', 'withdrawal_requested'];

/** The register form's fields: the query parameters of GET /register (besides cursor and lang). */
export const REGISTER_FORM_FIELDS = ['q', 'applicant', 'product', 'beneficiary', 'type', 'status', 'certifiedFrom', 'certifiedTo', 'periodFrom', 'periodTo'] as const;
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
const TEXT_FIELDS = ['q', 'applicant', 'product', 'beneficiary'] as const;
const DATE_RANGES = [
  ['certifiedFrom', 'certifiedTo'],
  ['periodFrom', 'periodTo'],
] as const;

/** Reads the register form as the API's list endpoint reads its filters, with messages a person can act on. */
export function readRegisterForm(query: Record<string, unknown>, t: Strings['register']['errors']): RegisterFormReading {
  const values: RegisterFormValues = {};
  for (const field of REGISTER_FORM_FIELDS) {
    const value = query[field];
    if (typeof value === 'string' && value.trim() !== '') values[field] = value.trim();
  }
  const errors: RegisterFormReading['errors'] = {};
  for (const field of TEXT_FIELDS) {
    const value = values[field];
    if (value === undefined) continue;
    if (value.length > MAX_TEXT) errors[field] = t.tooLong;
    else if (displayTextProblem(value)) errors[field] = t.text;
  }
  if (values.type !== undefined && !(CLAIM_TYPES as readonly string[]).includes(values.type)) errors.type = t.choice;
  if (values.status !== undefined && !(REGISTER_STATUSES as readonly string[]).includes(values.status)) errors.status = t.choice;
  for (const [from, to] of DATE_RANGES) {
    for (const field of [from, to]) if (values[field] !== undefined && !isIsoDate(values[field])) errors[field] = t.date;
    if (!errors[from] && !errors[to] && values[from] && values[to] && values[to] < values[from]) errors[to] = t.order;
  }
  const filter = {
    ...(values.q ? { text: values.q } : {}),
    ...(values.applicant ? { applicant: values.applicant } : {}),
    ...(values.product ? { product: values.product } : {}),
    ...(values.beneficiary ? { beneficiary: values.beneficiary } : {}),
    ...(values.periodFrom ? { periodFrom: values.periodFrom } : {}),
    ...(values.periodTo ? { periodTo: values.periodTo } : {}),
    ...(values.type ? { type: values.type as ClaimType } : {}),
    ...(values.status ? { status: values.status as ClaimStatus } : {}),
    ...(values.certifiedFrom ? { certifiedFrom: values.certifiedFrom } : {}),
    ...(values.certifiedTo ? { certifiedTo: values.certifiedTo } : {}),
  };
  return { values, errors, filter };
}
