import { createHash } from 'node:crypto';
import { DomainError, type ParsedSerial } from '@registry/domain';

/**
 * The `cursor` of a paged serial status: where the next page starts, bound to the asked range.
 * Not secret (it only names a serial the caller could ask for directly); the tag catches a cursor
 * used with another serial, or one that was cut or edited, so the pages a client stitches together
 * always tile the range it asked for.
 */
const VERSION = 'v1';
const MAX_CURSOR_LENGTH = 200;

export function encodeStatusCursor(asked: ParsedSerial, from: bigint): string {
  return Buffer.from(`${VERSION}.${from}.${tag(asked, from)}`, 'utf8').toString('base64url');
}

/** The first serial of the page `cursor` asks for; 400 VALIDATION_FAILED naming `cursor` otherwise. */
export function decodeStatusCursor(cursor: unknown, asked: ParsedSerial): bigint {
  if (typeof cursor !== 'string' || cursor.length === 0 || cursor.length > MAX_CURSOR_LENGTH || !/^[A-Za-z0-9_-]+$/.test(cursor)) {
    throw badCursor('is not a cursor this endpoint gave out');
  }
  const match = /^v1\.(\d{1,19})\.([0-9a-f]{16})$/.exec(Buffer.from(cursor, 'base64url').toString('utf8'));
  if (!match) throw badCursor('is not a cursor this endpoint gave out');
  const from = BigInt(match[1]);
  if (from <= asked.range.start || from > asked.range.end || match[2] !== tag(asked, from)) {
    throw badCursor('belongs to another serial (or was altered): ask for the first page again, without cursor');
  }
  return from;
}

function tag(asked: ParsedSerial, from: bigint): string {
  const bound = [VERSION, asked.namespace, asked.range.start, asked.range.end, from].join('\n');
  return createHash('sha256').update(bound, 'utf8').digest('hex').slice(0, 16);
}

function badCursor(message: string): DomainError {
  return new DomainError('VALIDATION_FAILED', `cursor ${message}`, { errors: [{ field: 'cursor', message }] });
}
