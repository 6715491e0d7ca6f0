import { Injectable } from '@nestjs/common';
import type { SchemeCode } from '@registry/domain';
import { UnitOfWork } from '../ports';
import { holdingView, type HoldingView } from '../serials/block-view';

export interface ListHoldingsCommand {
  organizationId: string;
  scheme?: SchemeCode;
  cursor?: string;
  limit: number;
}

export interface HoldingsPage {
  items: HoldingView[];
  nextCursor?: string;
  /** Over every held block that matches the filter, not just this page. */
  totals: { scheme: SchemeCode; blocks: number; quantity: string }[];
}

@Injectable()
export class ListHoldingsQuery {
  constructor(private readonly uow: UnitOfWork) {}

  async execute({ organizationId, scheme, cursor, limit }: ListHoldingsCommand): Promise<HoldingsPage> {
    return this.uow.read(async ({ blocks, lists }) => {
      const rows = await blocks.liveHeldBy(organizationId, cursor, limit + 1, scheme);
      const totals = (await lists.heldTotals(organizationId, scheme)).map((t) => ({ ...t, quantity: String(t.quantity) }));
      const items = rows.slice(0, limit).map(holdingView);
      return rows.length > limit ? { items, nextCursor: items[items.length - 1].id, totals } : { items, totals };
    });
  }
}
