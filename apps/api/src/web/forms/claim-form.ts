import { canonicalJson } from '@registry/domain';
import type { IdempotencyRequest } from '@registry/ledger';
import { createHash, randomUUID } from 'node:crypto';
import { formField } from '../session/form-fields';

/** The programs an applicant files from the web form (a CN plan, with its planned retirements, is filed through the API). */
export const FORM_PROGRAMS = ['CN', 'CFP'] as const;
export type FormProgram = (typeof FORM_PROGRAMS)[number];

export function formProgram(value: unknown): FormProgram {
  return value === 'CFP' ? 'CFP' : 'CN';
}

/** The fields of each program's form, named by the API body's paths (so the API's messages land beside them). */
export const CLAIM_FORM_FIELDS: Record<FormProgram, readonly string[]> = {
  CN: ['boundary', 'targetPeriod.start', 'targetPeriod.end', 'baseYear', 'emissions.scope1', 'emissions.scope2', 'emissions.scope3', 'emissions.includeScope3', 'emissions.suppliedToOthers', 'declarations.independentOfCertifierAndVerifier'],
  CFP: ['product.name', 'product.cfpVerificationNumber', 'cfpPerUnitKg', 'quantity', 'period.start', 'period.end', 'partial.stageCfpPerUnitKg', 'declarations.notAntiSocialForce'],
};

/** What the person typed, by field path, shown back after a refusal. */
export type ClaimFormValues = Record<string, string>;

export function claimFormValues(body: unknown, program: FormProgram): ClaimFormValues {
  const values: ClaimFormValues = {};
  for (const path of CLAIM_FORM_FIELDS[program]) {
    const value = formField(body, path);
    if (value !== undefined && value !== '') values[path] = value;
  }
  return values;
}

const optional = (value: string | undefined) => (value === undefined || value.trim() === '' ? undefined : value.trim());
const required = (value: string | undefined) => (value ?? '').trim();
/** A whole number stays a number (the API's `baseYear` is one); anything else goes on as typed, for the rulebook to name. */
const year = (value: string | undefined) => (/^\d{1,4}$/.test(required(value)) ? Number(required(value)) : required(value));
/** A checked box declares (true); an unchecked one leaves the declaration out, which the API refuses naming the field. */
const checked = (value: string | undefined) => (value === 'true' ? true : undefined);

/**
 * The body of POST /v1/claims from the web form: the same shape the API takes, so the same DTO and
 * use case judge it. Empty required fields go on as empty text (the rules name them); empty
 * optional ones are left out.
 */
export function claimDraftBody(values: ClaimFormValues, program: FormProgram): Record<string, unknown> {
  const v = (path: string) => values[path];
  const prune = (object: Record<string, unknown>) => Object.fromEntries(Object.entries(object).filter(([, value]) => value !== undefined));
  if (program === 'CFP') {
    const stage = optional(v('partial.stageCfpPerUnitKg'));
    return prune({
      type: 'CFP',
      declarations: prune({ notAntiSocialForce: checked(v('declarations.notAntiSocialForce')) }),
      product: { name: required(v('product.name')), cfpVerificationNumber: required(v('product.cfpVerificationNumber')) },
      cfpPerUnitKg: required(v('cfpPerUnitKg')),
      quantity: required(v('quantity')),
      period: { start: required(v('period.start')), end: required(v('period.end')) },
      partial: stage === undefined ? undefined : { stageCfpPerUnitKg: stage },
    });
  }
  return {
    type: 'CN',
    declarations: prune({ independentOfCertifierAndVerifier: checked(v('declarations.independentOfCertifierAndVerifier')) }),
    boundary: required(v('boundary')),
    targetPeriod: { start: required(v('targetPeriod.start')), end: required(v('targetPeriod.end')) },
    baseYear: year(v('baseYear')),
    emissions: prune({
      scope1: required(v('emissions.scope1')),
      scope2: required(v('emissions.scope2')),
      scope3: optional(v('emissions.scope3')),
      includeScope3: checked(v('emissions.includeScope3')),
      suppliedToOthers: optional(v('emissions.suppliedToOthers')),
    }),
  };
}

/** The verification form's fields, by the paths of POST /v1/claims/{id}/verification. */
export const VERIFICATION_FORM_FIELDS = ['reportReference', 'assurance', 'opinion', 'verifiedEmissions.scope1', 'verifiedEmissions.scope2', 'verifiedEmissions.scope3', 'independentOfApplicant'] as const;

export function verificationFormValues(body: unknown): ClaimFormValues {
  const values: ClaimFormValues = {};
  for (const path of VERIFICATION_FORM_FIELDS) {
    const value = formField(body, path);
    if (value !== undefined && value !== '') values[path] = value;
  }
  return values;
}

/** The body of POST /v1/claims/{id}/verification; an unchecked independence box is a declared false (the rule then refuses it, citing its id). */
export function verificationBody(values: ClaimFormValues): Record<string, unknown> {
  const scope3 = optional(values['verifiedEmissions.scope3']);
  return {
    reportReference: required(values.reportReference),
    assurance: values.assurance ?? '',
    opinion: values.opinion ?? '',
    verifiedEmissions: { scope1: required(values['verifiedEmissions.scope1']), scope2: required(values['verifiedEmissions.scope2']), ...(scope3 === undefined ? {} : { scope3 }) },
    independentOfApplicant: values.independentOfApplicant === 'true',
  };
}

const ONCE = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/;

/** The new-claim form's own token (`_once`): the one it came with, or a new one for a new form. */
export function formOnce(body?: unknown): string {
  const once = body === undefined ? undefined : formField(body, '_once');
  return once !== undefined && ONCE.test(once) ? once : randomUUID();
}

/**
 * A form sent twice (a double click, a reload that posts again) files one claim: the form's token is
 * the command's idempotency key, as an API client's Idempotency-Key header is, over the same body.
 */
export function formIdempotency(body: unknown, draft: Record<string, unknown>): IdempotencyRequest | undefined {
  const once = formField(body, '_once');
  if (once === undefined || !ONCE.test(once)) return undefined;
  return { key: `web-form:${once}`, requestHash: createHash('sha256').update(canonicalJson({ method: 'POST', path: '/claims', body: draft })).digest('hex') };
}
