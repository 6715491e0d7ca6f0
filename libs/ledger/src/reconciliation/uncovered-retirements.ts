import type { LedgerRange } from './reconciliation-types';

interface Part {
  readonly start: bigint;
  readonly end: bigint;
}

/**
 * Retirements recorded here against a registry, for the projects its export lists, that no row of
 * the export covers: when the export is the registry's full retirement list for those projects,
 * what remains at the end was retired here but not there. Each such block is seeded when the merge
 * reaches it and cut down by every row that overlaps it.
 */
export class UncoveredRetirements {
  private readonly blocks = new Map<string, { ledger: LedgerRange; parts: Part[] }>();

  seed(ledger: LedgerRange): void {
    this.blocks.set(ledger.blockId, { ledger, parts: [{ start: ledger.start, end: ledger.end }] });
  }

  cover(blockId: string, start: bigint, end: bigint): void {
    const entry = this.blocks.get(blockId);
    if (!entry) return;
    const left: Part[] = [];
    for (const part of entry.parts) {
      if (part.end < start || part.start > end) {
        left.push(part);
        continue;
      }
      if (part.start < start) left.push({ start: part.start, end: start - 1n });
      if (part.end > end) left.push({ start: end + 1n, end: part.end });
    }
    if (left.length === 0) this.blocks.delete(blockId);
    else entry.parts = left;
  }

  /** What no row covered, in the order the blocks were seeded (the ledger's order). */
  remaining(): { start: bigint; end: bigint; ledger: LedgerRange }[] {
    return [...this.blocks.values()].flatMap(({ ledger, parts }) => parts.map((part) => ({ ...part, ledger })));
  }
}
