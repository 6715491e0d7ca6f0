import { stringAttribute, type SerialGrammar } from '../parsed-serial';
import { invalidSerial, quote } from '../serial-error';
import { readSerialRange } from '../serial-number';

/*
 * Cercarbono (EcoRegistry) exports a block code in a `serial` column and the range in separate
 * `from` / `to` columns. Our text form joins them: `<blockCode> <from> to <to>`, e.g.
 * CDC_1_1_1_321_14_1_2009 4426 to 4971. Units are numbered from 1 inside each block code, so the
 * code is the namespace. The code's segments are not documented; we read only the project number
 * (second segment, matching the export's project_id) and the buffer marker (_BF / _BFC, matching is_buffer).
 */

const CERCARBONO = /^(CDC(?:_[A-Z0-9]+)+) (\d+) to (\d+)$/i;
const LOOKS_LIKE_CERCARBONO = /^CDC_/i;
const BUFFER_MARKER = /_BFC?(?:_|$)/;
const EXPECTED = '<block code> <from> to <to>, e.g. CDC_1_1_1_321_14_1_2009 4426 to 4971';

export const cercarbonoGrammar: SerialGrammar = {
  id: 'cercarbono',
  title: 'Cercarbono',
  example: 'CDC_1_1_1_321_14_1_2009 4426 to 4971',
  expected: EXPECTED,
  looksLike: (text) => LOOKS_LIKE_CERCARBONO.test(text),
  parse(text) {
    const m = CERCARBONO.exec(text);
    if (!m) throw invalidSerial(`expected "<block code> <from> to <to>", got ${quote(text)}`, 'serial', EXPECTED);
    const blockCode = m[1]!.toUpperCase();
    const range = readSerialRange(m[2]!, m[3]!);
    return {
      scheme: 'CERCARBONO',
      namespace: `CERCARBONO:${blockCode}`,
      range,
      canonical: `${blockCode} ${range.start} to ${range.end}`,
      attributes: {
        blockCode,
        projectNumber: blockCode.split('_')[1]!,
        buffer: BUFFER_MARKER.test(blockCode),
      },
    };
  },
  format(parsed) {
    return `${stringAttribute(parsed, 'blockCode')} ${parsed.range.start} to ${parsed.range.end}`;
  },
};
