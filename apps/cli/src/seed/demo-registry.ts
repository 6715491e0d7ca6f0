import { corporateNumberCheckDigit, findScheme, SCHEME_CODES, type OrganizationRole, type SchemeCode } from '@registry/domain';

/**
 * What `seed demo` writes: a small, realistic registry, the same on every run (only ids and the
 * dates that must follow today differ). Names and references are made up; serials follow each
 * scheme's grammar (/work/shared/SERIALS.md).
 */

/** A valid 法人番号 (check digit first) from a fixed 12-digit base. */
function corporateNumber(base12: string): string {
  return `${corporateNumberCheckDigit(base12)}${base12}`;
}

export type DemoOrgKey = 'providerA' | 'providerB' | 'applicantCn' | 'applicantCfp' | 'auditor' | 'certifier' | 'verifier';

export interface DemoOrganization {
  key: DemoOrgKey;
  name: string;
  roles: OrganizationRole[];
  corporateNumber?: string;
}

export const DEMO_ORGANIZATIONS: readonly DemoOrganization[] = [
  { key: 'providerA', name: '株式会社みどりカーボン', roles: ['provider'], corporateNumber: corporateNumber('010001203456') },
  { key: 'providerB', name: '日本オフセット・パートナーズ株式会社', roles: ['provider'], corporateNumber: corporateNumber('020001157890') },
  { key: 'applicantCn', name: '株式会社さくら製作所', roles: ['applicant'], corporateNumber: corporateNumber('080401012345') },
  { key: 'applicantCfp', name: '東海文具株式会社', roles: ['applicant'], corporateNumber: corporateNumber('180001054321') },
  { key: 'auditor', name: 'あおば監査法人', roles: ['auditor'], corporateNumber: corporateNumber('011005009876') },
  { key: 'certifier', name: '一般社団法人カーボン・オフセット認証機構', roles: ['certifier'] },
  { key: 'verifier', name: '株式会社日本温室効果ガス検証センター', roles: ['verifier'] },
];

/** Blocks held per scheme: 15 schemes × 200 = 3,000 blocks, alternately held by the two providers. */
export const BLOCKS_PER_SCHEME = 200;

/** Prints block `i` of a scheme as the serial of its units `start..end`. */
type SerialForm = (i: number, start: bigint, end: bigint) => string;

interface SchemeBlocks {
  form: SerialForm;
  /** First serial number of block 0; block i starts at base + i × step. */
  base: bigint;
  /** Units per block step (kWh and MJ certificates count many more units than tonnes). */
  scale: bigint;
  /** The serial's shape does not name the scheme alone (a regional J-Credit): label it. */
  labelled?: boolean;
}

const pick = <T>(values: readonly T[], i: number): T => values[i % values.length]!;
const pad = (n: number, width: number) => String(n).padStart(width, '0');
/** Kyoto units print each end in full (party-type-serial-periods-LULUCF[-project]), joined by " - ". */
const kyoto = ([lead, rest]: [string, string], s: bigint, e: bigint) => `${lead}-${s}-${rest} - ${lead}-${e}-${rest}`;

