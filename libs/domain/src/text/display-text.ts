import { DomainError } from '../errors';

// C0 and C1 controls (tab and newlines included), DEL, the bidi embeddings/overrides
// U+202A–U+202E and isolates U+2066–U+2069, and any surrogate left unpaired (with the `u` flag a
// well-formed pair is one code point and does not match the surrogate range).
const FORBIDDEN = /[\u0000-\u001f\u007f-\u009f\u202a-\u202e\u2066-\u2069\ud800-\udfff]/u;

/**
 * Why `value` cannot be shown as it is on a certificate, a page or an export, or undefined when it
 * can. Control characters break lines and cells, bidi controls make a name read as another
 * (U+202E turns "Acme\u202Egnp.exe" around), lone surrogates do not survive UTF-8.
 */
export function displayTextProblem(value: string): string | undefined {
  const match = FORBIDDEN.exec(value);
  if (!match) return undefined;
  const code = match[0].codePointAt(0) ?? 0;
  const at = `U+${code.toString(16).toUpperCase().padStart(4, '0')} at position ${[...value.slice(0, match.index)].length + 1}`;
  if (code >= 0xd800 && code <= 0xdfff) return `contains an unpaired surrogate (${at})`;
  if (code >= 0x202a) return `contains a bidirectional control character (${at})`;
  return `contains a control character (${at})`;
}

/** Throws 400 VALIDATION_FAILED naming `field` unless `value` is displayable text. */
export function assertDisplayText(value: string, field: string): string {
  const problem = displayTextProblem(value);
  if (problem) throw new DomainError('VALIDATION_FAILED', `${field} ${problem}`, { errors: [{ field, message: problem }] });
  return value;
}
