import { Injectable } from '@nestjs/common';
import { overlappingPairs } from '@registry/domain';
import { UnitOfWork, type BlockRecord } from '../ports';
import { blockSerial } from './block-view';

export interface DuplicateRecordView {
  blockId: string;
  scheme: string;
  serial: string;
  status: 'held' | 'retired';
  ownerId: string | null;
  retirementId: string | null;
  /** What an administrator runs to void this record of the pair. */
  resolve: string;
}

export interface IdentityDuplicateView {
  namespace: string;
  records: [DuplicateRecordView, DuplicateRecordView];
}

/** Every pair of live records of the same printed serials that the serial-identity migration kept. */
@Injectable()
export class IdentityDuplicatesQuery {
  constructor(private readonly uow: UnitOfWork) {}

  async execute(): Promise<IdentityDuplicateView[]> {
    const blocks = await this.uow.read(({ blocks }) => blocks.liveDuplicates());
    return overlappingPairs(blocks).map(([a, b]) => ({ namespace: a.namespace, records: [record(a), record(b)] }));
  }
}

function record(block: BlockRecord): DuplicateRecordView {
  return {
    blockId: block.id,
    scheme: block.scheme,
    serial: blockSerial(block),
    status: block.status,
    ownerId: block.ownerId,
    retirementId: block.retirementId,
    resolve:
      block.status === 'retired'
        ? `POST /v1/retirements/${block.retirementId}/void {"reason": "…"}`
        : `POST /v1/holdings/${block.id}/void {"reason": "…"}`,
  };
}
