import { createHash } from 'node:crypto';

/** RFC 9162 §2.1.1 hashing (SHA-256, the 0x00 leaf and 0x01 node prefixes keep the two apart). */
export const HASH_SIZE = 32;

/** MTH({}) = SHA-256 of the empty string (RFC 9162 §2.1.1). */
export const EMPTY_ROOT: Buffer = createHash('sha256').digest();

/** SHA-256(0x00 ‖ bytes). */
export function leafHash(bytes: Uint8Array): Buffer {
  return createHash('sha256').update(Buffer.of(0)).update(bytes).digest();
}

/** SHA-256(0x01 ‖ left ‖ right). */
export function nodeHash(left: Uint8Array, right: Uint8Array): Buffer {
  return createHash('sha256').update(Buffer.of(1)).update(left).update(right).digest();
}

/**
 * A perfect aligned subtree: the 2^level leaves [index·2^level, (index+1)·2^level). Level 0 is a
 * leaf hash. The store keeps the hash of every such subtree once its last leaf is appended.
 */
export interface NodeId {
  readonly level: number;
  readonly index: number;
}

export interface NodeWithHash extends NodeId {
  readonly hash: Buffer;
}

/** The map key a hash source answers with: `<level>/<index>`. */
export const nodeKey = (id: NodeId): string => `${id.level}/${id.index}`;

/** Tree sizes and indexes are JavaScript safe integers (< 2^53): plenty for a journal. */
export function assertTreeSize(value: number, what: string): void {
  if (!Number.isSafeInteger(value) || value < 0) throw new RangeError(`${what} must be a non-negative safe integer, got ${value}`);
}

/** The largest power of two strictly below n (n ≥ 2): RFC 9162's split point k. */
export function splitPoint(n: number): number {
  let k = 1;
  while (k * 2 < n) k *= 2;
  return k;
}

/**
 * The perfect aligned subtrees that make up the leaves [start, start + count), largest first, when
 * start is a multiple of a power of two ≥ count (every range an RFC 9162 proof names is).
 */
export function rangeNodes(start: number, count: number): NodeId[] {
  const nodes: NodeId[] = [];
  let level = 0;
  while (2 ** (level + 1) <= count) level++;
  let position = start;
  for (; level >= 0; level--) {
    const size = 2 ** level;
    if (position + size > start + count) continue;
    if (position % size !== 0) throw new RangeError(`[${start}, ${start + count}) is not an aligned range`);
    nodes.push({ level, index: position / size });
    position += size;
  }
  return nodes;
}

/** MTH of such a range: the right fold of its subtrees' hashes (RFC 9162 §2.1.1 applied to the decomposition). */
export function foldRange(hashes: readonly Buffer[]): Buffer {
  if (hashes.length === 0) return EMPTY_ROOT;
  let result = hashes[hashes.length - 1];
  for (let i = hashes.length - 2; i >= 0; i--) result = nodeHash(hashes[i], result);
  return result;
}
