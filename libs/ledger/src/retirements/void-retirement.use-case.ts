import { Injectable } from '@nestjs/common';
import { DomainError } from '@registry/domain';
import { newId } from '../ids';
import { actorLabel, type Actor } from '../actor';
import { JobQueue } from '@registry/jobs';
import { enqueueCertificatePdf } from '../certificates/certificate-pdf-job';
import { CLAIM_RELIES_ON_RETIREMENTS } from '../claims/claim-lifecycle';
import { runLedgerCommand } from '../ledger-command';
import { UnitOfWork, type BlockRecord } from '../ports';
import { retirementView, type RetirementView } from './retirement-view';

/**
 * Corrects a retirement entered in error. The retirement stays visible with its void; its retired
 * blocks close, parts consumed from a holding return to that holding's owner, and parts recorded
 * as retired outside the ledger become unknown again.
 */
@Injectable()
export class VoidRetirementUseCase {
  constructor(
    private readonly uow: UnitOfWork,
    private readonly queue: JobQueue,
  ) {}

  async execute(actor: Actor, retirementId: string, reason: string): Promise<RetirementView> {
    const { result } = await runLedgerCommand(this.uow, actorLabel(actor), undefined, async ({ stores, seq, now }) => {
      const retirement = await stores.retirements.findById(retirementId);
      if (!retirement) throw new DomainError('NOT_FOUND', `retirement ${retirementId} does not exist`);
      if (await stores.retirements.findVoid(retirementId)) {
        throw new DomainError('ALREADY_VOIDED', `retirement ${retirementId} is already voided`, { field: 'retirementId' });
      }
      if (retirement.claimId) {
        const claim = await stores.claims.findById(retirement.claimId);
        if (claim && CLAIM_RELIES_ON_RETIREMENTS.includes(claim.status)) {
          throw new DomainError('INVALID_STATE', `retirement ${retirementId} backs ${claim.status} claim ${claim.id}; it cannot be voided`, {
            claimId: claim.id,
            claimStatus: claim.status,
          });
        }
      }
      const voidRecord = { retirementId, reason, actor: actorLabel(actor), createdSeq: seq, createdAt: now };
      await stores.retirements.insertVoid(voidRecord);
      const restored: BlockRecord[] = [];
      for (const block of await stores.blocks.liveOfRetirement(retirementId)) {
        await stores.blocks.close(block.id, seq, 'void');
        // A block the serial-identity migration found recorded twice goes back to no one while the
        // other record of the same serials is live: the credit is accounted for there.
        const stillRecorded = block.identityDuplicate && (await stores.blocks.liveOverlapping(block.namespace, block.start, block.end)).length > 0;
        if (block.parentId && !stillRecorded) {
          const back: BlockRecord = { ...block, id: newId(), status: 'held', retirementId: null, parentId: block.id, createdSeq: seq, identityDuplicate: false };
          await stores.blocks.insert(back);
          restored.push(back);
        }
      }
      const view = retirementView(retirement, voidRecord);
      return {
        journalType: 'retirement.voided',
        journalPayload: { retirementId, reason, restoredBlocks: restored.map((b) => ({ id: b.id, start: String(b.start), end: String(b.end), ownerId: b.ownerId })) },
        result: view,
      };
    });
    void enqueueCertificatePdf(this.queue, result.certificateNumber, 'revoked'); // as in RetireCreditsUseCase
    return result;
  }
}
