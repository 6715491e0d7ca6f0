import { assertTreeSize, foldRange, nodeHash, rangeNodes, type NodeId, type NodeWithHash } from './merkle';

/** The perfect aligned subtrees of a tree of `size` leaves, largest first: its right edge. */
export const frontierIds = (size: number): NodeId[] => {
  assertTreeSize(size, 'the tree size');
  return rangeNodes(0, size);
};

/**
 * The sequencer's incremental tree: only the right edge, enough to append and to compute the root
 * (a compact range, as Trillian calls it). Restore it with the hashes of `frontierIds(size)`.
 */
export class MerkleFrontier {
  private readonly edge: NodeWithHash[];
  private leaves: number;

  constructor(size = 0, edgeHashes: readonly Buffer[] = []) {
    const ids = frontierIds(size);
    if (edgeHashes.length !== ids.length) throw new RangeError(`a tree of ${size} leaves has ${ids.length} edge hashes, got ${edgeHashes.length}`);
    this.edge = ids.map((id, i) => ({ ...id, hash: edgeHashes[i] }));
    this.leaves = size;
  }

  get size(): number {
    return this.leaves;
  }

  /** Appends the next leaf; answers every perfect aligned node this completes, the leaf (level 0) first. */
  append(leafHash: Buffer): NodeWithHash[] {
    let node: NodeWithHash = { level: 0, index: this.leaves, hash: leafHash };
    const completed = [node];
    for (let last = this.edge.at(-1); last && last.level === node.level; last = this.edge.at(-1)) {
      this.edge.pop();
      node = { level: node.level + 1, index: last.index / 2, hash: nodeHash(last.hash, node.hash) };
      completed.push(node);
    }
    this.edge.push(node);
    this.leaves += 1;
    return completed;
  }

  root(): Buffer {
    return foldRange(this.edge.map((node) => node.hash));
  }

  /** The current right edge, in `frontierIds(size)` order. */
  edgeNodes(): NodeWithHash[] {
    return [...this.edge];
  }
}
