import { Injectable } from '@nestjs/common';
import { UnitOfWork } from '../ports';
import { holdingView, type HoldingView } from '../serials/block-view';

@Injectable()
export class ListHoldingsQuery {
  constructor(private readonly uow: UnitOfWork) {}

  async execute(organizationId: string, cursor: string | undefined, limit: number): Promise<{ items: HoldingView[]; nextCursor?: string }> {
    const blocks = await this.uow.read(({ blocks }) => blocks.liveHeldBy(organizationId, cursor, limit + 1));
    const items = blocks.slice(0, limit).map(holdingView);
    return blocks.length > limit ? { items, nextCursor: items[items.length - 1].id } : { items };
  }
}
