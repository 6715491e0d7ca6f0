import { Injectable } from '@nestjs/common';
import { DomainError, FieldErrors } from '@registry/domain';
import { actorLabel, type Actor } from '../actor';
import { newId } from '../ids';
import { runLedgerCommand } from '../ledger-command';
import { UnitOfWork, type ClaimRecord, type ClaimStatus } from '../ports';
import { todayInJapan } from '../retirements/japan-date';
import { assertAssignedCertifier, loadClaim } from './claim-access';
import { refuseOutsideProgram } from './claim-process-steps';
import { claimView, type ClaimView } from './claim-view';

export interface RecommendCorrectionCommand {
  actor: Actor;
  claimId: string;
  reason: string;
  dueOn: string;
}

export const CLAIM_TAKES_RECOMMENDATION: readonly ClaimStatus[] = ['certified', 'suspended'];

/**
 * 2.3.5 ② (3.3.4 ② for plans): the assigned certifier recommends correction (是正勧告) by a date;
 * a suspension or revocation for an uncorrected breach may follow only after it. Journaled, and
 * shown on the claim.
 */
@Injectable()
export class RecommendCorrectionUseCase {
  constructor(private readonly uow: UnitOfWork) {}

  async execute(command: RecommendCorrectionCommand): Promise<ClaimView> {
    const { result } = await runLedgerCommand(this.uow, actorLabel(command.actor), undefined, async ({ stores, seq, now }) => {
      const claim: ClaimRecord = await loadClaim(stores, command.claimId);
      assertAssignedCertifier(command.actor, claim, 'recommend correction of');
      const today = todayInJapan();
      const errors = new FieldErrors();
      const dueOn = errors.date(command.dueOn, 'dueOn');
      if (dueOn !== undefined && dueOn < today) errors.add('dueOn', `must not be before today (${today})`);
      errors.throwIfAny();
      refuseOutsideProgram(claim, 'suspend');
      if (!CLAIM_TAKES_RECOMMENDATION.includes(claim.status)) {
        throw new DomainError('INVALID_STATE', `a ${claim.status} claim takes no recommendation for correction`, { claimStatus: claim.status, allowedFrom: CLAIM_TAKES_RECOMMENDATION });
      }
      const actorId = command.actor.kind === 'organization' ? command.actor.organizationId : null;
      await stores.claimProcess.insertEvent({
        id: newId(), claimId: claim.id, kind: 'correction_recommended', actorId, reason: command.reason, dueOn: dueOn!, fromStatus: claim.status, detail: null, createdSeq: seq, createdAt: now,
      });
      return {
        journalType: 'claim.correction_recommended',
        journalPayload: { claimId: claim.id, reason: command.reason, dueOn },
        result: await claimView(stores, claim),
      };
    });
    return result;
  }
}
