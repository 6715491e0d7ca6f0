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
