import { DomainError } from '../errors';

/** Id of the serial grammar (libs/domain/src/serials/grammars) that reads a scheme's serials. */
export type SerialGrammarId =
  | 'kyoto'
  | 'jcredit'
  | 'green'
  | 'verra'
  | 'gold-standard'
  | 'to-range'
  | 'cercarbono';

export type SchemeUnit = 't-CO2e' | 'kWh' | 'MJ';

export const SCHEME_CODES = [
  'KYOTO',
  'JVER',
  'JCREDIT',
  'REGIONAL_JCREDIT',
  'PREF_JVER',
  'DOMESTIC',
  'GREEN_CO2',
  'GREEN_POWER',
  'GREEN_HEAT',
  'VERRA',
  'GOLD_STANDARD',
  'ACR',
  'CAR',
  'ART',
  'CERCARBONO',
] as const;

export type SchemeCode = (typeof SCHEME_CODES)[number];

export interface Scheme {
  readonly code: SchemeCode;
  readonly nameJa: string;
  readonly nameEn: string;
  readonly unit: SchemeUnit;
  /** The registry that manages the scheme's units and issues retirement evidence. */
  readonly registry: string;
  readonly grammar: SerialGrammarId;
}

const J_CREDIT_REGISTRY = 'J-Credit registry (J-クレジット登録簿)';

const SCHEME_LIST: readonly Scheme[] = [
  {
    code: 'KYOTO',
    nameJa: '京都メカニズムクレジット（京都ユニット）',
    nameEn: 'Kyoto units (AAU, RMU, ERU, CER, tCER, lCER)',
    unit: 't-CO2e',
    registry: 'National registries under the Kyoto Protocol (Japan: 割当量口座簿)',
    grammar: 'kyoto',
  },
  {
    code: 'JVER',
    nameJa: 'オフセット・クレジット（J-VER）',
    nameEn: 'Offset Credit (J-VER)',
    unit: 't-CO2e',
    registry: J_CREDIT_REGISTRY,
    grammar: 'jcredit',
  },
  {
    code: 'JCREDIT',
    nameJa: 'J-クレジット',
    nameEn: 'J-Credit',
    unit: 't-CO2e',
    registry: J_CREDIT_REGISTRY,
    grammar: 'jcredit',
  },
  {
    code: 'REGIONAL_JCREDIT',
    nameJa: '地域版J-クレジット',
    nameEn: 'Regional J-Credit',
    unit: 't-CO2e',
    registry: J_CREDIT_REGISTRY,
    grammar: 'jcredit',
  },
  {
    code: 'PREF_JVER',
    nameJa: '都道府県J-VER',
    nameEn: 'Prefectural J-VER',
    unit: 't-CO2e',
    registry: J_CREDIT_REGISTRY,
    grammar: 'jcredit',
  },
  {
    code: 'DOMESTIC',
    nameJa: '国内クレジット',
    nameEn: 'Domestic Credit',
    unit: 't-CO2e',
    registry: J_CREDIT_REGISTRY,
    grammar: 'jcredit',
  },
  {
    code: 'GREEN_CO2',
    nameJa: 'グリーンエネルギーCO2削減相当量',
    nameEn: 'Green energy CO2 reduction equivalent',
    unit: 't-CO2e',
    registry: 'Green energy CO2 reduction equivalent certification scheme (グリーンエネルギーCO2削減相当量認証制度)',
    grammar: 'green',
  },
  {
    code: 'GREEN_POWER',
    nameJa: 'グリーン電力証書',
    nameEn: 'Green power certificate',
    unit: 'kWh',
    registry: 'Green Energy Certification Center (グリーンエネルギー認証センター)',
    grammar: 'green',
  },
  {
    code: 'GREEN_HEAT',
    nameJa: 'グリーン熱証書',
    nameEn: 'Green heat certificate',
    unit: 'MJ',
    registry: 'Green Energy Certification Center (グリーンエネルギー認証センター)',
    grammar: 'green',
  },
  {
    code: 'VERRA',
    nameJa: 'VCS（Verra）',
    nameEn: 'Verified Carbon Standard (Verra VCU)',
    unit: 't-CO2e',
    registry: 'Verra Registry',
    grammar: 'verra',
  },
  {
    code: 'GOLD_STANDARD',
    nameJa: 'ゴールド・スタンダード',
    nameEn: 'Gold Standard for the Global Goals',
    unit: 't-CO2e',
    registry: 'Gold Standard Impact Registry',
    grammar: 'gold-standard',
  },
  {
    code: 'ACR',
    nameJa: 'ACR（American Carbon Registry）',
    nameEn: 'ACR (American Carbon Registry)',
    unit: 't-CO2e',
    registry: 'ACR Registry',
    grammar: 'to-range',
  },
  {
    code: 'CAR',
    nameJa: 'クライメート・アクション・リザーブ',
    nameEn: 'Climate Action Reserve',
    unit: 't-CO2e',
    registry: 'Climate Action Reserve Registry',
    grammar: 'to-range',
  },
  {
    code: 'ART',
    nameJa: 'ART TREES',
    nameEn: 'Architecture for REDD+ Transactions (ART TREES)',
    unit: 't-CO2e',
    registry: 'ART Registry',
    grammar: 'to-range',
  },
  {
    code: 'CERCARBONO',
    nameJa: 'セルカルボノ',
    nameEn: 'Cercarbono',
    unit: 't-CO2e',
    registry: 'EcoRegistry (Cercarbono)',
    grammar: 'cercarbono',
  },
];

export const SCHEMES: readonly Scheme[] = Object.freeze(SCHEME_LIST.map((s) => Object.freeze({ ...s })));

const SCHEMES_BY_CODE: ReadonlyMap<string, Scheme> = new Map(SCHEMES.map((s) => [s.code, s]));

export function isSchemeCode(value: unknown): value is SchemeCode {
  return typeof value === 'string' && SCHEMES_BY_CODE.has(value);
}

/** Looks a scheme up by its code; an unknown code is the caller's error (400 UNKNOWN_SCHEME). */
export function findScheme(code: string): Scheme {
  const scheme = typeof code === 'string' ? SCHEMES_BY_CODE.get(code) : undefined;
  if (!scheme) {
    throw new DomainError('UNKNOWN_SCHEME', `unknown scheme ${JSON.stringify(String(code)).slice(0, 80)}`, {
      field: 'scheme',
      expected: `one of ${SCHEME_CODES.join(', ')}`,
    });
  }
  return scheme;
}
