import { invalidSerial } from './serial-error';

/** Longest input read at all; anything longer is refused before normalisation work. */
export const MAX_SERIAL_INPUT_LENGTH = 512;

const PRINTABLE_ASCII = /^[\x20-\x7e]*$/;
// Printable ASCII with full-width forms of it (U+FF01–FF5E) and the ideographic space: NFKC maps
// each of these to the ASCII character 0xFEE0 below it (U+3000 to a space), so no ICU call is needed.
const ASCII_OR_FULL_WIDTH_ASCII = /^[\x20-\x7e\u3000\uff01-\uff5e]*$/;
const FULL_WIDTH_OFFSET = 0xfee0;
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
  if (ASCII_OR_FULL_WIDTH_ASCII.test(input)) return collapseSpaces(fullWidthToAscii(input));
  return foldUnicode(input);
}

/** The NFKC path for everything else: forbidden characters refused, dashes and ー folded. */
function foldUnicode(input: string): string {
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

/** One pass over the code units (a replace with a callback per character costs more than NFKC). */
function fullWidthToAscii(input: string): string {
  const codes = new Array<number>(input.length);
  for (let i = 0; i < input.length; i++) {
    const code = input.charCodeAt(i);
    codes[i] = code >= 0xff01 && code <= 0xff5e ? code - FULL_WIDTH_OFFSET : code === 0x3000 ? 0x20 : code;
  }
  return String.fromCharCode(...codes);
}

function collapseSpaces(text: string): string {
  return text.replace(WHITESPACE_RUN, ' ').trim();
}
