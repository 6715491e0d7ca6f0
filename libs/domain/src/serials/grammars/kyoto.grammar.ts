import { KYOTO_SUPPLEMENTARY_UNIT_TYPE } from '../../schemes/kyoto-codes';
import {
  numberAttribute,
  optionalStringAttribute,
  stringAttribute,
  type ParsedSerial,
  type SerialGrammar,
} from '../parsed-serial';
import { invalidSerial, quote } from '../serial-error';
import { readSerialRange } from '../serial-number';
import type { SerialRange } from '../serial-range';
import {
  firstDifference,
  KYOTO_FIELD_LABELS,
  validateKyotoFields,
  type KyotoFields,
  type RawKyotoFields,
} from './kyoto-fields';

/*
 * Kyoto units (UNFCCC DES). Two text forms:
 *  - full, canonical, as in real registry exports: each end printed in full, joined by " - ":
 *      RW-5-1463953-2-2-0-7014 - RW-5-1467609-2-2-0-7014
 *    end = party-unitType-serial-originalCP-applicableCP-LULUCF[-projectId][-T<track>][-E<YYYY-MM-DD>]
 *  - compact, ours: one constant part with start and end side by side:
 *      RW-5-1463953-1467609-2-2-0-7014
 *    = party-unitType-start-end-originalCP-applicableCP-LULUCF[-projectId][-T<track>][-E<YYYY-MM-DD>]
 * Real exports show neither track nor expiry, so we print them as suffixes no numeric field can be
 * mistaken for: -T1 / -T2 (ERUs only), -E2027-12-31 (tCER and lCER, required). AAU and RMU have no
 * project identifier: the field is left out (an all-zero one reads as "none").
 * A single unit is start = end; a lone end without " - " is refused, since it would read as compact.
 */

const FULL_END =
  /^([A-Z]{2})-(\d+)-(\d+)-(\d+)-(\d+)-(\d+)(?:-(\d+))?(?:-T(\d+))?(?:-E(\d{4}-\d{2}-\d{2}))?$/i;
const COMPACT =
  /^([A-Z]{2})-(\d+)-(\d+)-(\d+)-(\d+)-(\d+)-(\d+)(?:-(\d+))?(?:-T(\d+))?(?:-E(\d{4}-\d{2}-\d{2}))?$/i;
const LOOKS_LIKE_KYOTO = /^[A-Z]{2}-\d/i;
const END_SEPARATOR = ' - ';

const EXPECTED =
  'party-unitType-serial-originalCP-applicableCP-LULUCF[-projectId][-T<track>][-E<YYYY-MM-DD>] for the start and ' +
  'the end joined by " - " (e.g. RW-5-1463953-2-2-0-7014 - RW-5-1467609-2-2-0-7014), or compact ' +
  'party-unitType-start-end-originalCP-applicableCP-LULUCF[-projectId][-T<track>][-E<YYYY-MM-DD>]';

export const kyotoGrammar: SerialGrammar = {
  id: 'kyoto',
  title: 'Kyoto unit',
  example: 'RW-5-1463953-2-2-0-7014 - RW-5-1467609-2-2-0-7014',
  expected: EXPECTED,
  looksLike: (text) => LOOKS_LIKE_KYOTO.test(text),
  parse(text) {
    const separator = text.indexOf(END_SEPARATOR);
    return separator < 0 ? parseCompact(text) : parseFull(text, separator);
  },
  format(parsed) {
    return printFull(fieldsOf(parsed), parsed.range);
  },
};

function parseFull(text: string, separator: number): ParsedSerial {
  if (text.indexOf(END_SEPARATOR, separator + END_SEPARATOR.length) >= 0) {
    throw invalidSerial('a Kyoto block has exactly one " - " between its start and its end', 'serial', EXPECTED);
  }
  const startText = text.slice(0, separator);
  const endText = text.slice(separator + END_SEPARATOR.length);
  const start = FULL_END.exec(startText) ?? diagnose(startText, FULL_END_LAYOUT.start);
  const end = FULL_END.exec(endText) ?? diagnose(endText, FULL_END_LAYOUT.end);
  const startFields = rawFields(start, 1, 4);
  if (!sameConstantText(start, end)) {
    const endFields = rawFields(end, 1, 4);
    const differing = firstDifference(startFields, endFields);
    if (differing) {
      throw invalidSerial(
        `the start and the end disagree on the ${KYOTO_FIELD_LABELS[differing]}: ` +
          `${startFields[differing] ?? 'none'} vs ${endFields[differing] ?? 'none'}`,
        `serial.${differing}`,
        'both ends equal in every field but the serial number',
      );
    }
  }
  return toParsed(validateKyotoFields(startFields), readSerialRange(start[3]!, end[3]!));
}

function parseCompact(text: string): ParsedSerial {
  const match = COMPACT.exec(text) ?? diagnose(text, COMPACT_LAYOUT);
  const fields = validateKyotoFields(rawFields(match, 1, 5));
  return toParsed(fields, readSerialRange(match[3]!, match[4]!));
}

/** Groups: party and unit type first, then the five constant fields from `firstConstant` on. */
function rawFields(match: RegExpExecArray, party: number, firstConstant: number): RawKyotoFields {
  return {
    party: match[party]!,
    unitType: match[party + 1]!,
    originalCommitmentPeriod: match[firstConstant]!,
    applicableCommitmentPeriod: match[firstConstant + 1]!,
    lulucfActivity: match[firstConstant + 2]!,
    projectId: match[firstConstant + 3],
    track: match[firstConstant + 4],
    expiryDate: match[firstConstant + 5],
  };
}

