import { Injectable } from '@nestjs/common';
import { DomainError, mergeLookalikeSegments, type ParsedSerial, type SchemeCode } from '@registry/domain';
import type { Actor } from '../actor';
import { UnitOfWork, type Stores } from '../ports';
import { assertSerialCount, parseRequestSerial } from '../serials/request-serials';
import {
  statusHeader,
  statusPage,
  STATUS_PAGE_SEGMENTS,
  toStatusSegment,
  type SerialStatus,
  type StatusSegment,
  type VisibleSegment,
} from './serial-status.query';

/** At most this many segments in one bulk answer, over all its rows (API.md "Serial status"). */
export const MAX_CHECK_SEGMENTS = 10_000;

/** A row that could not be read, answered in its place. */
export interface SerialCheckError {
  serial: string;
  error: { code: string; message: string };
}

export type SerialCheckItem = Omit<SerialStatus, 'nextCursor'> | SerialCheckError;

/**
 * Bulk status for auditors: one status object per serial, in request order, each whole (not paged).
 * A row that is not a readable serial gets an error object in its place. The answer is built page by
 * page and refused (400) as soon as it would pass MAX_CHECK_SEGMENTS, so memory stays bounded.
 */
@Injectable()
export class CheckSerialsQuery {
  constructor(private readonly uow: UnitOfWork) {}

  async execute(serials: readonly string[], viewer: Actor): Promise<{ items: SerialCheckItem[] }> {
    assertSerialCount(serials.length);
    const rows = serials.map((serial, i) => readRow(serial, i));
    return this.uow.read(async (stores) => {
      const items: SerialCheckItem[] = [];
      let budget = MAX_CHECK_SEGMENTS;
      for (const [i, row] of rows.entries()) {
        if ('error' in row) {
          items.push(row);
          continue;
        }
        const { segments, scheme } = await wholeStatus(stores, row, viewer, budget, i);
        budget -= segments.length;
        items.push({ ...statusHeader(row, scheme), segments });
      }
      return { items };
    });
  }
}

function readRow(serial: string, i: number): ParsedSerial | SerialCheckError {
  try {
    return parseRequestSerial(serial, `serials[${i}]`);
  } catch (error) {
    if (!(error instanceof DomainError)) throw error;
    return { serial, error: { code: error.code, message: error.message } };
  }
}

/**
 * Every segment of one row, walked page by page; throws once they pass `budget`. A lookalike run
 * longer than one read comes back cut across pages: its parts are joined again here.
 */
async function wholeStatus(stores: Stores, parsed: ParsedSerial, viewer: Actor, budget: number, row: number): Promise<{ segments: StatusSegment[]; scheme: SchemeCode | null }> {
  const segments: VisibleSegment[] = [];
  let scheme: SchemeCode | null = null;
  let from: bigint | undefined = parsed.range.start;
  while (from !== undefined) {
    // One more than the budget allows: the first segment of a page may join the last one so far.
    const page = await statusPage(stores, parsed, viewer, from, budget - segments.length + 1);
    scheme = page.scheme;
    const [first, ...rest] = page.segments;
    segments.push(...mergeLookalikeSegments([...segments.splice(-1), first]), ...rest);
    if (segments.length > budget) throw tooManySegments(row);
    from = page.next;
  }
  return { segments: segments.map(toStatusSegment), scheme };
}

function tooManySegments(row: number): DomainError {
  const message =
    `the answer would hold more than ${MAX_CHECK_SEGMENTS} segments (passed at serials[${row}]); ` +
    `ask for fewer serials, or page through GET /v1/serials/status?serial=… (${STATUS_PAGE_SEGMENTS} segments a page, then &cursor=<nextCursor>)`;
  return new DomainError('VALIDATION_FAILED', message, {
    errors: [{ field: 'serials', message: `more than ${MAX_CHECK_SEGMENTS} segments in all` }],
    limit: MAX_CHECK_SEGMENTS,
  });
}
