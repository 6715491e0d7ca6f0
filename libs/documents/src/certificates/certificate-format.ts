import { japanWallClock } from '@registry/domain';
import type { CertificateBlock, CertificateDocument } from '@registry/ledger';

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
