import { SerialRange } from '../serials/serial-range';

/** A live block as the ledger's rules see it. */
export interface LiveBlock {
  readonly range: SerialRange;
}

/** A part of an asked range: inside one live block, or `unknown` to the ledger (block undefined). */
export interface Segment<B extends LiveBlock> {
  readonly range: SerialRange;
  readonly block?: B;
}

/**
 * Live blocks never overlap, except pairs the serial-identity migration kept because the same
 * serials were recorded twice (`ledger duplicates`). For showing a status, the record that starts
 * first (the older, when both start together) stands for the pair until an administrator voids one.
 */
export function firstOfOverlapping<B extends LiveBlock>(blocks: readonly B[]): B[] {
  const kept: B[] = [];
  for (const block of [...blocks].sort((a, b) => (a.range.start < b.range.start ? -1 : a.range.start > b.range.start ? 1 : 0))) {
    if (!kept.some((k) => k.range.overlaps(block.range))) kept.push(block);
  }
  return kept;
}

/**
 * Cuts `asked` into consecutive segments that cover it exactly, in order. `blocks` are the live
 * blocks of the same namespace that overlap it; live blocks are disjoint, which the schema ensures.
 */
export function segmentRange<B extends LiveBlock>(asked: SerialRange, blocks: readonly B[]): Segment<B>[] {
  const sorted = [...blocks].filter((b) => b.range.overlaps(asked)).sort((a, b) => SerialRange.compare(a.range, b.range));
  const segments: Segment<B>[] = [];
  let cursor = asked.start;
  for (const block of sorted) {
    const part = block.range.intersect(asked)!;
    if (part.start < cursor) throw new Error('live blocks overlap: the ledger invariant is broken');
    if (part.start > cursor) segments.push({ range: new SerialRange(cursor, part.start - 1n) });
    segments.push({ range: part, block });
    cursor = part.end + 1n;
  }
  if (cursor <= asked.end) segments.push({ range: new SerialRange(cursor, asked.end) });
  return segments;
}

/**
 * Joins neighbours that a caller cannot tell apart: contiguous (previous end + 1 = next start) and
 * equal in every field but `range`. Run it on segments as the caller sees them, after redaction,
 * so that what is compared is exactly what is shown (held blocks of two holders are one segment to
 * someone who may not see holders). Fields are plain values compared with `===`; an absent field
 * equals an undefined one, as JSON drops both. Order is kept; nothing is sorted.
 */
export function mergeLookalikeSegments<S extends { readonly range: SerialRange }>(segments: readonly S[]): S[] {
  const merged: S[] = [];
  for (const segment of segments) {
    const last = merged[merged.length - 1];
    if (last && last.range.end + 1n === segment.range.start && sameVisibleFields(last, segment)) {
      merged[merged.length - 1] = { ...last, range: new SerialRange(last.range.start, segment.range.end) };
    } else {
      merged.push(segment);
    }
  }
  return merged;
}

/** Equal in every field but `range` (absent and undefined are the same). */
export function sameVisibleFields(a: { readonly range: SerialRange }, b: { readonly range: SerialRange }): boolean {
  const fields = new Set([...Object.keys(a), ...Object.keys(b)]);
  fields.delete('range');
  for (const field of fields) {
    if ((a as Record<string, unknown>)[field] !== (b as Record<string, unknown>)[field]) return false;
  }
  return true;
}

/** One page of a walk over an asked range: segments as the caller sees them, and where the next page starts. */
export interface SegmentPage<S> {
  /** Merged segments covering [asked.start, last segment's end] exactly, in order; at most the limit. */
  readonly segments: S[];
  /** The first serial of the next page; absent on the last page. */
  readonly next?: bigint;
}

/**
 * The first page of `asked` (whose start is where this page begins) with at most `limit` segments
 * after `view` (redaction) and merging. `blocks` are the live blocks overlapping `asked` as read with
 * a limit, ordered by start; `allRead` says the read returned fewer than its limit, so no other live
 * block overlaps `asked`. Otherwise only [asked.start, end of the last block read] is known.
 *
 * Pages tile `asked` exactly and depend only on the ledger, `asked.start`, the viewer and the limit.
 * A page ends on a complete segment whenever it can: the last segment of the known part may continue
 * into blocks not read yet, so it is left to the next page, unless it is the page's only segment (one
 * run of lookalike blocks longer than the read), which is cut at the end of the last block read; the
 * next page then starts with a segment that looks like this page's last one.
 */
export function segmentPage<B extends LiveBlock, S extends { readonly range: SerialRange }>(
  asked: SerialRange,
  blocks: readonly B[],
  allRead: boolean,
  view: (segment: Segment<B>) => S,
  limit: number,
): SegmentPage<S> {
  if (!Number.isInteger(limit) || limit < 1) throw new Error(`a page holds at least one segment; got limit ${limit}`);
  const lastRead = blocks[blocks.length - 1];
  const knownEnd = allRead || !lastRead || lastRead.range.end >= asked.end ? asked.end : lastRead.range.end;
  const visible = mergeLookalikeSegments(segmentRange(new SerialRange(asked.start, knownEnd), blocks).map(view));
  // More than a page: the last one kept is complete, as a different segment follows it.
  if (visible.length > limit) return pageEndingAt(visible.slice(0, limit), asked);
  if (knownEnd === asked.end) return { segments: visible };
  if (visible.length > 1) return pageEndingAt(visible.slice(0, -1), asked);
  return pageEndingAt(visible, asked);
}

function pageEndingAt<S extends { readonly range: SerialRange }>(segments: S[], asked: SerialRange): SegmentPage<S> {
  const end = segments[segments.length - 1].range.end;
  return end < asked.end ? { segments, next: end + 1n } : { segments };
}
