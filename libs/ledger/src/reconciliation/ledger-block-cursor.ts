import type { UnitOfWork } from '../ports';
import { NOT_READ, type LedgerCursor } from './compare-export-ranges';
import type { LedgerRange } from './reconciliation-types';

const BLOCKS_PER_PAGE = 10_000;
const MAX_NAMESPACES_PER_QUERY = 500;

const byStart = (a: LedgerRange, b: LedgerRange) => (a.start < b.start ? -1 : a.start > b.start ? 1 : 0);

/**
 * The live blocks of the namespaces an export names, in (namespace, start) order, read a page at a
 * time. Small namespaces are read many to a query (as many as the blocks seen so far say fit a
 * page); a namespace too large for a page (every Verra VCU is in one) is paged by start on its own.
 * The order between namespaces is made here, in JavaScript's string order, the order the export
 * rows are sorted in: the database's collation (PostgreSQL's is the locale's) decides nothing but
 * which namespaces a page holds whole.
 */
export class LedgerBlockCursor implements LedgerCursor {
  private buffer: LedgerRange[] = [];
  private index = 0;
  /** Namespaces still to read, in JavaScript string order. */
  private queue: string[];
  private namespacesPerQuery = 50;
  private paging: { namespace: string; after: bigint } | null = null;
  private exhausted = false;
  /** Called with every block the cursor hands out. */
  onTake: (block: LedgerRange) => void = () => undefined;

  constructor(
    private readonly uow: UnitOfWork,
    /** Distinct namespaces in JavaScript string order. */
    namespaces: readonly string[],
    private readonly ownerId: string | null,
  ) {
    this.queue = [...namespaces].reverse();
  }

  peekReady(): LedgerRange | undefined | typeof NOT_READ {
    return this.index < this.buffer.length ? this.buffer[this.index] : this.exhausted ? undefined : NOT_READ;
  }

  async peek(): Promise<LedgerRange | undefined> {
    await this.fill();
    return this.buffer[this.index];
  }

  advance(): void {
    const block = this.buffer[this.index++];
    if (block) this.onTake(block);
  }

  async take(): Promise<LedgerRange | undefined> {
    await this.fill();
    const block = this.buffer[this.index++];
    if (block) this.onTake(block);
    return block;
  }

  private async fill(): Promise<void> {
    while (this.index >= this.buffer.length && !this.exhausted) {
      const page = await this.nextPage();
      if (page === null) this.exhausted = true;
      else {
        this.buffer = page;
        this.index = 0;
      }
    }
  }

  /** The next page in order (possibly empty), or null at the end. */
  private async nextPage(): Promise<LedgerRange[] | null> {
    if (this.paging) {
      const { namespace, after } = this.paging;
      const page = await this.uow.read((s) => s.reconciliations.liveBlocksOf(namespace, after, BLOCKS_PER_PAGE, this.ownerId));
      this.paging = page.length < BLOCKS_PER_PAGE ? null : { namespace, after: page[page.length - 1]!.end };
      return page;
    }
    if (this.queue.length === 0) return null;
    const batch = this.queue.slice(-this.namespacesPerQuery).reverse();
    const blocks = await this.uow.read((s) => s.reconciliations.liveBlocksIn(batch, BLOCKS_PER_PAGE, this.ownerId));
    const whole = new Set(blocks.map((b) => b.namespace));
    if (blocks.length === BLOCKS_PER_PAGE) whole.delete(blocks[blocks.length - 1]!.namespace);
    // Hand out the longest run of the batch, in JavaScript order, whose namespaces came back whole.
    let served = 0;
    while (served < batch.length && (blocks.length < BLOCKS_PER_PAGE || whole.has(batch[served]!))) served++;
    if (served === 0) {
      this.queue.pop();
      this.paging = { namespace: batch[0]!, after: -1n };
      this.namespacesPerQuery = Math.max(1, Math.floor(this.namespacesPerQuery / 2));
      return [];
    }
    this.queue.length -= served;
    const servedNamespaces = new Set(batch.slice(0, served));
    const rank = new Map(batch.map((name, i) => [name, i]));
    const page = blocks.filter((b) => servedNamespaces.has(b.namespace)).sort((a, b) => rank.get(a.namespace)! - rank.get(b.namespace)! || byStart(a, b));
    // Size the next query by what this one found: a page of blocks, not many more namespaces than fit.
    const perNamespace = Math.max(1, page.length / served);
    this.namespacesPerQuery = Math.min(MAX_NAMESPACES_PER_QUERY, Math.max(1, Math.floor(BLOCKS_PER_PAGE / perNamespace / 1.5)));
    return page;
  }
}
