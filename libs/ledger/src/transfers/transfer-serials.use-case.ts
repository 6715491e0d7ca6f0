import { Injectable } from '@nestjs/common';
import { DomainError, segmentRange, type SchemeCode } from '@registry/domain';
import { actorLabel, type Actor } from '../actor';
import { splitBlock } from '../holdings/split-block';
import { runLedgerCommand, type IdempotencyRequest } from '../ledger-command';
import { UnitOfWork } from '../ports';
import { blockRange, holdingView, type HoldingView } from '../serials/block-view';
import { parseRequestSerial } from '../serials/request-serials';
import { labelConflict, onRecord, refuseUnresolvedDuplicates } from '../serials/serial-identity';

export interface TransferCommand {
  actor: Extract<Actor, { kind: 'organization' }>;
  serial: string;
  scheme?: SchemeCode;
  toOrganizationId: string;
  idempotency?: IdempotencyRequest;
}

export interface TransferView {
  serial: string;
  quantity: string;
  fromOrganizationId: string;
  toOrganizationId: string;
  blocks: HoldingView[];
}

/** Moves a range wholly held by the caller to another organisation; blocks split at its edges. */
@Injectable()
export class TransferSerialsUseCase {
  constructor(private readonly uow: UnitOfWork) {}

  async execute(command: TransferCommand): Promise<{ result: TransferView; replayed: boolean }> {
    const parsed = parseRequestSerial(command.serial, 'serial', command.scheme);
    const from = command.actor.organizationId;
    if (command.toOrganizationId === from) {
      throw new DomainError('VALIDATION_FAILED', 'toOrganizationId: a transfer goes to another organisation', {
        errors: [{ field: 'toOrganizationId', message: 'must be another organisation than the caller' }],
      });
    }
    return runLedgerCommand(this.uow, actorLabel(command.actor), command.idempotency, async ({ stores, seq }) => {
      const receiver = await stores.organizations.findById(command.toOrganizationId);
      if (!receiver) {
        throw new DomainError('NOT_FOUND', `organization ${command.toOrganizationId} does not exist`, { field: 'toOrganizationId' });
      }
      if (!receiver.roles.includes('provider')) {
        // Only a provider can hold, retire or pass on credits: anyone else would leave them stuck.
        throw new DomainError('RULE_VIOLATION', `organization ${receiver.id} does not have the provider role and could never use or pass on these credits`, {
          errors: [{ rule: 'LEDGER-transfer-receiver', message: 'credits are transferred only to an organisation with the provider role' }],
        });
      }
      const blocks = await stores.blocks.liveOverlappingForUpdate(parsed.namespace, parsed.range.start, parsed.range.end);
      refuseUnresolvedDuplicates(blocks);
      const { serial, contradicted } = await onRecord(stores, parsed, command.scheme !== undefined);
      if (contradicted) throw labelConflict([serial], command.scheme!);
      const segments = segmentRange(parsed.range, blocks.map((b) => ({ ...b, range: blockRange(b) })));
      const notHeld = segments.filter((s) => s.block?.status !== 'held' || s.block.ownerId !== from);
      if (notHeld.length > 0) {
        throw new DomainError('NOT_HELD', `${parsed.canonical} is not wholly held by the caller`, {
          conflicts: notHeld.map((s) => ({ namespace: parsed.namespace, start: String(s.range.start), end: String(s.range.end), status: s.block?.status ?? 'unknown' })),
        });
      }
      const moved: HoldingView[] = [];
      for (const segment of segments) {
        const pieces = await splitBlock(stores, seq, segment.block!, [segment.range], () => ({ ownerId: command.toOrganizationId }));
        moved.push(...pieces.filter((p) => p.ownerId === command.toOrganizationId).map(holdingView));
      }
      const view: TransferView = {
        serial: parsed.canonical,
        quantity: String(parsed.range.quantity),
        fromOrganizationId: from,
        toOrganizationId: command.toOrganizationId,
        blocks: moved,
      };
      return { journalType: 'transfer.completed', journalPayload: view, result: view };
    }, { concurrent: true });
  }
}
