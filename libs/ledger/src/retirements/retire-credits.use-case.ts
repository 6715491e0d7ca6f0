import { Inject, Injectable } from '@nestjs/common';
import { REGISTRY_CONFIG, type RegistryConfig } from '@registry/config';
import type { SerialRange } from '@registry/domain';
import { JobQueue } from '@registry/jobs';
import { newId } from '../ids';
import { actorLabel } from '../actor';
import { splitBlocks } from '../holdings/split-block';
import { runLedgerCommand, type IdempotencyRequest, type LedgerContext } from '../ledger-command';
import { enqueueCertificatePdf } from '../certificates/certificate-pdf-job';
import { issueCertificate } from '../certificates/issue-certificate';
import { CertificateSigner, UnitOfWork, type BlockRecord, type ClaimRecord, type RetirementRecord } from '../ports';
import { certificateNumber, todayInJapan } from './japan-date';
import { checkRetirement, readRetirementRequest, type LiveBlock, type PlannedSerial, type RetirementRequest } from './retirement-rules';
import { retirementView, type RetirementView } from './retirement-view';

export interface RetireCreditsCommand extends RetirementRequest {
  beneficiary: string;
  purpose: string;
  idempotency?: IdempotencyRequest;
}

/**
 * Retires serials for a beneficiary: parts the caller holds are consumed (blocks split), parts the
 * ledger does not know are recorded as retired outside it (evidence required). All or nothing.
 */
@Injectable()
export class RetireCreditsUseCase {
  constructor(
    private readonly uow: UnitOfWork,
    private readonly signer: CertificateSigner,
    private readonly queue: JobQueue,
    @Inject(REGISTRY_CONFIG) private readonly config: Pick<RegistryConfig, 'maxBlockQuantity'>,
  ) {}

  async execute(command: RetireCreditsCommand): Promise<{ result: RetirementView; replayed: boolean }> {
    const read = readRetirementRequest(command);
    const outcome = await runLedgerCommand(this.uow, actorLabel(command.actor), command.idempotency, async (context) => {
      const { plan, claim } = await checkRetirement(context.stores, command, read, this.config.maxBlockQuantity, true);
      return this.write(context, command, read.retiredOn, plan, claim);
    }, { concurrent: true });
    // Only after the commit: a job never points at a retirement that was rolled back. Not awaited:
    // the answer does not wait for Redis, and what fails to be enqueued the repair sweep finds.
    void enqueueCertificatePdf(this.queue, outcome.result.certificateNumber, 'valid');
    return outcome;
  }

  private async write({ stores, seq, now }: LedgerContext, command: RetireCreditsCommand, retiredOn: string, plan: PlannedSerial[], claim: ClaimRecord | null) {
    const year = Number(todayInJapan(new Date(now)).slice(0, 4));
    const retirement: RetirementRecord = {
      id: newId(),
      organizationId: command.actor.organizationId,
      apiKeyId: command.actor.apiKeyId ?? null,
      quantity: plan.reduce((sum, p) => sum + p.serial.range.quantity, 0n),
      retiredOn,
      beneficiary: command.beneficiary,
      purpose: command.purpose,
      claimId: command.claimId ?? null,
      evidence: command.evidence ?? null,
      serials: plan.map((p) => p.serial.canonical),
      certificateNumber: certificateNumber(year, await stores.sequences.next(`RC-${year}`)),
      creditFacts: command.creditFacts ?? null,
      createdSeq: seq,
      createdAt: now,
    };
    await stores.retirements.insert(retirement);
    await issueCertificate(stores, this.signer, retirement, plan.map((p) => p.serial), claim);
    const retiredPart = { status: 'retired' as const, retirementId: retirement.id, ownerId: retirement.organizationId };

    const takenByBlock = new Map<string, { block: LiveBlock; ranges: SerialRange[] }>();
    const created: BlockRecord[] = [];
    for (const { serial, segments } of plan) {
      for (const { block, range } of segments) {
        if (block) {
          const entry = takenByBlock.get(block.id) ?? { block, ranges: [] };
          entry.ranges.push(range);
          takenByBlock.set(block.id, entry);
          continue;
        }
        const outside: BlockRecord = {
          id: newId(), scheme: serial.scheme, namespace: serial.namespace, start: range.start, end: range.end,
          attributes: serial.attributes, parentId: null, createdSeq: seq, ...retiredPart,
          evidenceRegistry: command.evidence!.registry, evidenceReference: command.evidence!.reference,
          enteredOn: todayInJapan(new Date(now)), identityDuplicate: false,
        };
        await stores.blocks.insert(outside);
        created.push(outside);
      }
    }
    // One split per held block, even when the request takes several parts of it.
    created.push(...(await splitBlocks(stores, seq, [...takenByBlock.values()], () => retiredPart)));
    const view = retirementView(retirement);
    return {
      journalType: 'retirement.created',
      journalPayload: {
        ...view,
        closedBlocks: [...takenByBlock.keys()],
        createdBlocks: created.map((b) => ({ id: b.id, namespace: b.namespace, start: String(b.start), end: String(b.end), status: b.status })),
      },
      result: view,
    };
  }
}
