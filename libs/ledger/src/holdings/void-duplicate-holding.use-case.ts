import { Injectable } from '@nestjs/common';
import { DomainError } from '@registry/domain';
import { actorLabel, type Actor } from '../actor';
import { runLedgerCommand } from '../ledger-command';
import { UnitOfWork } from '../ports';
import { holdingView, type HoldingView } from '../serials/block-view';

export interface VoidDuplicateHoldingCommand {
  actor: Extract<Actor, { kind: 'admin' }>;
  blockId: string;
  reason: string;
}

/**
 * An administrator resolves a pair `ledger duplicates` lists by voiding the held record that should
 * not exist. Only marked duplicates can be voided this way (the schema agrees): every other held
 * block leaves the ledger by a transfer or a retirement. A retired duplicate is voided as a retirement.
 */
@Injectable()
export class VoidDuplicateHoldingUseCase {
  constructor(private readonly uow: UnitOfWork) {}

  async execute(command: VoidDuplicateHoldingCommand): Promise<HoldingView & { voided: true; reason: string }> {
    const { result } = await runLedgerCommand(this.uow, actorLabel(command.actor), undefined, async ({ stores, seq }) => {
      const block = await stores.blocks.findLive(command.blockId);
      if (!block || block.status !== 'held') throw new DomainError('NOT_FOUND', `no live held block ${command.blockId}`, { field: 'id' });
      if (!block.identityDuplicate) {
        throw new DomainError('INVALID_STATE', `block ${block.id} is not recorded twice; only duplicates listed by ledger duplicates can be voided`, {
          field: 'id',
        });
      }
      await stores.blocks.close(block.id, seq, 'void');
      const view = { ...holdingView(block), voided: true as const, reason: command.reason };
      return { journalType: 'holding.voided', journalPayload: view, result: view };
    });
    return result;
  }
}
