import { Injectable } from '@nestjs/common';
import type { Actor } from '../actor';
import { UnitOfWork } from '../ports';
import { parseRequestSerial, MAX_SERIALS_PER_REQUEST } from '../serials/request-serials';
import { DomainError } from '@registry/domain';
import { statusOf, type SerialStatus } from './serial-status.query';

/** Bulk status for auditors: one status object per serial, in request order. */
@Injectable()
export class CheckSerialsQuery {
  constructor(private readonly uow: UnitOfWork) {}

  async execute(serials: readonly string[], viewer: Actor): Promise<{ items: SerialStatus[] }> {
    if (serials.length > MAX_SERIALS_PER_REQUEST) {
      throw new DomainError('TOO_MANY_SERIALS', `at most ${MAX_SERIALS_PER_REQUEST} serials per request; got ${serials.length}`, {
        field: 'serials',
        limit: MAX_SERIALS_PER_REQUEST,
      });
    }
    const parsed = serials.map((s, i) => parseRequestSerial(s, `serials[${i}]`));
    return this.uow.read(async (stores) => {
      const items: SerialStatus[] = [];
      for (const p of parsed) items.push(await statusOf(stores, p, viewer));
      return { items };
    });
  }
}