function sameConstantText(a: RegExpExecArray, b: RegExpExecArray): boolean {
  for (let group = 1; group <= 9; group++) {
    if (group !== 3 && a[group] !== b[group]) return false;
  }
  return true;
}

function toParsed(fields: KyotoFields, range: SerialRange): ParsedSerial {
  return {
    scheme: 'KYOTO',
    namespace: `KYOTO:${fields.party}`,
    range,
    canonical: printFull(fields, range),
    attributes: {
      party: fields.party,
      unitType: fields.unitType.code,
      unitTypeName: fields.unitType.name,
      supplementaryUnitType: KYOTO_SUPPLEMENTARY_UNIT_TYPE,
      originalCommitmentPeriod: fields.originalCommitmentPeriod,
      applicableCommitmentPeriod: fields.applicableCommitmentPeriod,
      lulucfActivity: fields.lulucfActivity,
      projectId: fields.projectId,
      track: fields.track,
      expiryDate: fields.expiryDate,
    },
  };
}

function printFull(fields: KyotoFields, range: SerialRange): string {
  const unitType = fields.unitType.code;
  const head = `${fields.party}-${unitType}-`;
  let tail = `-${fields.originalCommitmentPeriod}-${fields.applicableCommitmentPeriod}-${fields.lulucfActivity}`;
  if (fields.projectId !== null) tail += `-${fields.projectId}`;
  if (fields.track !== null) tail += `-T${fields.track}`;
  if (fields.expiryDate !== null) tail += `-E${fields.expiryDate}`;
  return `${head}${range.start}${tail}${END_SEPARATOR}${head}${range.end}${tail}`;
}

function fieldsOf(parsed: ParsedSerial): KyotoFields {
  const track = parsed.attributes['track'];
  return validateKyotoFields({
    party: stringAttribute(parsed, 'party'),
    unitType: String(numberAttribute(parsed, 'unitType')),
    originalCommitmentPeriod: String(numberAttribute(parsed, 'originalCommitmentPeriod')),
    applicableCommitmentPeriod: String(numberAttribute(parsed, 'applicableCommitmentPeriod')),
    lulucfActivity: String(numberAttribute(parsed, 'lulucfActivity')),
    projectId: optionalStringAttribute(parsed, 'projectId') ?? undefined,
    track: track === null || track === undefined ? undefined : String(numberAttribute(parsed, 'track')),
    expiryDate: optionalStringAttribute(parsed, 'expiryDate') ?? undefined,
  });
}

interface Layout {
  readonly where: string;
  /** Field names of the leading numeric tokens after the party, in order. */
  readonly numeric: readonly string[];
}

const CONSTANT_TAIL = ['originalCommitmentPeriod', 'applicableCommitmentPeriod', 'lulucfActivity'];
const FULL_END_LAYOUT = {
  start: { where: 'start', numeric: ['unitType', 'start', ...CONSTANT_TAIL] },
  end: { where: 'end', numeric: ['unitType', 'end', ...CONSTANT_TAIL] },
} satisfies Record<string, Layout>;
const COMPACT_LAYOUT: Layout = { where: 'serial', numeric: ['unitType', 'start', 'end', ...CONSTANT_TAIL] };

/** Slow path once the pattern failed: finds the first token that is wrong and names its field. */
function diagnose(text: string, layout: Layout): never {
  const tokens = text.split('-');
  if (!/^[A-Z]{2}$/i.test(tokens[0]!)) {
    throw invalidSerial(
      `the ${layout.where} must begin with the two-letter originating party, got ${quote(tokens[0]!)}`,
      'serial.party',
      EXPECTED,
    );
  }
  layout.numeric.forEach((name, index) => {
    const token = tokens[index + 1];
    if (token === undefined) {
      throw invalidSerial(
        `the ${layout.where} ${quote(text)} has ${index + 1} fields; it needs at least ${layout.numeric.length + 1}`,
        'serial',
        EXPECTED,
      );
    }
    if (!/^\d+$/.test(token)) {
      const label = name in KYOTO_FIELD_LABELS ? KYOTO_FIELD_LABELS[name as keyof RawKyotoFields] : `${name} serial number`;
      throw invalidSerial(`${label} must be digits, got ${quote(token)}`, `serial.${name}`, EXPECTED);
    }
  });
  const rest = tokens.slice(layout.numeric.length + 1).join('-');
  if (/(^|-)E/i.test(rest)) {
    throw invalidSerial(`expiry date must be written -EYYYY-MM-DD, got ${quote(rest)}`, 'serial.expiryDate', EXPECTED);
  }
  if (/(^|-)T/i.test(rest)) {
    throw invalidSerial(`track must be written -T1 or -T2, got ${quote(rest)}`, 'serial.track', EXPECTED);
  }
  throw invalidSerial(
    `unexpected ${quote(rest)} after the LULUCF activity of the ${layout.where}; expected a project identifier, -T<track> or -E<YYYY-MM-DD>`,
    rest !== '' && /^\d*\D/.test(rest) ? 'serial.projectId' : 'serial',
    EXPECTED,
  );
}

