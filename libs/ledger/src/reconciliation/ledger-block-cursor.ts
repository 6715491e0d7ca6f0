import type { UnitOfWork } from '../ports';
import type { LedgerCursor } from './compare-export-ranges';
import type { LedgerRange } from './reconciliation-types';

const NAMESPACES_PER_QUERY = 200;
const BLOCKS_PER_PAGE = 5_000;

const byStart = (a: LedgerRange, b: LedgerRange) => (a.start < b.start ? -1 : a.start > b.start ? 1 : 0);

/**
 * The live blocks of the namespaces an export names, in (namespace, start) order, read a page at a
 * time. Small namespaces are read many to a query; a namespace too large for one page (every
 * Verra VCU is in one) is paged by start on its own. The order between namespaces is made here, in
 * JavaScript's string order, the order the export rows are sorted in: the database's collation
 * (PostgreSQL's is the locale's) does not decide it.
 */
export class LedgerBlockCursor implements LedgerCursor {
  private buffer: LedgerRange[] = [];
  private index = 0;
  private nextBatch = 0;
  /** Namespaces of a batch that overflowed a page, read one by one. */
  private oneByOne: string[] = [];
  private paging: { namespace: string; after: bigint } | null = null;
  /** Called with every block the cursor hands out. */
  onTake: (block: LedgerRange) => void = () => undefined;

  constructor(
    private readonly uow: UnitOfWork,
    /** Distinct namespaces in JavaScript string order. */
    private readonly namespaces: readonly string[],
    private readonly ownerId: string | null,
  ) {}

  async peek(): Promise<LedgerRange | undefined> {
    await this.fill();
    return this.buffer[this.index];
  }

  async take(): Promise<LedgerRange | undefined> {
    await this.fill();
    const block = this.buffer[this.index++];
    if (block) this.onTake(block);
    return block;
  }

  private async fill(): Promise<void> {
    while (this.index >= this.buffer.length) {
      const page = await this.nextPage();
      if (page === null) return;
      this.buffer = page;
      this.index = 0;
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
    const namespace = this.oneByOne.shift();
    if (namespace !== undefined) {
      this.paging = { namespace, after: -1n };
      return [];
    }
    if (this.nextBatch >= this.namespaces.length) return null;
    const batch = this.namespaces.slice(this.nextBatch, this.nextBatch + NAMESPACES_PER_QUERY);
    this.nextBatch += batch.length;
    const blocks = await this.uow.read((s) => s.reconciliations.liveBlocksIn(batch, BLOCKS_PER_PAGE + 1, this.ownerId));
    if (blocks.length > BLOCKS_PER_PAGE) {
      this.oneByOne = [...batch];
      return [];
    }
    const rank = new Map(batch.map((name, i) => [name, i]));
    return blocks.sort((a, b) => rank.get(a.namespace)! - rank.get(b.namespace)! || byStart(a, b));
  }
}
