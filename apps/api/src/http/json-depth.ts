import { DomainError } from '@registry/domain';

/** Deepest nesting of objects and arrays a request body may have (API.md conventions). */
export const MAX_JSON_DEPTH = 64;

const QUOTE = 0x22;
const BACKSLASH = 0x5c;
const OPEN_BRACE = 0x7b;
const OPEN_BRACKET = 0x5b;
const CLOSE_BRACE = 0x7d;
const CLOSE_BRACKET = 0x5d;

/**
 * Whether UTF-8 JSON text opens more than `max` objects/arrays inside one another, found in one pass
 * over the bytes before anything is parsed (brackets inside strings do not count; no UTF-8
 * continuation byte is ASCII, so a byte scan cannot be fooled by multi-byte characters). Malformed
 * text is left for the parser to refuse.
 */
export function jsonNestingExceeds(bytes: Uint8Array, max: number): boolean {
  let depth = 0;
  let inString = false;
  for (let i = 0; i < bytes.length; i++) {
    const byte = bytes[i];
    if (inString) {
      if (byte === BACKSLASH) i++;
      else if (byte === QUOTE) inString = false;
    } else if (byte === QUOTE) {
      inString = true;
    } else if (byte === OPEN_BRACE || byte === OPEN_BRACKET) {
      if (++depth > max) return true;
    } else if (byte === CLOSE_BRACE || byte === CLOSE_BRACKET) {
      depth--;
    }
  }
  return false;
}

/**
 * Checks a JSON body's bytes before they are parsed: the validation pipe (class-transformer) recurses
 * once per level and a body 3,000 levels deep overflows its stack, so such a body is refused first.
 * Only UTF-8 is JSON here (RFC 8259 §8.1), which is also what makes the byte scan sound.
 */
export function verifyJsonBody(body: Uint8Array, charset: string): void {
  if (charset !== 'utf-8' && charset !== 'utf8') {
    throw invalidBody(`a JSON request body must be UTF-8, not ${charset}`);
  }
  if (jsonNestingExceeds(body, MAX_JSON_DEPTH)) {
    throw invalidBody(`the request body nests objects and arrays deeper than ${MAX_JSON_DEPTH} levels`);
  }
}

/**
 * The JSON body parser's `reviver`: a number too large for a double (`1e400`) parses to Infinity,
 * which no JSON can hold again; the idempotency hash and the journal (RFC 8785) would throw on it
 * later. Refused where it is read, for every route. A SyntaxError, which the parser answers as
 * 400 "not valid JSON" with this message, like any other parse error.
 */
export function refuseNonFiniteNumbers(key: string, value: unknown): unknown {
  if (typeof value === 'number' && !Number.isFinite(value)) {
    throw new SyntaxError(`the number in ${key === '' ? 'the body' : `member "${key}"`} is out of range`);
  }
  return value;
}

/** VALIDATION_FAILED naming the body as the field: what every refused request body answers. */
export function invalidBody(message: string): DomainError {
  return new DomainError('VALIDATION_FAILED', message, { errors: [{ field: 'body', message }] });
}
