import { KYOTO_PARTY_CODES } from '../../schemes/iso-3166';
import {
  findKyotoUnitType,
  KYOTO_COMMITMENT_PERIODS,
  KYOTO_LULUCF_ACTIVITIES,
  KYOTO_TRACKS,
  KYOTO_UNIT_TYPES,
  type KyotoUnitType,
} from '../../schemes/kyoto-codes';
import { isCalendarDate } from '../calendar-date';
import { invalidSerial, quote } from '../serial-error';

/** The constant fields of a Kyoto block, as matched in the text (digits, not yet checked). */
export interface RawKyotoFields {
  party: string;
  unitType: string;
  originalCommitmentPeriod: string;
  applicableCommitmentPeriod: string;
  lulucfActivity: string;
  projectId: string | undefined;
  track: string | undefined;
  expiryDate: string | undefined;
}

export interface KyotoFields {
  readonly party: string;
  readonly unitType: KyotoUnitType;
  readonly originalCommitmentPeriod: number;
  readonly applicableCommitmentPeriod: number;
  readonly lulucfActivity: number;
  readonly projectId: string | null;
  readonly track: number | null;
  readonly expiryDate: string | null;
}

export const KYOTO_FIELD_LABELS: Readonly<Record<keyof RawKyotoFields, string>> = {
  party: 'originating party',
  unitType: 'unit type',
  originalCommitmentPeriod: 'original commitment period',
  applicableCommitmentPeriod: 'applicable commitment period',
  lulucfActivity: 'LULUCF activity',
  projectId: 'project identifier',
  track: 'track',
  expiryDate: 'expiry date',
};

const listCodes = (codes: ReadonlyMap<number, string>) => [...codes].map(([code, name]) => `${code} ${name}`).join(', ');

const EXPECTED = {
  party: 'an ISO 3166 alpha-2 country code such as JP',
  unitType: KYOTO_UNIT_TYPES.map((t) => `${t.code} ${t.label}`).join(', '),
  commitmentPeriod: listCodes(KYOTO_COMMITMENT_PERIODS),
  lulucfActivity: listCodes(KYOTO_LULUCF_ACTIVITIES),
  projectId: 'the numeric project identifier, required for unit types 3–7 and absent for AAU and RMU',
  track: `-T${KYOTO_TRACKS.join(' or -T')} after the project identifier (ERUs only)`,
  expiryDate: '-EYYYY-MM-DD, a real date (tCER and lCER only, and required for them)',
};

const WITH_AN = new Set(['AAU', 'RMU', 'ERU', 'lCER']);
const named = (type: KyotoUnitType) => `${WITH_AN.has(type.name) ? 'an' : 'a'} ${type.name}`;

/** Checks the per-type rules of SERIALS.md "Kyoto units" and returns the fields in canonical form. */
export function validateKyotoFields(raw: RawKyotoFields): KyotoFields {
  const party = raw.party.toUpperCase();
  if (!KYOTO_PARTY_CODES.has(party)) {
    throw invalidSerial(`${quote(party)} is not an ISO 3166 alpha-2 country code`, 'serial.party', EXPECTED.party);
  }
  const unitType = raw.unitType.length === 1 ? findKyotoUnitType(Number(raw.unitType)) : undefined;
  if (!unitType) {
    throw invalidSerial(`unit type ${raw.unitType} is not a Kyoto unit type`, 'serial.unitType', EXPECTED.unitType);
  }
  const originalCommitmentPeriod = readCode(raw.originalCommitmentPeriod, KYOTO_COMMITMENT_PERIODS, 'originalCommitmentPeriod');
  const applicableCommitmentPeriod = readCode(raw.applicableCommitmentPeriod, KYOTO_COMMITMENT_PERIODS, 'applicableCommitmentPeriod');
  if (applicableCommitmentPeriod < originalCommitmentPeriod) {
    throw invalidSerial(
      `applicable commitment period ${applicableCommitmentPeriod} is before the original commitment period ${originalCommitmentPeriod}`,
      'serial.applicableCommitmentPeriod',
      'an applicable commitment period >= the original one',
    );
  }
  const lulucfActivity = readCode(raw.lulucfActivity, KYOTO_LULUCF_ACTIVITIES, 'lulucfActivity');
  if (unitType.requiresLulucfActivity && lulucfActivity === 0) {
    throw invalidSerial(
      `${named(unitType)} (unit type ${unitType.code}) needs a LULUCF activity other than 0`,
      'serial.lulucfActivity',
      EXPECTED.lulucfActivity,
    );
  }
  return {
    party,
    unitType,
    originalCommitmentPeriod,
    applicableCommitmentPeriod,
    lulucfActivity,
    projectId: readProjectId(raw.projectId, unitType),
    track: readTrack(raw.track, unitType),
    expiryDate: readExpiryDate(raw.expiryDate, unitType),
  };
}

