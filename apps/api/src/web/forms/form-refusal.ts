import { DomainError } from '@registry/domain';

/** What a refused form shows: messages beside the fields they name, rules broken (with their ids), or a state that forbids it. */
export interface FormRefusal {
  kind: 'fields' | 'rules' | 'state';
  /** Field path (as the API names it, e.g. `targetPeriod.start`) → the domain's message. */
  fields: Record<string, string>;
  /** Rule id (e.g. `CN-2.2.4`) and the domain's message, in the order the rules were checked. */
  rules: { rule: string; message: string }[];
  /** The domain's explanation, for a refusal that names neither a field nor a rule. */
  detail?: string;
  status: number;
}

/**
 * A refusal the person can act on, read from the ledger's error: VALIDATION_FAILED names fields,
 * RULE_VIOLATION cites rules (both 422: the form again), INVALID_STATE is the claim's status (409).
 * Anything else (not found, forbidden, a failure) is not the form's business: undefined, rethrow it.
 */
export function formRefusal(error: unknown): FormRefusal | undefined {
  if (!(error instanceof DomainError)) return undefined;
  const listed = Array.isArray(error.details.errors) ? (error.details.errors as { field?: unknown; rule?: unknown; message?: unknown }[]) : [];
  if (error.code === 'VALIDATION_FAILED') {
    const fields: Record<string, string> = {};
    for (const item of listed) {
      if (typeof item.field !== 'string') continue;
      const message = String(item.message ?? '');
      fields[item.field] = fields[item.field] ? `${fields[item.field]}; ${message}` : message;
    }
    if (Object.keys(fields).length === 0) fields[typeof error.details.field === 'string' ? error.details.field : 'body'] = error.message;
    return { kind: 'fields', fields, rules: [], status: 422 };
  }
  if (error.code === 'RULE_VIOLATION') {
    const rules = listed.filter((item) => typeof item.rule === 'string').map((item) => ({ rule: String(item.rule), message: String(item.message ?? '') }));
    if (rules.length === 0) rules.push({ rule: typeof error.details.rule === 'string' ? error.details.rule : '', message: error.message });
    return { kind: 'rules', fields: {}, rules, status: 422 };
  }
  if (error.code === 'INVALID_STATE') return { kind: 'state', fields: {}, rules: [], detail: error.message, status: 409 };
  return undefined;
}

/** The refusal a form shows again; anything else (not found, forbidden, a failure) goes on to the error page. */
export function refusalOrThrow(error: unknown): FormRefusal {
  const refusal = formRefusal(error);
  if (!refusal) throw error;
  return refusal;
}

/** A readable id for a field's input from its API path: `targetPeriod.start` → `f-targetPeriod-start`. */
export function fieldId(path: string): string {
  return `f-${path.replace(/[^A-Za-z0-9]+/g, '-')}`;
}
