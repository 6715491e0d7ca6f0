import { isCalendarDate, isoDate } from '../calendar-date';
import {
  booleanAttribute,
  numberAttribute,
  optionalStringAttribute,
  stringAttribute,
  type ParsedSerial,
  type SerialGrammar,
} from '../parsed-serial';
import { invalidSerial, quote } from '../serial-error';
import { readSerialRange } from '../serial-number';

/*
 * Verra VCU, 13 fields: batch-start-end-program-unitType-verifierId-registry-country-sectoralScope-
 * projectId-vintageStart(DDMMYYYY)-vintageEnd-labelFlag, e.g.
 * 19381-941412555-941441125-VCS-VCU-1310-VER-CN-13-3005-01012022-31102022-0; the legacy 12-field
 * form has no program. The canonical form keeps the input's field count (program null = legacy).
 * Namespace: Verra numbers its units registry-wide (the batch id changes when a block is split or
 * moved, and the export's ranges of different projects never overlap), so overlap checks run across
 * all VCUs: VERRA:<unitType>.
 */

const VERRA =
  /^(\d+)-(\d+)-(\d+)-(?:([A-Z]+)-)?([A-Z]+)-(\d+)-([A-Z]+)-([A-Z]{2})-(\d{1,2})-(\d+)-(\d{8})-(\d{8})-([01])$/i;
const LOOKS_LIKE_VERRA = /^\d+-/;
const EXPECTED =
  'batch-start-end-VCS-unitType-verifierId-registry-country-sectoralScope-projectId-DDMMYYYY-DDMMYYYY-labelFlag ' +
  '(e.g. 19381-941412555-941441125-VCS-VCU-1310-VER-CN-13-3005-01012022-31102022-0), or the legacy 12 fields without VCS';

const FIELD_NAMES_13 = [
  'batch', 'start', 'end', 'program', 'unitType', 'verifierId', 'registry',
  'country', 'sectoralScope', 'projectId', 'vintageStart', 'vintageEnd', 'labelFlag',
];
const FIELD_SHAPES: Record<string, RegExp> = {
  batch: /^\d+$/, start: /^\d+$/, end: /^\d+$/, program: /^[A-Z]+$/i, unitType: /^[A-Z]+$/i,
  verifierId: /^\d+$/, registry: /^[A-Z]+$/i, country: /^[A-Z]{2}$/i, sectoralScope: /^\d{1,2}$/,
  projectId: /^\d+$/, vintageStart: /^\d{8}$/, vintageEnd: /^\d{8}$/, labelFlag: /^[01]$/,
};

export const verraGrammar: SerialGrammar = {
  id: 'verra',
  title: 'Verra',
  example: '19381-941412555-941441125-VCS-VCU-1310-VER-CN-13-3005-01012022-31102022-0',
  expected: EXPECTED,
  looksLike: (text) => LOOKS_LIKE_VERRA.test(text),
  parse(text) {
    const m = VERRA.exec(text) ?? diagnose(text);
    const vintageStart = readVintage(m[11]!, 'vintageStart');
    const vintageEnd = readVintage(m[12]!, 'vintageEnd');
    if (vintageEnd < vintageStart) {
      throw invalidSerial(`vintage end ${vintageEnd} is before vintage start ${vintageStart}`, 'serial.vintageEnd', 'DDMMYYYY on or after the vintage start');
    }
    const unitType = m[5]!.toUpperCase();
    const parsed: ParsedSerial = {
      scheme: 'VERRA',
      namespace: `VERRA:${unitType}`,
      range: readSerialRange(m[2]!, m[3]!),
      canonical: '',
      attributes: {
        batch: m[1]!,
        program: m[4] === undefined ? null : m[4].toUpperCase(),
        unitType,
        verifierId: m[6]!,
        registry: m[7]!.toUpperCase(),
        country: m[8]!.toUpperCase(),
        sectoralScope: Number(m[9]!),
        projectId: m[10]!,
        vintageStart,
        vintageEnd,
        labelled: m[13] === '1',
      },
    };
    return { ...parsed, canonical: verraGrammar.format(parsed) };
  },
  format(parsed) {
    const program = optionalStringAttribute(parsed, 'program');
    return [
      stringAttribute(parsed, 'batch'),
      parsed.range.start,
      parsed.range.end,
      ...(program === null ? [] : [program]),
      stringAttribute(parsed, 'unitType'),
      stringAttribute(parsed, 'verifierId'),
      stringAttribute(parsed, 'registry'),
      stringAttribute(parsed, 'country'),
      numberAttribute(parsed, 'sectoralScope'),
      stringAttribute(parsed, 'projectId'),
      toDdmmyyyy(stringAttribute(parsed, 'vintageStart')),
      toDdmmyyyy(stringAttribute(parsed, 'vintageEnd')),
      booleanAttribute(parsed, 'labelled') ? '1' : '0',
    ].join('-');
  },
};

function readVintage(ddmmyyyy: string, field: string): string {
  const day = Number(ddmmyyyy.slice(0, 2));
  const month = Number(ddmmyyyy.slice(2, 4));
  const year = Number(ddmmyyyy.slice(4));
  if (!isCalendarDate(year, month, day)) {
    throw invalidSerial(`${field} ${ddmmyyyy} is not a real date (DDMMYYYY)`, `serial.${field}`, 'DDMMYYYY');
  }
  return isoDate(year, month, day);
}

function toDdmmyyyy(iso: string): string {
  return `${iso.slice(8, 10)}${iso.slice(5, 7)}${iso.slice(0, 4)}`;
}

function diagnose(text: string): never {
  const parts = text.split('-');
  if (parts.length !== 12 && parts.length !== 13) {
    throw invalidSerial(`a Verra serial has 13 (or legacy 12) parts separated by "-", got ${parts.length}`, 'serial', EXPECTED);
  }
  const names = parts.length === 13 ? FIELD_NAMES_13 : FIELD_NAMES_13.filter((n) => n !== 'program');
  names.forEach((name, index) => {
    if (!FIELD_SHAPES[name]!.test(parts[index]!)) {
      throw invalidSerial(`${name} ${quote(parts[index]!)} does not fit a Verra serial`, `serial.${name}`, EXPECTED);
    }
  });
  throw invalidSerial(`unreadable Verra serial ${quote(text)}`, 'serial', EXPECTED);
}
