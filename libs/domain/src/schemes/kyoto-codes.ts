/**
 * Kyoto unit codes of the UNFCCC Data Exchange Standards (SERIALS.md "Kyoto units"), kept as data so
 * the grammar's per-type rules read from one table.
 */

export interface KyotoUnitType {
  readonly code: number;
  readonly name: 'AAU' | 'RMU' | 'ERU' | 'CER' | 'tCER' | 'lCER';
  /** Short label telling the two ERU types apart. */
  readonly label: string;
  readonly description: string;
  readonly requiresLulucfActivity: boolean;
  readonly requiresProjectId: boolean;
  readonly mayCarryTrack: boolean;
  readonly requiresExpiryDate: boolean;
}

const unitType = (
  code: number,
  name: KyotoUnitType['name'],
  label: string,
  description: string,
  rules: Partial<Omit<KyotoUnitType, 'code' | 'name' | 'label' | 'description'>> = {},
): KyotoUnitType =>
  Object.freeze({
    code,
    name,
    label,
    description,
    requiresLulucfActivity: false,
    requiresProjectId: false,
    mayCarryTrack: false,
    requiresExpiryDate: false,
    ...rules,
  });

export const KYOTO_UNIT_TYPES: readonly KyotoUnitType[] = Object.freeze([
  unitType(1, 'AAU', 'AAU', 'Assigned Amount Unit'),
  unitType(2, 'RMU', 'RMU', 'Removal Unit', { requiresLulucfActivity: true }),
  unitType(3, 'ERU', 'ERU from AAU', 'Emission Reduction Unit converted from an AAU', { requiresProjectId: true, mayCarryTrack: true }),
  unitType(4, 'ERU', 'ERU from RMU', 'Emission Reduction Unit converted from an RMU', {
    requiresLulucfActivity: true,
    requiresProjectId: true,
    mayCarryTrack: true,
  }),
  unitType(5, 'CER', 'CER', 'Certified Emission Reduction', { requiresProjectId: true }),
  unitType(6, 'tCER', 'tCER', 'temporary CER', { requiresProjectId: true, requiresExpiryDate: true }),
  unitType(7, 'lCER', 'lCER', 'long-term CER', { requiresProjectId: true, requiresExpiryDate: true }),
]);

/** Kyoto units always carry supplementary unit type 0; the text form does not print it. */
export const KYOTO_SUPPLEMENTARY_UNIT_TYPE = 0;

export const KYOTO_LULUCF_ACTIVITIES: ReadonlyMap<number, string> = new Map([
  [0, 'none'],
  [1, 'afforestation and reforestation'],
  [2, 'deforestation'],
  [3, 'forest management'],
  [4, 'cropland management'],
  [5, 'grazing land management'],
  [6, 'revegetation'],
  [7, 'wetland drainage and rewetting'],
]);

export const KYOTO_COMMITMENT_PERIODS: ReadonlyMap<number, string> = new Map([
  [0, '2005–2007'],
  [1, '2008–2012'],
  [2, '2013–2020'],
]);

export const KYOTO_TRACKS: readonly number[] = Object.freeze([1, 2]);

export function findKyotoUnitType(code: number): KyotoUnitType | undefined {
  return KYOTO_UNIT_TYPES[code - 1];
}
