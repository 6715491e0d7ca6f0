import { Inject, Injectable } from '@nestjs/common';
import { REGISTRY_CONFIG, type RegistryConfig } from '@registry/config';
import { DomainError, type SchemeCode } from '@registry/domain';
import { newId } from '../ids';
import { actorLabel, type Actor } from '../actor';
import { runLedgerCommand, type IdempotencyRequest } from '../ledger-command';
import { UnitOfWork, type BlockRecord, type Evidence } from '../ports';
import { todayInJapan } from '../retirements/japan-date';
import { holdingView, type HoldingView } from '../serials/block-view';
import { parseRequestSerial } from '../serials/request-serials';
import { labelConflict, onRecord, refuseOverQuantity } from '../serials/serial-identity';

export interface RegisterHoldingCommand {
  actor: Extract<Actor, { kind: 'organization' }>;
  serial: string;
  scheme?: SchemeCode;
  evidence?: Evidence;
  idempotency?: IdempotencyRequest;
}

/** A provider records a block it holds in its registry account, with the account statement it is held under. */
@Injectable()
export class RegisterHoldingUseCase {
  constructor(
    private readonly uow: UnitOfWork,
    @Inject(REGISTRY_CONFIG) private readonly config: Pick<RegistryConfig, 'maxBlockQuantity'>,
  ) {}

  async execute(command: RegisterHoldingCommand): Promise<{ result: HoldingView; replayed: boolean }> {
    const parsed = parseRequestSerial(command.serial, 'serial', command.scheme);
    refuseOverQuantity(parsed, 'serial', this.config.maxBlockQuantity);
    const evidence = command.evidence;
    if (!evidence) {
      throw new DomainError('EVIDENCE_REQUIRED', "a holding needs the managing registry's evidence: the account statement or transfer notice it is held under", {
        field: 'evidence',
      });
    }
    return runLedgerCommand(this.uow, actorLabel(command.actor), command.idempotency, async ({ stores, seq, now }) => {
      const overlapping = await stores.blocks.liveOverlapping(parsed.namespace, parsed.range.start, parsed.range.end);
      if (overlapping.length > 0) {
        throw new DomainError('SERIAL_CONFLICT', `${parsed.canonical} overlaps ${overlapping.length} block(s) already in the ledger`, {
          conflicts: overlapping.map((b) => ({ namespace: b.namespace, start: String(b.start), end: String(b.end), status: b.status })),
        });
      }
      const { serial, contradicted } = await onRecord(stores, parsed, command.scheme !== undefined);
      if (contradicted) throw labelConflict([serial], command.scheme!);
      const block: BlockRecord = {
        id: newId(),
        scheme: serial.scheme,
        namespace: serial.namespace,
        start: serial.range.start,
        end: serial.range.end,
        attributes: serial.attributes,
        status: 'held',
        ownerId: command.actor.organizationId,
        retirementId: null,
        parentId: null,
        evidenceRegistry: evidence.registry,
        evidenceReference: evidence.reference,
        createdSeq: seq,
        enteredOn: todayInJapan(new Date(now)),
        identityDuplicate: false,
      };
      await stores.blocks.insert(block);
      const view = holdingView(block);
      return { journalType: 'holding.registered', journalPayload: { ...view, evidence }, result: view };
    }, { concurrent: true });
  }
}
