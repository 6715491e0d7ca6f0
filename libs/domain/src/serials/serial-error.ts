import { DomainError } from '../errors';

/** Every serial-reading failure: a 400 INVALID_SERIAL naming the failed part and the shape expected. */
export function invalidSerial(message: string, field: string, expected: string): DomainError {
  return new DomainError('INVALID_SERIAL', message, { field, expected });
}

const MAX_QUOTED_LENGTH = 60;

/** Quotes (part of) the caller's text for a message without echoing a whole oversized input. */
export function quote(text: string): string {
  const shown = text.length > MAX_QUOTED_LENGTH ? `${text.slice(0, MAX_QUOTED_LENGTH)}…` : text;
  return JSON.stringify(shown);
}
