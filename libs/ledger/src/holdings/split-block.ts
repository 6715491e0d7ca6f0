import type { SerialRange } from '@registry/domain';
import { newId } from '../ids';
import type { BlockRecord, Stores } from '../ports';
import { blockRange } from '../serials/block-view';

/**
 * Closes `block` and writes what replaces it: each taken part as `taken(range)` says, and every
 * remaining part as a held block of the same owner. Nothing is edited in place.
 */
export async function splitBlock(
  stores: Stores,
  seq: number,
  block: BlockRecord,
  takenRanges: readonly SerialRange[],
  taken: (range: SerialRange) => Partial<BlockRecord>,
): Promise<BlockRecord[]> {
  let remainder = [blockRange(block)];
  for (const part of takenRanges) remainder = remainder.flatMap((r) => r.subtract(part));
  await stores.blocks.close(block.id, seq, 'split');
  const pieces: BlockRecord[] = [
    ...takenRanges.map((range) => ({ ...piece(block, range, seq), ...taken(range) })),
    ...remainder.map((range) => piece(block, range, seq)),
  ];
  for (const p of pieces) await stores.blocks.insert(p);
  return pieces;
}

function piece(parent: BlockRecord, range: SerialRange, seq: number): BlockRecord {
  return { ...parent, id: newId(), start: range.start, end: range.end, parentId: parent.id, createdSeq: seq, identityDuplicate: false };
}
