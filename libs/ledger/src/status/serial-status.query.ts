import { Injectable } from '@nestjs/common';
import { firstOfOverlapping, segmentPage, SerialRange, type ParsedSerial, type SchemeCode, type SegmentPage } from '@registry/domain';
import { hasRole, type Actor } from '../actor';
import { UnitOfWork, type Stores } from '../ports';
import { blockRange } from '../serials/block-view';
import { parseRequestSerial } from '../serials/request-serials';
import { decodeStatusCursor, encodeStatusCursor } from './status-cursor';

export interface StatusSegment {
  start: string;
  end: string;
  status: 'retired' | 'held' | 'unknown';
  retirementId?: string;
  certificateNumber?: string;
  claimId?: string;
  retiredOn?: string;
  beneficiary?: string;
  holderId?: string;
}

/** What a viewer sees of a segment besides its bounds. */
type SegmentFields = Omit<StatusSegment, 'start' | 'end'>;

/** A segment as a viewer sees it, before its bounds become strings. */
export type VisibleSegment = SegmentFields & { range: SerialRange };

export interface SerialStatus {
  serial: string;
  scheme: string;
  namespace: string;
  start: string;
  end: string;
  segments: StatusSegment[];
  /** Set when segments remain after this page: pass it as `cursor` for the next page. */
  nextCursor?: string;
}

/** At most this many segments per answer (API.md "Serial status"). */
export const STATUS_PAGE_SEGMENTS = 1000;
/** Blocks one page reads: one more than a page can show, so that a full page ends on a complete segment. */
const PAGE_READ_BLOCKS = STATUS_PAGE_SEGMENTS + 1;

/**
 * Segments that cover the asked range exactly, one per run of serials that look alike to the viewer,
 * a page of at most STATUS_PAGE_SEGMENTS at a time. Holders are shown to auditors and to the holder.
 */
@Injectable()
export class SerialStatusQuery {
  constructor(private readonly uow: UnitOfWork) {}

  async execute(serial: string, viewer: Actor | undefined, scheme?: SchemeCode, cursor?: unknown): Promise<SerialStatus> {
    const parsed = parseRequestSerial(serial, 'serial', scheme);
    const from = cursor === undefined ? parsed.range.start : decodeStatusCursor(cursor, parsed);
    const page = await this.uow.read((stores) => statusPage(stores, parsed, viewer, from, STATUS_PAGE_SEGMENTS));
    return {
      ...statusHeader(parsed, page.scheme),
      segments: page.segments.map(toStatusSegment),
      ...(page.next !== undefined ? { nextCursor: encodeStatusCursor(parsed, page.next) } : {}),
    };
  }
}

/** `recorded`: the scheme the serials are on record under, which decides over any label the caller named. */
export function statusHeader(parsed: ParsedSerial, recorded: SchemeCode | null): Omit<SerialStatus, 'segments' | 'nextCursor'> {
  return {
    serial: parsed.canonical,
    scheme: recorded ?? parsed.scheme,
    namespace: parsed.namespace,
    start: String(parsed.range.start),
    end: String(parsed.range.end),
  };
}

/**
 * The page of the asked range that starts at `from`: at most `limit` segments, from one bounded
 * read of at most max(limit, STATUS_PAGE_SEGMENTS) + 1 blocks (see segmentPage for where it ends),
 * which also brings the scheme on record and each retired block's retirement (one statement).
 */
export async function statusPage(
  stores: Stores,
  parsed: ParsedSerial,
  viewer: Actor | undefined,
  from: bigint,
  limit: number,
): Promise<SegmentPage<VisibleSegment> & { scheme: SchemeCode | null }> {
  const asked = new SerialRange(from, parsed.range.end);
  const readLimit = Math.max(limit + 1, PAGE_READ_BLOCKS);
  const { scheme, blocks } = await stores.blocks.statusPage(parsed.namespace, asked.start, asked.end, readLimit);
  const ranged = firstOfOverlapping(blocks.map((b) => ({ ...b, range: blockRange(b) })));
  const seesHolders = hasRole(viewer, 'auditor');
  const seen = (block: (typeof ranged)[number] | undefined): SegmentFields => {
    if (!block) return { status: 'unknown' };
    if (block.status === 'held') {
      const mayKnow = seesHolders || (viewer?.kind === 'organization' && viewer.organizationId === block.ownerId);
      return { status: 'held', ...(mayKnow && block.ownerId ? { holderId: block.ownerId } : {}) };
    }
    const retirement = block.retirement!;
    return {
      status: 'retired',
      retirementId: retirement.id,
      certificateNumber: retirement.certificateNumber,
      ...(retirement.claimId ? { claimId: retirement.claimId } : {}),
      retiredOn: retirement.retiredOn,
      beneficiary: retirement.beneficiary,
    };
  };
  // Merged after redaction, so that neighbours this viewer cannot tell apart are one segment to it.
  const page = segmentPage(asked, ranged, blocks.length < readLimit, ({ range, block }) => ({ range, ...seen(block) }), limit);
  return { ...page, scheme };
}

export function toStatusSegment({ range, ...fields }: VisibleSegment): StatusSegment {
  return { start: String(range.start), end: String(range.end), ...fields };
}
