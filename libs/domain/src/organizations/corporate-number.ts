import { DomainError } from '../errors';

/**
 * Japanese corporate number (法人番号): 13 digits, the first a check digit over the other 12
 * (National Tax Agency rule): check = 9 − (Σ Pn·Qn mod 9), Pn the n-th digit counted from the
 * right of the 12-digit base, Qn = 1 for odd n and 2 for even n.
 */
export function corporateNumberCheckDigit(base12: string): number {
  let sum = 0;
  for (let n = 1; n <= 12; n++) {
    const digit = base12.charCodeAt(12 - n) - 48;
    sum += digit * (n % 2 === 1 ? 1 : 2);
  }
  return 9 - (sum % 9);
}

/** Returns the number as stored (NFKC-normalised, so full-width digits are accepted) or throws. */
export function assertCorporateNumber(value: string, field = 'corporateNumber'): string {
  const normalized = value.normalize('NFKC').trim();
  if (!/^\d{13}$/.test(normalized)) {
    throw new DomainError('INVALID_CORPORATE_NUMBER', `${field} must be exactly 13 digits`, { field });
  }
  const expected = corporateNumberCheckDigit(normalized.slice(1));
  if (normalized.charCodeAt(0) - 48 !== expected) {
    throw new DomainError(
      'INVALID_CORPORATE_NUMBER',
      `${field} ${normalized} has a wrong check digit (expected ${expected} as the first digit)`,
      { field },
    );
  }
  return normalized;
}
