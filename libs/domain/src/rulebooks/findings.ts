import { DomainError } from '../errors';
import { isIsoDate, type IsoDate } from './calendar';
import { readDecimal, type Decimal } from './decimal';
import type { Finding } from './rulebook';
import type { CreditEligibility } from './credit-eligibility';

export interface FieldError {
  readonly field: string;
  readonly message: string;
}

/**
 * Collects every malformed input before failing once with 400 VALIDATION_FAILED
 * (`errors: [{ field, message }]`, API.md conventions).
 */
export class FieldErrors {
  private readonly errors: FieldError[] = [];

  add(field: string, message: string): void {
    this.errors.push({ field, message });
  }

  /** A decimal string; `undefined` (with an error recorded) when malformed or, if asked, negative. */
  decimal(value: unknown, field: string, options: { nonNegative?: boolean } = {}): Decimal | undefined {
    const reading = readDecimal(value);
    if (!reading.ok) return void this.add(field, reading.message);
    if (options.nonNegative && reading.value.units < 0n) return void this.add(field, 'must not be negative');
    return reading.value;
  }

  date(value: unknown, field: string): IsoDate | undefined {
    if (isIsoDate(value)) return value;
    this.add(field, `must be a date YYYY-MM-DD, got ${JSON.stringify(value)?.slice(0, 40) ?? 'nothing'}`);
    return undefined;
  }

  get list(): readonly FieldError[] {
    return this.errors;
  }

  throwIfAny(): void {
    if (this.errors.length === 0) return;
    const detail = this.errors.map((e) => `${e.field} ${e.message}`).join('; ');
    throw new DomainError('VALIDATION_FAILED', detail, { errors: [...this.errors] });
  }
}

export function errorsOf(findings: readonly Finding[]): Finding[] {
  return findings.filter((f) => f.severity === 'error');
}

/**
 * RULE_VIOLATION with `errors: [{ rule, message }]` when any finding is an error: 422 for a refused
 * step, 400 when the request itself breaks the rule (`invalidInput`); `details` adds problem fields.
 */
export function assertNoRuleViolations(
  findings: readonly Finding[],
  options: { invalidInput?: boolean; details?: Record<string, unknown> } = {},
): void {
  const errors = errorsOf(findings);
  if (errors.length === 0) return;
  throw new DomainError(
    'RULE_VIOLATION',
    errors.map((e) => `${e.rule}: ${e.message}`).join('; '),
    { errors: errors.map(({ rule, message }) => ({ rule, message })), ...options.details },
    { invalidInput: options.invalidInput },
  );
}

/** 422 INELIGIBLE_CREDIT naming the serial and the rule (API.md "Retirements"). */
export function ineligibleCreditError(serial: string, eligibility: CreditEligibility): DomainError {
  return new DomainError('INELIGIBLE_CREDIT', `${serial}: ${eligibility.message}`, {
    serial,
    rule: eligibility.rule,
  });
}