function readCode(digits: string, codes: ReadonlyMap<number, string>, field: keyof RawKyotoFields): number {
  const code = digits.length === 1 ? Number(digits) : NaN;
  if (!codes.has(code)) {
    const expected = codes === KYOTO_LULUCF_ACTIVITIES ? EXPECTED.lulucfActivity : EXPECTED.commitmentPeriod;
    throw invalidSerial(`${KYOTO_FIELD_LABELS[field]} ${digits} is not one of ${expected}`, `serial.${field}`, expected);
  }
  return code;
}

function readProjectId(digits: string | undefined, unitType: KyotoUnitType): string | null {
  // Leading zeros carry no meaning in a numeric identifier; an all-zero one reads as "none".
  const projectId = digits === undefined ? null : digits.replace(/^0+/, '') || null;
  if (unitType.requiresProjectId && projectId === null) {
    throw invalidSerial(`${named(unitType)} needs a project identifier`, 'serial.projectId', EXPECTED.projectId);
  }
  if (!unitType.requiresProjectId && projectId !== null) {
    throw invalidSerial(`${named(unitType)} carries no project identifier, got ${projectId}`, 'serial.projectId', EXPECTED.projectId);
  }
  return projectId;
}

function readTrack(digits: string | undefined, unitType: KyotoUnitType): number | null {
  if (digits === undefined) return null;
  if (!unitType.mayCarryTrack) {
    throw invalidSerial(`only ERUs carry a track; ${named(unitType)} does not`, 'serial.track', EXPECTED.track);
  }
  const track = digits.length === 1 ? Number(digits) : NaN;
  if (!KYOTO_TRACKS.includes(track)) {
    throw invalidSerial(`track ${digits} is neither 1 nor 2`, 'serial.track', EXPECTED.track);
  }
  return track;
}

function readExpiryDate(text: string | undefined, unitType: KyotoUnitType): string | null {
  if (text === undefined) {
    if (unitType.requiresExpiryDate) {
      throw invalidSerial(`${named(unitType)} needs an expiry date`, 'serial.expiryDate', EXPECTED.expiryDate);
    }
    return null;
  }
  if (!unitType.requiresExpiryDate) {
    throw invalidSerial(`only tCER and lCER carry an expiry date; ${named(unitType)} does not`, 'serial.expiryDate', EXPECTED.expiryDate);
  }
  const [year, month, day] = text.split('-').map(Number);
  if (!isCalendarDate(year!, month!, day!)) {
    throw invalidSerial(`expiry date ${text} is not a real date`, 'serial.expiryDate', EXPECTED.expiryDate);
  }
  return text;
}

/** The first constant field on which the two ends of a block differ, ignoring case and leading zeros. */
export function firstDifference(a: RawKyotoFields, b: RawKyotoFields): keyof RawKyotoFields | undefined {
  return KYOTO_FIELD_ORDER.find((field) => comparable(a[field]) !== comparable(b[field]));
}

const KYOTO_FIELD_ORDER = Object.keys(KYOTO_FIELD_LABELS) as (keyof RawKyotoFields)[];

function comparable(value: string | undefined): string {
  return value === undefined ? '' : value.toUpperCase().replace(/^0+(?=\d)/, '');
}