const SCHEME_BLOCKS: Record<SchemeCode, SchemeBlocks> = {
  // Even blocks: CERs from a Chinese CDM project; odd blocks: Japanese AAUs (compact form).
  KYOTO: { base: 1463953n, scale: 1n, form: (i, s, e) => kyoto(i % 2 === 0 ? ['CN-5', `2-2-0-${pick(['1234', '2307', '3051'], i)}`] : ['JP-1', '2-2-0'], s, e) },
  JVER: { base: 1n, scale: 1n, form: (i, s, e) => `JP-${pick(['FM', 'ER'], i)}-J${pad(101 + (i % 5), 4)}-${s}-${e}` },
  JCREDIT: { base: 1000001n, scale: 1n, form: (i, s, e) => `JCL-ERL-R${pad(12 + (i % 6), 3)}-${s}-${e}` },
  REGIONAL_JCREDIT: { base: 1n, scale: 1n, labelled: true, form: (i, s, e) => `JC-ER-G${pad(201 + (i % 3), 4)}-${s}-${e}` },
  PREF_JVER: { base: 1n, scale: 1n, form: (i, s, e) => `${pick(['KOC', 'NIG'], i)}-FM-K${pad(1 + (i % 4), 3)}-${s}-${e}` },
  DOMESTIC: { base: 1n, scale: 1n, form: (i, s, e) => (i % 2 === 0 ? `KC-KC-D${pad(301 + (i % 3), 4)}-${s}-${e}` : `KCP-KCP-P${pad(45 + (i % 3), 4)}-${s}-${e}`) },
  GREEN_CO2: { base: 1n, scale: 1n, form: (i, s, e) => `GEQ-2024${pad(1 + (i % 7), 3)}-${s}-${e}` },
  GREEN_POWER: { base: 1n, scale: 1000n, form: (i, s, e) => `GP-JQA01-2024${pad(120 + (i % 5), 6)}-${s}-${e}` },
  GREEN_HEAT: { base: 1001n, scale: 100n, form: (i, s, e) => `GH-JQA01-${77 + (i % 3)}-${s}-${e}` },
  VERRA: { base: 941412555n, scale: 1n, form: (i, s, e) => `${19381 + (i % 4)}-${s}-${e}-VCS-VCU-1310-VER-CN-13-3005-01012022-31102022-0` },
  GOLD_STANDARD: { base: 110n, scale: 1n, form: (i, s, e) => `GS1-1-KE-GS11603-16-2025-${30256 + (i % 3)}-${s}-${e}` },
  ACR: { base: 1n, scale: 1n, form: (i, s, e) => `ACR-US-1185-2025-${3078 + (i % 3)}-${s} to ${e}` },
  CAR: { base: 1n, scale: 1n, form: (i, s, e) => `CAR-1-US-1335-31-983-KS-2025-${9205 + (i % 3)}-${s} to ${e}` },
  ART: { base: 2759599n, scale: 1n, form: (i, s, e) => `ART-GY-102-2021-${11 + (i % 3)}-${s} to ${e}` },
  CERCARBONO: { base: 4426n, scale: 1n, form: (_i, s, e) => `CDC_1_1_1_321_14_1_2009 ${s} to ${e}` },
};

const STEP = 1000n;

/** Units in block i: 100 to 500 (times the scheme's scale), varied but fixed. */
function blockSize(i: number): bigint {
  return BigInt(100 + ((i * 37) % 401));
}

export interface DemoHolding {
  scheme: SchemeCode;
  index: number;
  owner: 'providerA' | 'providerB';
  serial: string;
  /** Passed as `scheme` only where the serial's shape does not tell it. */
  label?: SchemeCode;
  evidence: { registry: string; reference: string };
}

/** Block `index` of `scheme`, or the part of it from its first unit to `quantity` (scaled) units. */
export function demoSerial(scheme: SchemeCode, index: number, quantity?: bigint): string {
  const blocks = SCHEME_BLOCKS[scheme];
  const start = blocks.base + BigInt(index) * STEP * blocks.scale;
  const units = (quantity ?? blockSize(index)) * blocks.scale;
  if (units > blockSize(index) * blocks.scale) throw new Error(`block ${scheme} #${index} holds fewer than ${quantity} units`);
  return blocks.form(index, start, start + units - 1n);
}

export function demoLabel(scheme: SchemeCode): SchemeCode | undefined {
  return SCHEME_BLOCKS[scheme].labelled ? scheme : undefined;
}

/** Even blocks are provider A's, odd ones provider B's. */
export function demoOwner(index: number): 'providerA' | 'providerB' {
  return index % 2 === 0 ? 'providerA' : 'providerB';
}

export function* demoHoldings(): Generator<DemoHolding> {
  for (const scheme of SCHEME_CODES) {
    const registry = findScheme(scheme).registry;
    for (let index = 0; index < BLOCKS_PER_SCHEME; index++) {
      const owner = demoOwner(index);
      yield {
        scheme,
        index,
        owner,
        serial: demoSerial(scheme, index),
        label: demoLabel(scheme),
        evidence: { registry, reference: `${owner === 'providerA' ? 'MC' : 'NOP'}-STMT-${scheme}-${pad(index, 4)}` },
      };
    }
  }
}

/** A retirement of the first `quantity` units of a held block. */
export interface DemoRetirement {
  scheme: SchemeCode;
  index: number;
  quantity: bigint;
  beneficiary: string;
  purpose: string;
  /** The managing registry's cancellation record; absent: the retirement stays pending. */
  evidenceReference?: string;
  /** Backs the claim of this applicant. */
  forClaim?: 'cn' | 'cfp';
}

