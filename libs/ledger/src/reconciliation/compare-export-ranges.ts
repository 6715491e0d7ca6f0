import { beneficiariesDisagree, datesDisagree } from './retirement-facts';
import type { ExportRange, LedgerRange, RangeOutcome } from './reconciliation-types';

export interface CompareOptions {
  /** Whether the ledger's retirement names, as its evidence, the registry whose export this is. */
  readonly evidenceFromThisRegistry: (ledger: LedgerRange, row: ExportRange) => boolean;
}

/* A million rows do not each wait on a promise: the merge awaits only when the cursor must read a page. */

/** Ledger blocks in (namespace, start) order, pulled as the merge needs them (pages from the database). */
export interface LedgerCursor {
  /** The next block, without waiting when it is already read (`NOT_READ` otherwise: then `peek()`). */
  peekReady(): LedgerRange | undefined | typeof NOT_READ;
  peek(): Promise<LedgerRange | undefined>;
  take(): Promise<LedgerRange | undefined>;
  /** Moves past the block `peekReady` or `peek` just gave. */
  advance(): void;
}

export const NOT_READ = Symbol('NOT_READ');


function order(a: { namespace: string; start: bigint }, b: { namespace: string; start: bigint }): number {
  if (a.namespace !== b.namespace) return a.namespace < b.namespace ? -1 : 1;
  return a.start < b.start ? -1 : a.start > b.start ? 1 : 0;
}

/**
 * Sorts in place by (namespace, start, row). A million rows: grouped by namespace first (a map,
 * no comparisons), then each group by start.
 */
export function sortExportRanges(rows: ExportRange[]): ExportRange[] {
  const groups = new Map<string, ExportRange[]>();
  for (const row of rows) {
    const group = groups.get(row.namespace);
    if (group) group.push(row);
    else groups.set(row.namespace, [row]);
  }
  const byStart = (a: ExportRange, b: ExportRange) => (a.start < b.start ? -1 : a.start > b.start ? 1 : a.row - b.row);
  let at = 0;
  for (const namespace of [...groups.keys()].sort()) {
    const group = groups.get(namespace)!;
    group.sort(byStart);
    for (const row of group) rows[at++] = row;
  }
  return rows;
}

export function arrayCursor(blocks: readonly LedgerRange[]): LedgerCursor {
  const sorted = [...blocks].sort(order);
  let at = 0;
  return { peekReady: () => sorted[at], peek: async () => sorted[at], take: async () => sorted[at++], advance: () => void at++ };
}

/**
 * Compares export rows with ledger blocks in one merge pass, both in (namespace, start) order:
 * every overlap of a row and a block is one part. Live blocks never overlap each other, so a block
 * that ends before a row starts is done with; export rows may overlap (an issuance row and the
 * retirement rows cut from it), so the blocks a row reaches stay in a window for the next rows.
 *
 * - retired (or cancelled) there, retired here: matched, then the beneficiary and the date are compared;
 * - retired there, held here: `retired_in_registry_held_here`;
 * - live there (an issuance/holding row), retired here with that registry's evidence: `retired_here_not_in_registry`.
 * Parts the ledger does not know are not compared: the ledger records only what it is told.
 */
export async function compareExportRanges(
  sortedRows: Iterable<ExportRange>,
  ledger: LedgerCursor,
  options: CompareOptions,
  emit: (outcome: RangeOutcome) => void | Promise<void>,
): Promise<void> {
  let window: LedgerRange[] = [];
  /** Blocks before `first` in the window end before the current row: done with. */
  let first = 0;
  let namespace: string | undefined;
  for (const row of sortedRows) {
    if (row.namespace !== namespace) {
      namespace = row.namespace;
      window = [];
      first = 0;
      // Skip the blocks of namespaces no row names.
      for (;;) {
        let block = ledger.peekReady();
        if (block === NOT_READ) block = await ledger.peek();
        if (!block || order(block, { namespace, start: 0n }) >= 0) break;
        ledger.advance();
      }
    }
    for (;;) {
      let block = ledger.peekReady();
      if (block === NOT_READ) block = await ledger.peek();
      if (!block || block.namespace !== namespace || block.start > row.end) break;
      window.push(block);
      ledger.advance();
    }
    while (first < window.length && window[first]!.end < row.start) first++;
    if (first > 1024) {
      window = window.slice(first);
      first = 0;
    }
    for (let i = first; i < window.length; i++) {
      const block = window[i]!;
      if (block.start > row.end) break;
      const start = block.start > row.start ? block.start : row.start;
      const end = block.end < row.end ? block.end : row.end;
      for (const outcome of compareOverlap(row, block, { namespace, start, end }, options)) {
        const emitted = emit(outcome);
        if (emitted) await emitted;
      }
    }
  }
}

function compareOverlap(row: ExportRange, ledger: LedgerRange, part: { namespace: string; start: bigint; end: bigint }, options: CompareOptions): RangeOutcome[] {
  const at = (outcome: RangeOutcome['outcome'], detail: string): RangeOutcome => ({ outcome, ...part, exportRange: row, ledger, detail });
  const there = row.kind === 'cancellation' ? 'cancelled' : 'retired';
  if (row.kind === 'holding') {
    if (ledger.status === 'retired' && options.evidenceFromThisRegistry(ledger, row)) {
      return [at('retired_here_not_in_registry', `export row ${row.row} shows the range live; retired here by ${ledger.retirementId} (${ledger.certificateNumber}) on ${ledger.retiredOn} with evidence ${ledger.evidenceReference}`)];
    }
    return [];
  }
  if (ledger.status === 'held') {
    return [at('retired_in_registry_held_here', `export row ${row.row} shows the range ${there}${row.retiredOn ? ` on ${row.retiredOn}` : ''}; held here by ${ledger.ownerId}`)];
  }
  const outcomes = [at('matched', `${there} there (row ${row.row}) and retired here by ${ledger.retirementId} (${ledger.certificateNumber})`)];
  if (row.kind === 'retirement' && beneficiariesDisagree(row.beneficiary, ledger.beneficiary)) {
    outcomes.push(at('beneficiary_mismatch', `export row ${row.row} names ${JSON.stringify(row.beneficiary)}; ${ledger.retirementId} names ${JSON.stringify(ledger.beneficiary)}`));
  }
  if (datesDisagree(row.retiredOn, ledger.retiredOn)) {
    outcomes.push(at('date_mismatch', `export row ${row.row} dates it ${row.retiredOn}; ${ledger.retirementId} dates it ${ledger.retiredOn}`));
  }
  return outcomes;
}
