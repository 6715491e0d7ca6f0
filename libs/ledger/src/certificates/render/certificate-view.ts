import { japanWallClock } from '@registry/domain';
/**
 * What the certificate renderers (PDF and the public verify page) take as input.
 *
 * `CertificateDocument` is the JSON of `GET /v1/certificates/{number}` (API.md "Certificates")
 * plus the fields the registry adds for display. Serial bounds and quantities are decimal strings,
 * never JS numbers; dates are `YYYY-MM-DD`, instants ISO 8601 UTC.
 */

export type CertificateStatus = 'valid' | 'revoked';

export interface CertificateHolder {
  id: string;
  name: string;
}

/** The managing registry's record of the retirement (e.g. the J-Credit registry's notice number). */
export interface CertificateEvidence {
  registry: string;
  reference: string;
}

export interface CertificateRevocation {
  reason: string;
  /** ISO 8601 instant. */
  at: string;
}

export interface CertificateClaim {
  /** `CN`, `CN_PLAN`, `CFP`, ... */
  type: string;
  /** The certification number, once the claim is certified. */
  number?: string | null;
  period: { start: string; end: string };
}

/** One retired serial block as printed on the certificate. */
export interface CertificateBlock {
  /** Canonical serial text. */
  serial: string;
  /** Scheme code, e.g. `JCREDIT`. */
  scheme: string;
  /** Display name, e.g. `J-クレジット` or `J-Credit`. */
  schemeName: string;
  /** Decimal string. */
  quantity: string;
  /** e.g. `t-CO2e`, `kWh`. */
  unit: string;
}

export interface CertificateDocument {
  number: string;
  status: CertificateStatus;
  issuedAt: string;
  retirementId: string;
  claimId: string | null;
  beneficiary: string;
  purpose: string;
  /** Decimal string: the total of all blocks. */
  quantity: string;
  /** Canonical serials. */
  serials: string[];
  /** Lowercase hex SHA-256 (see certificate-signature.ts). */
  digest: string;
  /** base64url Ed25519 signature of the digest bytes. */
  signature: string;
  keyId: string;

  // Display fields the registry adds. Optional because a certificate's signed body never changes:
  // one issued before a field existed still has to render.
  /** `YYYY-MM-DD`. */
  retiredOn?: string;
  holder?: CertificateHolder;
  evidence?: CertificateEvidence | null;
  /** Present when `status` is `revoked`. */
  revocation?: CertificateRevocation;
  claim?: CertificateClaim | null;
  blocks?: CertificateBlock[];
  /** Signed from the first version on; absent on certificates issued before versions (= 1). */
  version?: number;
  officialReference?: 'pending' | 'recorded';
  /** Derived when read: the claim certificate this retirement backs, with the claim's current status. */
  claimCertificate?: { number: string; status: string };
}

/** The blocks to print: `blocks`, or bare serials when the certificate has none. */
export function certificateBlocks(doc: CertificateDocument): CertificateBlock[] {
  if (doc.blocks && doc.blocks.length > 0) return doc.blocks;
  return (doc.serials ?? []).map((serial) => ({ serial, scheme: '', schemeName: '', quantity: '', unit: '' }));
}

/** The total with its unit when every block has the same one: `1,750 t-CO2e`. */
export function totalQuantity(doc: CertificateDocument): string {
  const units = [...new Set(certificateBlocks(doc).map((b) => b.unit).filter(Boolean))];
  return `${formatQuantity(doc.quantity)}${units.length === 1 ? ` ${units[0]}` : ''}`;
}

export type SegmentStatus = 'retired' | 'held' | 'unknown';

export interface SerialSegmentView {
  start: string;
  end: string;
  status: SegmentStatus;
  retirementId?: string;
  certificateNumber?: string;
  claimId?: string;
  retiredOn?: string;
  beneficiary?: string;
}

/** `GET /v1/serials/status` plus the asked serial and its scheme, for the public serial page. */
export interface SerialStatusView {
  serial: string;
  scheme: string;
  namespace: string;
  start: string;
  end: string;
  /** Cover [start, end] exactly, in order; or, when paged, [this page's start, its last segment's end]. */
  segments: SerialSegmentView[];
  /** Set when more segments follow this page. */
  nextCursor?: string;
}

/** `PUBLIC_BASE_URL/verify/{number}`: what the PDF's QR code points to. */
export function certificateVerifyUrl(baseUrl: string, number: string): string {
  return `${trimBase(baseUrl)}/verify/${encodeURIComponent(number)}`;
}

/** `baseUrl` without trailing slashes (`''` stays `''`, giving root-relative links). */
export function trimBase(baseUrl: string): string {
  return baseUrl.replace(/\/+$/, '');
}

/** `1000001` → `1,000,001`; keeps a fractional part; works on strings of any length (no floats). */
export function formatQuantity(value: string): string {
  const m = /^(-?)(\d+)(\.\d+)?$/.exec(value.trim());
  if (!m) return value;
  const [, sign, int, frac = ''] = m;
  return sign + int.replace(/\B(?=(\d{3})+(?!\d))/g, ',') + frac;
}

/** end − start + 1 of an inclusive range of decimal strings, as a decimal string; `''` if unreadable. */
export function rangeSize(start: string, end: string): string {
  if (!/^\d+$/.test(start) || !/^\d+$/.test(end)) return '';
  const size = BigInt(end) - BigInt(start) + 1n;
  return size > 0n ? size.toString() : '';
}

/**
 * `2026-03-01T09:30:00.000Z` → `2026-03-01 18:30 JST (UTC+9)`: the people who read certificates are in
 * Japan, and the zone is printed so nobody has to guess (Japan has no daylight saving time). Other
 * text is returned as given. The signed JSON keeps the instant in UTC.
 */
export function formatInstant(iso: string): string {
  const d = new Date(iso);
  if (Number.isNaN(d.getTime())) return iso;
  const japan = japanWallClock(d);
  return `${japan.slice(0, 10)} ${japan.slice(11, 16)} JST (UTC+9)`;
}
