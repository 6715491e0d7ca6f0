import type { IsoDate } from './calendar';
import { FieldErrors } from './findings';

/** Facts a retirement states about its credits that the rules read (creditFacts). */
export interface StatedCreditFacts {
  readonly issuedOn?: unknown;
}

/**
 * 400 VALIDATION_FAILED naming `creditFacts.issuedOn` unless it is a real date no later than the
 * retirement: a credit cannot be retired before it is issued. Absent is fine (the rules ask for it
 * only where it matters, transitionalIssueDateNeeded).
 */
export function checkCreditFacts(facts: StatedCreditFacts | undefined, retiredOn: IsoDate): void {
  if (facts?.issuedOn === undefined) return;
  const errors = new FieldErrors();
  const issuedOn = errors.date(facts.issuedOn, 'creditFacts.issuedOn');
  if (issuedOn !== undefined && issuedOn > retiredOn) errors.add('creditFacts.issuedOn', `must not be after the retirement date ${retiredOn}`);
  errors.throwIfAny();
}
