import { invalidSerial } from './serial-error';

/** Longest input read at all; anything longer is refused before normalisation work. */
export const MAX_SERIAL_INPUT_LENGTH = 512;

const PRINTABLE_ASCII = /^[\x20-\x7e]*$/;
const NEEDS_SPACE_CLEANUP = /^ | $| {2}/;
// C0/C1 controls except tab, LF and CR (pasted spreadsheet cells carry them; they count as spaces),
// DEL, and invisible format characters (zero-width spaces, bidi overrides, BOM) that can disguise a serial.
const FORBIDDEN_CHARACTER = /[\x00-\x08\x0b\x0c\x0e-\x1f\x7f-\x9f\p{Cf}]/u;
// Half-width prolonged sound mark: NFKC would turn it into ー, so it is folded before NFKC.
const HALFWIDTH_PROLONGED_SOUND_MARK = /\uff70/g;
// Left after NFKC: hyphen (‑ becomes ‐), figure dash, en/em dash, horizontal bar, minus sign,
// small and full-width hyphen-minus (already '-' after NFKC, kept for clarity).
const DASH_VARIANTS = /[\u2010-\u2015\u2212\ufe63\uff0d]/g;
const PROLONGED_SOUND_MARK_BETWEEN_ALPHANUMERICS = /(?<=[A-Za-z0-9])\u30fc(?=[A-Za-z0-9])/g;
const WHITESPACE_RUN = /\s+/g;

const EXPECTED_TEXT = `printable text of at most ${MAX_SERIAL_INPUT_LENGTH} characters`;

/**
 * Canonical text of a serial as typed or pasted: NFKC (full-width letters and digits become ASCII),
 * dash variants folded to '-', whitespace trimmed and collapsed. Case is left to each grammar.
 */
export function normalizeSerialText(input: string): string {
  if (typeof input !== 'string') {
    throw invalidSerial(`serial must be text, got ${input === null ? 'null' : typeof input}`, 'serial', EXPECTED_TEXT);
  }
  if (input.length > MAX_SERIAL_INPUT_LENGTH) {
    throw invalidSerial(
      `serial is ${input.length} characters long; at most ${MAX_SERIAL_INPUT_LENGTH} are read`,
      'serial',
      EXPECTED_TEXT,
    );
  }
  if (PRINTABLE_ASCII.test(input)) {
    return NEEDS_SPACE_CLEANUP.test(input) ? collapseSpaces(input) : input;
  }
  const forbidden = FORBIDDEN_CHARACTER.exec(input);
  if (forbidden) {
    const codePoint = forbidden[0].codePointAt(0)!.toString(16).toUpperCase().padStart(4, '0');
    throw invalidSerial(
      `serial contains the control or invisible character U+${codePoint} at position ${forbidden.index + 1}`,
      'serial',
      EXPECTED_TEXT,
    );
  }
  const folded = input
    .replace(HALFWIDTH_PROLONGED_SOUND_MARK, '-')
    .normalize('NFKC')
    .replace(DASH_VARIANTS, '-')
    .replace(PROLONGED_SOUND_MARK_BETWEEN_ALPHANUMERICS, '-');
  return collapseSpaces(folded);
}

function collapseSpaces(text: string): string {
  return text.replace(WHITESPACE_RUN, ' ').trim();
}
