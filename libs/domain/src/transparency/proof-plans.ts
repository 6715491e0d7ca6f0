import { assertTreeSize, foldRange, nodeKey, rangeNodes, splitPoint, type NodeId } from './merkle';

/**
 * What a store must fetch (`nodes`, every one a perfect aligned subtree it keeps, deduplicated) to
 * answer a root or a proof in one query, and how to put the answer together from them.
 */
export interface HashPlan<T> {
  readonly nodes: readonly NodeId[];
  /** Throws if `hash` has no answer for one of `nodes`. */
  assemble(hash: (id: NodeId) => Buffer): T;
}

export type RootPlan = HashPlan<Buffer>;
/** The proof's hashes in RFC 9162 order (from the leaf, or the old tree, towards the root). */
export type ProofPlan = HashPlan<Buffer[]>;

/** A half-open leaf range [start, start + count) whose MTH a proof or root needs. */
interface LeafRange {
  start: number;
  count: number;
}

function planFor(ranges: readonly LeafRange[]): ProofPlan {
  const parts = ranges.map((range) => rangeNodes(range.start, range.count));
  const unique = new Map<string, NodeId>();
  for (const node of parts.flat()) unique.set(nodeKey(node), node);
  return {
    nodes: [...unique.values()],
    assemble: (hash) => parts.map((nodes) => foldRange(nodes.map(hash))),
  };
}

/** MTH(D[0:size]) (RFC 9162 §2.1.1). */
export function rootPlan(size: number): RootPlan {
  assertTreeSize(size, 'the tree size');
  const plan = planFor(size === 0 ? [] : [{ start: 0, count: size }]);
  return { nodes: plan.nodes, assemble: (hash) => foldRange(plan.assemble(hash)) };
}

/** PATH(m, D[start:start+count]) of RFC 9162 §2.1.3.1, as the ranges whose MTHs it lists. */
function pathRanges(m: number, start: number, count: number): LeafRange[] {
  if (count <= 1) return [];
  const k = splitPoint(count);
  if (m < k) return [...pathRanges(m, start, k), { start: start + k, count: count - k }];
  return [...pathRanges(m - k, start + k, count - k), { start, count: k }];
}

/** The audit path of leaf `leafIndex` in the tree of `treeSize` leaves (RFC 9162 §2.1.3.1). */
export function inclusionPlan(leafIndex: number, treeSize: number): ProofPlan {
  assertTreeSize(leafIndex, 'the leaf index');
  assertTreeSize(treeSize, 'the tree size');
  if (leafIndex >= treeSize) throw new RangeError(`leaf ${leafIndex} is not in a tree of ${treeSize} leaves`);
  return planFor(pathRanges(leafIndex, 0, treeSize));
}

/** SUBPROOF(m, D[start:start+count], b) of RFC 9162 §2.1.4.1, as ranges. */
function subproofRanges(m: number, start: number, count: number, whole: boolean): LeafRange[] {
  if (m === count) return whole ? [] : [{ start, count }];
  const k = splitPoint(count);
  if (m <= k) return [...subproofRanges(m, start, k, whole), { start: start + k, count: count - k }];
  return [...subproofRanges(m - k, start + k, count - k, false), { start, count: k }];
}

/**
 * PROOF(m, D[n]) (RFC 9162 §2.1.4.1) that the tree of m leaves is a prefix of the tree of n. Empty
 * when m = n or m = 0 (nothing to prove: the RFC defines the proof for 0 < m < n).
 */
export function consistencyPlan(m: number, n: number): ProofPlan {
  assertTreeSize(m, 'the old tree size');
  assertTreeSize(n, 'the new tree size');
  if (m > n) throw new RangeError(`a tree of ${m} leaves cannot be a prefix of one of ${n}`);
  return planFor(m === 0 || m === n ? [] : subproofRanges(m, 0, n, true));
}

/**
 * Fetches node hashes by id. Answers a map keyed by `nodeKey(id)`; a missing key is an error
 * (the store must keep every perfect aligned subtree of the committed tree).
 */
export type NodeHashSource = (ids: readonly NodeId[]) => Promise<ReadonlyMap<string, Buffer>>;

async function run<T>(plan: HashPlan<T>, source: NodeHashSource): Promise<T> {
  const hashes = plan.nodes.length === 0 ? new Map<string, Buffer>() : await source(plan.nodes);
  return plan.assemble((id) => {
    const hash = hashes.get(nodeKey(id));
    if (!hash) throw new Error(`the hash source has no node ${nodeKey(id)}`);
    return hash;
  });
}

export const rootHash = async (size: number, source: NodeHashSource): Promise<Buffer> => run(rootPlan(size), source);

export const inclusionProof = async (leafIndex: number, treeSize: number, source: NodeHashSource): Promise<Buffer[]> =>
  run(inclusionPlan(leafIndex, treeSize), source);

export const consistencyProof = async (m: number, n: number, source: NodeHashSource): Promise<Buffer[]> => run(consistencyPlan(m, n), source);
