import type { SchemeCode } from './scheme-catalog';

/**
 * J-Credit registry family data (SERIALS.md "J-Credit registry family").
 * The positional layout is *unconfirmed*: until a real retirement notice settles it, every fact the
 * J-Credit grammar relies on lives here so a correction is a one-file change.
 */

export interface JCreditSymbol {
  /** 制度記号, the first part of the serial. */
  readonly symbol: string;
  /** The scheme the symbol denotes when the request gives no scheme. */
  readonly scheme: SchemeCode;
  /** Whether an explicit `REGIONAL_JCREDIT` scheme may claim a serial carrying this symbol. */
  readonly regionalJCreditAllowed: boolean;
  readonly description: string;
}

export const JCREDIT_SYMBOLS: readonly JCreditSymbol[] = Object.freeze([
  { symbol: 'JC', scheme: 'JCREDIT', regionalJCreditAllowed: true, description: 'J-Credit' },
  {
    symbol: 'JCL',
    scheme: 'JCREDIT',
    regionalJCreditAllowed: true,
    description: 'J-Credit usable for the Keidanren carbon-neutral action plan',
  },
  { symbol: 'KC', scheme: 'DOMESTIC', regionalJCreditAllowed: false, description: 'Domestic Credit (regular project)' },
  {
    symbol: 'KCP',
    scheme: 'DOMESTIC',
    regionalJCreditAllowed: false,
    description: 'Domestic Credit (program-type project)',
  },
  { symbol: 'JP', scheme: 'JVER', regionalJCreditAllowed: false, description: 'J-VER' },
  // Prefectural symbols: SERIALS.md names only these two ("NIG, KOC, …"); add others here as they are confirmed.
  { symbol: 'NIG', scheme: 'PREF_JVER', regionalJCreditAllowed: true, description: 'Niigata prefectural J-VER' },
  { symbol: 'KOC', scheme: 'PREF_JVER', regionalJCreditAllowed: true, description: 'Kochi prefectural J-VER' },
] satisfies JCreditSymbol[]);

/** クレジット種別 seen on J-Credit family serials. */
export const JCREDIT_CREDIT_TYPES: readonly string[] = Object.freeze(['ER', 'ERL', 'FM', 'KC', 'KCP', 'JRM', 'KRM']);

export interface JCreditLayoutField {
  readonly name: string;
  /** Regular-expression source (no groups, no anchors) matched case-insensitively. */
  readonly pattern: string;
  readonly description: string;
}

/**
 * Canonical text form `<symbol>-<creditType>-<certificationNo>-<start>-<end>`: the constant fields
 * below, in order, then the inclusive start and end serial numbers.
 */
export const JCREDIT_SERIAL_LAYOUT = Object.freeze({
  example: 'JCL-ERL-R012-1000001-1000500',
  separator: '-',
  constantFields: Object.freeze([
    { name: 'symbol', pattern: '[A-Z]{2,4}', description: 'scheme symbol (制度記号) such as JCL' },
    { name: 'creditType', pattern: '[A-Z]{2,4}', description: 'credit type (クレジット種別) such as ERL' },
    { name: 'certificationNo', pattern: '[A-Z0-9]{1,20}', description: '1–20 letters and digits' },
  ] satisfies JCreditLayoutField[]),
});

const SYMBOLS_BY_CODE: ReadonlyMap<string, JCreditSymbol> = new Map(JCREDIT_SYMBOLS.map((s) => [s.symbol, s]));

export function findJCreditSymbol(symbol: string): JCreditSymbol | undefined {
  return SYMBOLS_BY_CODE.get(symbol);
}
