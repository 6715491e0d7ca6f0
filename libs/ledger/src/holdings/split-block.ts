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
  return splitBlocks(stores, seq, [{ block, ranges: takenRanges }], taken);
}

/** splitBlock for several blocks: all closed in one statement, all pieces written in another. */
export async function splitBlocks(
  stores: Stores,
  seq: number,
  cuts: readonly { block: BlockRecord; ranges: readonly SerialRange[] }[],
  taken: (range: SerialRange) => Partial<BlockRecord>,
): Promise<BlockRecord[]> {
  const pieces = cuts.flatMap(({ block, ranges }) => piecesOf(block, ranges, seq, taken));
  await stores.blocks.closeAll(cuts.map(({ block }) => block.id), seq, 'split');
  await stores.blocks.insertPieces(pieces);
  return pieces;
}

function piecesOf(block: BlockRecord, takenRanges: readonly SerialRange[], seq: number, taken: (range: SerialRange) => Partial<BlockRecord>): BlockRecord[] {
  let remainder = [blockRange(block)];
  for (const part of takenRanges) remainder = remainder.flatMap((r) => r.subtract(part));
  return [...takenRanges.map((range) => ({ ...piece(block, range, seq), ...taken(range) })), ...remainder.map((range) => piece(block, range, seq))];
}

function piece(parent: BlockRecord, range: SerialRange, seq: number): BlockRecord {
  return { ...parent, id: newId(), start: range.start, end: range.end, parentId: parent.id, createdSeq: seq, identityDuplicate: false };
}
