import { DomainError } from '@registry/domain';
import iconv from 'iconv-lite';

/** `auto`: UTF-8 when the file's first bytes are UTF-8, else Shift_JIS (what Excel in Japanese saves as CSV). */
export type TextCharset = string | 'auto';

const ZIP_SIGNATURE = Buffer.from([0x50, 0x4b, 0x03, 0x04]);
/** Bytes looked at to tell UTF-8 from Shift_JIS: a statement's header and first rows. */
const SNIFF_BYTES = 64 * 1024;

/** A charset label iconv-lite can decode: what a Content-Type, a form or --charset may name (`auto` is not a charset). */
export function isKnownCharset(charset: string): boolean {
  return iconv.encodingExists(charset);
}

export function assertKnownCharset(charset: string, field: string): void {
  if (isKnownCharset(charset)) return;
  throw new DomainError('VALIDATION_FAILED', `${field}: charset ${charset} is not known`, { errors: [{ field, message: `charset ${charset} is not known` }] });
}

/** UTF-8 or Shift_JIS, from the first bytes of a text file (a UTF-8 BOM, or bytes that are valid UTF-8). */
export function sniffCharset(head: Buffer): 'utf-8' | 'shift_jis' {
  const sample = head.subarray(0, SNIFF_BYTES);
  try {
    // stream: true lets a character cut at the end of the sample pass; anything else not UTF-8 throws.
    new TextDecoder('utf-8', { fatal: true }).decode(sample, { stream: true });
    return 'utf-8';
  } catch {
    return 'shift_jis';
  }
}

function isUtf8(charset: string): boolean {
  return /^utf-?8$/i.test(charset);
}

/**
 * A text file's bytes (a statement, a registry's export) as UTF-8, decoded from `charset` as they
 * arrive (constant memory: a character cut between two chunks is finished by the next). An .xlsx
 * workbook (a ZIP file) passes unchanged, whatever the charset says: it carries its own.
 */
export async function* decodeToUtf8(source: AsyncIterable<Buffer | string>, charset: TextCharset): AsyncGenerator<Buffer> {
  if (charset !== 'auto') assertKnownCharset(charset, 'charset');
  let decoder: ReturnType<typeof iconv.getDecoder> | null | undefined;
  for await (const piece of source) {
    const chunk = typeof piece === 'string' ? Buffer.from(piece, 'utf8') : piece;
    if (decoder === undefined) {
      const chosen = charset === 'auto' ? sniffCharset(chunk) : charset;
      decoder = chunk.subarray(0, 4).equals(ZIP_SIGNATURE) || isUtf8(chosen) ? null : iconv.getDecoder(chosen);
    }
    if (decoder === null) yield chunk;
    else {
      const text = decoder.write(chunk);
      if (text.length > 0) yield Buffer.from(text, 'utf8');
    }
  }
  const rest = decoder ? decoder.end() : undefined;
  if (rest) yield Buffer.from(rest, 'utf8');
}
