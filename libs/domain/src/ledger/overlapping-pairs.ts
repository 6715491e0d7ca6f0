/** A block as far as overlap goes: its namespace and inclusive bounds. */
export interface Bounded {
  readonly namespace: string;
  readonly start: bigint;
  readonly end: bigint;
}

/**
 * Every pair of blocks that share a namespace and at least one serial, each pair once, in the order
 * of the first block's start. Live blocks never overlap, except pairs the serial-identity migration
 * found recorded twice under two labels: those are what this finds (`ledger duplicates`). Blocks that
 * start together keep their input order (the sort is stable).
 */
export function overlappingPairs<B extends Bounded>(blocks: readonly B[]): [B, B][] {
  const sorted = [...blocks].sort((a, b) =>
    a.namespace < b.namespace ? -1 : a.namespace > b.namespace ? 1 : a.start < b.start ? -1 : a.start > b.start ? 1 : 0,
  );
  const pairs: [B, B][] = [];
  let active: B[] = [];
  for (const block of sorted) {
    active = active.filter((a) => a.namespace === block.namespace && a.end >= block.start);
    for (const earlier of active) pairs.push([earlier, block]);
    active.push(block);
  }
  return pairs;
}
