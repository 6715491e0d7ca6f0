import { Injectable } from '@nestjs/common';
import { DomainError, type SchemeCode } from '@registry/domain';
import { newId } from '../ids';
import { actorLabel, type Actor } from '../actor';
import { runLedgerCommand, type IdempotencyRequest } from '../ledger-command';
import { UnitOfWork, type Evidence } from '../ports';
import { holdingView, type HoldingView } from '../serials/block-view';
import { parseRequestSerial } from '../serials/request-serials';

export interface RegisterHoldingCommand {
  actor: Extract<Actor, { kind: 'organization' }>;
  serial: string;
  scheme?: SchemeCode;
  evidence?: Evidence;
  idempotency?: IdempotencyRequest;
}

/** A provider records a block it holds in its registry account. */
@Injectable()
export class RegisterHoldingUseCase {
  constructor(private readonly uow: UnitOfWork) {}

  async execute(command: RegisterHoldingCommand): Promise<{ result: HoldingView; replayed: boolean }> {
    const parsed = parseRequestSerial(command.serial, 'serial', command.scheme);
    return runLedgerCommand(this.uow, actorLabel(command.actor), command.idempotency, async ({ stores, seq }) => {
      const overlapping = await stores.blocks.liveOverlapping(parsed.namespace, parsed.range.start, parsed.range.end);
      if (overlapping.length > 0) {
        throw new DomainError('SERIAL_CONFLICT', `${parsed.canonical} overlaps ${overlapping.length} block(s) already in the ledger`, {
          conflicts: overlapping.map((b) => ({ namespace: b.namespace, start: String(b.start), end: String(b.end), status: b.status })),
        });
      }
      const block = {
        id: newId(),
        scheme: parsed.scheme,
        namespace: parsed.namespace,
        start: parsed.range.start,
        end: parsed.range.end,
        attributes: parsed.attributes,
        status: 'held' as const,
        ownerId: command.actor.organizationId,
        retirementId: null,
        parentId: null,
        evidenceRegistry: command.evidence?.registry ?? null,
        evidenceReference: command.evidence?.reference ?? null,
        createdSeq: seq,
      };
      await stores.blocks.insert(block);
      const view = holdingView(block);
      return { journalType: 'holding.registered', journalPayload: { ...view, evidence: command.evidence ?? null }, result: view };
    });
  }
}
