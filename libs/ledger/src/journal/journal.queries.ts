import { Injectable } from '@nestjs/common';
import { JournalChainVerifier, type ChainVerification, type JournalEntry } from '@registry/domain';
import { UnitOfWork } from '../ports';

const VERIFY_PAGE = 2000;

@Injectable()
export class JournalQueries {
  constructor(private readonly uow: UnitOfWork) {}

  async head(): Promise<{ sequence: number; hash: string }> {
    const head = await this.uow.read(({ journal }) => journal.head());
    return { sequence: head.seq, hash: head.hash };
  }

  async entries(after: number, limit: number, type?: string): Promise<{ items: JournalEntry[]; nextCursor?: string }> {
    const items = await this.uow.read(({ journal }) => journal.entries(after, limit, type));
    return items.length === limit ? { items, nextCursor: String(items[items.length - 1].seq) } : { items };
  }

  /** Recomputes the whole chain, page by page, against the recorded head. */
  async verify(): Promise<ChainVerification> {
    const head = await this.uow.read(({ journal }) => journal.head());
    const verifier = new JournalChainVerifier();
    let after = 0;
    for (;;) {
      const page = await this.uow.read(({ journal }) => journal.entries(after, VERIFY_PAGE));
      page.forEach((entry) => verifier.accept(entry));
      if (page.length < VERIFY_PAGE) break;
      after = page[page.length - 1].seq;
    }
    return verifier.result(head);
  }
}
