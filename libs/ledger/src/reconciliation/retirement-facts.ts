import { daysBetween, foldedWords } from '@registry/domain';

/** Words registries print when they do not disclose the beneficiary: nothing to compare. */
const UNDISCLOSED = new Set(['not disclosed', 'not public', 'undisclosed', 'anonymous', 'confidential', 'n a', 'na', 'none']);

/**
 * Beneficiaries agree when one names the other: registries print "Emergent retiring on behalf of
 * Chanel" where the ledger says "Chanel". Case, width and punctuation do not count.
 */
export function beneficiariesDisagree(registry: string | undefined, ledger: string | null): boolean {
  if (registry === undefined || ledger === null) return false;
  const [there, here] = [foldedWords(registry), foldedWords(ledger)];
  if (there === '' || here === '' || UNDISCLOSED.has(there)) return false;
  return !there.includes(here) && !here.includes(there);
}

/** Largest gap between the two dates of one retirement: the ledger dates in Japan time, most exports in GMT. */
export const RETIREMENT_DATE_TOLERANCE_DAYS = 1;

export function datesDisagree(registry: string | undefined, ledger: string | null): boolean {
  if (registry === undefined || ledger === null) return false;
  return Math.abs(daysBetween(registry, ledger)) > RETIREMENT_DATE_TOLERANCE_DAYS;
}
