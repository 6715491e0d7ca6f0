import { Injectable } from '@nestjs/common';
import type { Actor } from '../actor';
import { UnitOfWork } from '../ports';
import { assertSerialCount, parseRequestSerial } from '../serials/request-serials';
import { statusOf, type SerialStatus } from './serial-status.query';

/** Bulk status for auditors: one status object per serial, in request order. */
@Injectable()
export class CheckSerialsQuery {
  constructor(private readonly uow: UnitOfWork) {}

  async execute(serials: readonly string[], viewer: Actor): Promise<{ items: SerialStatus[] }> {
    assertSerialCount(serials.length);
    const parsed = serials.map((s, i) => parseRequestSerial(s, `serials[${i}]`));
    return this.uow.read(async (stores) => {
      const items: SerialStatus[] = [];
      for (const p of parsed) items.push(await statusOf(stores, p, viewer));
      return { items };
    });
  }
}
