import { DomainError } from '@registry/domain';

/** `limit` query parameter: 1..1000, default 100. */
export function pageLimit(raw: string | undefined, fallback = 100, max = 1000): number {
  if (raw === undefined) return fallback;
  const value = Number(raw);
  if (!Number.isInteger(value) || value < 1 || value > max) {
    throw new DomainError('VALIDATION_FAILED', `limit must be a whole number from 1 to ${max}`, {
      errors: [{ field: 'limit', message: `must be a whole number from 1 to ${max}` }],
    });
  }
  return value;
}

export function nonNegativeInteger(raw: string | undefined, field: string): number {
  if (raw === undefined) return 0;
  const value = Number(raw);
  if (!Number.isSafeInteger(value) || value < 0) {
    throw new DomainError('VALIDATION_FAILED', `${field} must be a whole number ≥ 0`, { errors: [{ field, message: 'must be a whole number ≥ 0' }] });
  }
  return value;
}
