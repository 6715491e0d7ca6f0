import { findScheme, type SchemeCode } from '../schemes/scheme-catalog';
import { detectGrammar, grammarById, SERIAL_GRAMMARS } from './grammars';
import { normalizeSerialText } from './normalize';
import type { ParsedSerial } from './parsed-serial';
import { invalidSerial, quote } from './serial-error';

const ANY_SHAPE = `a serial such as ${SERIAL_GRAMMARS.map((g) => `${g.example} (${g.title})`).join(', ')}`;
const NON_ASCII = /[^\x20-\x7e]/u;

/**
 * Reads a serial block in any supported format. The scheme comes from the serial's shape, or from
 * `scheme` when the request names one (needed for REGIONAL_JCREDIT, which shares J-Credit symbols).
 * Every unreadable input ends in DomainError INVALID_SERIAL naming the field; an unknown `scheme`
 * code in UNKNOWN_SCHEME.
 */
export function parseSerial(input: string, scheme?: SchemeCode): ParsedSerial {
  const hinted = scheme === undefined ? undefined : findScheme(scheme);
  const text = normalizeSerialText(input);
  if (text === '') throw invalidSerial('serial is empty', 'serial', ANY_SHAPE);
  const detected = detectGrammar(text);
  if (!hinted) {
    if (!detected) throw unrecognised(text);
    return detected.parse(text);
  }
  const grammar = grammarById(hinted.grammar);
  if (detected && detected !== grammar) {
    throw invalidSerial(
      `scheme ${hinted.code} was given but the serial has the shape of a ${detected.title} serial`,
      'scheme',
      grammar.expected,
    );
  }
  const parsed = grammar.parse(text, hinted.code);
  if (parsed.scheme !== hinted.code) {
    throw invalidSerial(`scheme ${hinted.code} was given but the serial is a ${parsed.scheme} serial`, 'scheme', parsed.scheme);
  }
  return parsed;
}

/** The canonical text of a block, printed from its attributes and range (a split piece prints as itself). */
export function formatSerial(parsed: ParsedSerial): string {
  return grammarById(findScheme(parsed.scheme).grammar).format(parsed);
}

function unrecognised(text: string) {
  const odd = NON_ASCII.exec(text);
  if (odd) {
    const codePoint = odd[0].codePointAt(0)!.toString(16).toUpperCase().padStart(4, '0');
    return invalidSerial(
      `unexpected character ${quote(odd[0])} (U+${codePoint}) at position ${odd.index + 1} of the serial`,
      'serial',
      ANY_SHAPE,
    );
  }
  return invalidSerial(`${quote(text)} is not a serial in any supported format`, 'serial', ANY_SHAPE);
}