export const DEMO_RETIREMENTS: readonly DemoRetirement[] = [
  // The CN claim's 181 t: two J-Credit blocks, one from each provider, cancelled in the J-Credit registry.
  { scheme: 'JCREDIT', index: 0, quantity: 100n, beneficiary: '株式会社さくら製作所', purpose: 'カーボン・ニュートラル認証（CN）', evidenceReference: 'JC-CANCEL-2025-000812', forClaim: 'cn' },
  { scheme: 'JCREDIT', index: 1, quantity: 81n, beneficiary: '株式会社さくら製作所', purpose: 'カーボン・ニュートラル認証（CN）', evidenceReference: 'JC-CANCEL-2025-000813', forClaim: 'cn' },
  // The CFP product offset: 1 t for 400 ballpoint pens.
  { scheme: 'JCREDIT', index: 2, quantity: 1n, beneficiary: '東海文具株式会社', purpose: 'ボールペンのカーボン・オフセット（CFP）', evidenceReference: 'JC-CANCEL-2025-000955', forClaim: 'cfp' },
  // Voluntary retirements for customers, each with the registry's own record.
  { scheme: 'JVER', index: 0, quantity: 50n, beneficiary: '株式会社北海観光', purpose: 'イベントのカーボン・オフセット', evidenceReference: 'JC-CANCEL-2025-001024' },
  { scheme: 'VERRA', index: 1, quantity: 120n, beneficiary: '株式会社サンプル商事', purpose: '自主的なオフセット', evidenceReference: 'VCS-RET-2025-558812' },
  { scheme: 'GREEN_POWER', index: 0, quantity: 20n, beneficiary: '株式会社さくら製作所', purpose: '再生可能エネルギー電力の使用', evidenceReference: 'GEC-2025-0412' },
  { scheme: 'KYOTO', index: 0, quantity: 30n, beneficiary: '日本オフセット・パートナーズ株式会社', purpose: '自主的な償却', evidenceReference: 'JPRC-2025-0077' },
  // Retired here, waiting for Gold Standard's record: officialReference "pending".
  { scheme: 'GOLD_STANDARD', index: 0, quantity: 25n, beneficiary: '株式会社サンプル商事', purpose: '自主的なオフセット' },
];

/** The project the CN and CFP claims name (the J-Credit blocks above). */
export const DEMO_PROJECT = { project: 'R012', name: '〇〇町森林管理プロジェクト', region: '日本・高知県', projectType: '森林管理' };

/** The last complete Japanese fiscal year (April to March) before `today` (YYYY-MM-DD). */
export function lastFiscalYear(today: string): { start: string; end: string } {
  const year = Number(today.slice(0, 4));
  const endYear = today.slice(5) >= '04-01' ? year : year - 1;
  return { start: `${endYear - 1}-04-01`, end: `${endYear}-03-31` };
}

export function demoCnDraft(today: string) {
  return {
    type: 'CN' as const,
    boundary: '本社及び国内全事業所',
    targetPeriod: lastFiscalYear(today),
    baseYear: 2013,
    emissions: { scope1: '120.4', scope2: '60' },
    baseYearEmissions: '242.8',
    emissionSources: '都市ガス（ボイラー）、購入電力',
    calculationMethod: '燃料使用量×排出係数',
    creditProjects: [DEMO_PROJECT],
    declarations: { independentOfCertifierAndVerifier: true },
  };
}

export function demoCfpDraft(today: string) {
  return {
    type: 'CFP' as const,
    product: { name: 'ボールペン「さらさら」', cfpVerificationNumber: 'CV-AB01-001' },
    cfpPerUnitKg: '2.5',
    quantity: '400',
    period: lastFiscalYear(today),
    creditProjects: [DEMO_PROJECT],
    declarations: { notAntiSocialForce: true },
  };
}

const ACR_RETIREMENTS_HEADER = 'Credit Serial Numbers,Date Issued (GMT),Quantity of Credits,Status Effective (GMT),Retired on Behalf of,Retirement Reason,Project ID';

/**
 * ACR's public retirement list as provider A downloads it: it shows 40 credits of A's first ACR block
 * retired at ACR while this ledger still has them held, so reconciling it raises one alert
 * (retired_in_registry_held_here).
 */
export function demoAcrRetirementExport(): string {
  const serial = demoSerial('ACR', 0, 40n);
  return [ACR_RETIREMENTS_HEADER, `${serial},6/30/2025 7:43:26 PM,40,10/1/2025 2:15:00 AM,株式会社サンプル商事,Environmental Benefit,ACR1185`].join('\r\n');
}
