import { canonicalJson, DomainError } from '@registry/domain';
import type { IdempotencyRequest, PreviewRefusal } from '@registry/ledger';
import { createHash, randomBytes } from 'node:crypto';
import { RetireDto } from '../../ledger/ledger.dto';
import { validateBody } from '../../http/validation.pipe';
import { formField } from '../session/form-fields';

/** What the provider states about the credits (the API's `creditFacts`), for the rules that ask for it. */
export const CREDIT_FACT_FIELDS = ['issuedOn', 'creatorId', 'greeningEvidence', 'changedProductFootprint'] as const;
/** The two facts that are yes-or-no: a checked box sends this value, an unchecked one nothing. */
export const STATED = 'true';

/** The retire form's fields; `key` is the one-time key the confirm form carries (idempotency). */
export const RETIRE_FORM_FIELDS = [
  'serials', 'scheme', 'claimId', 'beneficiary', 'purpose', 'retiredOn', 'evidenceRegistry', 'evidenceReference',
  ...CREDIT_FACT_FIELDS,
] as const;
export type RetireFormField = (typeof RETIRE_FORM_FIELDS)[number];
export type RetireFormValues = Partial<Record<RetireFormField, string>>;

/** A refusal shown beside a field (or above the form when it names none). */
export interface FormRefusal {
  field?: RetireFormField;
  code: string;
  /** The domain's own words (English, as the API gives them). */
  detail?: string;
}

/** The form as typed: text fields trimmed, the serials kept as typed (one a line). */
export function retireFormValues(body: unknown): RetireFormValues {
  const values: RetireFormValues = {};
  for (const field of RETIRE_FORM_FIELDS) {
    const value = formField(body, field);
    if (value === undefined) continue;
    const kept = field === 'serials' ? value.replace(/\r\n?/g, '\n') : value.trim();
    if (kept.trim() !== '') values[field] = kept;
  }
  return values;
}

/** The pasted serials, one a line, blank lines left out. */
export function serialLines(text: string | undefined): string[] {
  return (text ?? '').split('\n').map((line) => line.trim()).filter((line) => line !== '');
}

/**
 * The body POST /v1/retirements would take for this form, validated by the API's own DTO
 * (RetireDto): the same command, the same field rules.
 */
export async function retireRequestOf(values: RetireFormValues): Promise<RetireDto> {
  const body = {
    serials: serialLines(values.serials),
    ...(values.scheme ? { scheme: values.scheme } : {}),
    ...(values.claimId ? { claimId: values.claimId } : {}),
    beneficiary: values.beneficiary ?? '',
    purpose: values.purpose ?? '',
    ...(values.retiredOn ? { retiredOn: values.retiredOn } : {}),
    ...(values.evidenceRegistry || values.evidenceReference ? { evidence: { registry: values.evidenceRegistry ?? '', reference: values.evidenceReference ?? '' } } : {}),
    ...creditFactsOf(values),
  };
  return validateBody(RetireDto, body);
}

/** The stated facts as the API's `creditFacts`, or nothing when none is stated. */
function creditFactsOf(values: RetireFormValues): { creditFacts?: Record<string, string | boolean> } {
  const facts = {
    ...(values.issuedOn ? { issuedOn: values.issuedOn } : {}),
    ...(values.creatorId ? { creatorId: values.creatorId } : {}),
    ...(values.greeningEvidence === STATED ? { greeningEvidence: true } : {}),
    ...(values.changedProductFootprint === STATED ? { changedProductFootprint: true } : {}),
  };
  return Object.keys(facts).length > 0 ? { creditFacts: facts } : {};
}

/** The form's one-time key, made when the check passes and carried by the confirm form. */
export function newRetireKey(): string {
  return randomBytes(18).toString('base64url');
}

const KEY = /^[A-Za-z0-9_-]{16,64}$/;

/**
 * A double submit of one confirm form retires once: its key is the ledger's idempotency key, and
 * the hash covers the request, so the same key with other contents is refused.
 */
export function retireIdempotency(key: string | undefined, request: RetireDto): IdempotencyRequest | undefined {
  if (key === undefined || !KEY.test(key)) return undefined;
  const material = canonicalJson({ method: 'POST', path: '/retire', body: JSON.parse(JSON.stringify(request)) as unknown });
  return { key: `web-retire:${key}`, requestHash: createHash('sha256').update(material).digest('hex') };
}

/** Which form field a refusal of the ledger (or of the DTO) is about. */
export function formFieldOf(code: string, field: string | undefined): RetireFormField | undefined {
  if (field !== undefined) {
    if (field.startsWith('serials')) return 'serials';
    if (field.startsWith('evidence')) return field === 'evidence.reference' ? 'evidenceReference' : 'evidenceRegistry';
    const fact = field.startsWith('creditFacts.') ? field.slice('creditFacts.'.length) : undefined;
    if (fact !== undefined && (CREDIT_FACT_FIELDS as readonly string[]).includes(fact)) return fact as RetireFormField;
    if ((RETIRE_FORM_FIELDS as readonly string[]).includes(field)) return field as RetireFormField;
  }
  if (['ALREADY_RETIRED', 'NOT_HELD', 'SERIAL_CONFLICT', 'INELIGIBLE_CREDIT', 'RULE_VIOLATION', 'INVALID_SERIAL', 'DUPLICATE_SERIALS', 'TOO_MANY_SERIALS', 'UNKNOWN_SCHEME'].includes(code)) return 'serials';
  if (['FORBIDDEN', 'INVALID_STATE'].includes(code)) return 'claimId';
  if (code === 'EVIDENCE_REQUIRED') return 'evidenceRegistry';
  return undefined;
}

/** The refusals of a DomainError, one per field it names (VALIDATION_FAILED may name several). */
export function formRefusalsOf(error: DomainError | PreviewRefusal): FormRefusal[] {
  const details = (error instanceof DomainError ? error.details : {}) as { errors?: { field?: unknown; message?: unknown }[] };
  if (error.code === 'VALIDATION_FAILED' && Array.isArray(details.errors) && details.errors.length > 0) {
    return details.errors.map((e) => ({
      field: formFieldOf(error.code, typeof e.field === 'string' ? e.field : undefined),
      code: error.code,
      detail: `${String(e.field)}: ${String(e.message)}`,
    }));
  }
  const field = error instanceof DomainError ? (typeof error.details.field === 'string' ? error.details.field : undefined) : error.field;
  return [{ field: formFieldOf(error.code, field), code: error.code, detail: error.message }];
}
