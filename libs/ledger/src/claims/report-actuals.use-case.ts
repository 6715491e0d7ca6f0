import { Injectable } from '@nestjs/common';
import { DomainError } from '@registry/domain';
import { actorLabel, type Actor } from '../actor';
import { runLedgerCommand } from '../ledger-command';
import { UnitOfWork } from '../ports';
import { forbidden, loadClaim, mayActFor } from './claim-access';
import { claimView, type ClaimView } from './claim-view';

/** CFP art. 10: actual quantities after the period (and at interim points); the claim then shows what is left to retire. */
@Injectable()
export class ReportActualsUseCase {
  constructor(private readonly uow: UnitOfWork) {}

  async execute(actor: Actor, claimId: string, points: { date: string; quantity: string }[]): Promise<ClaimView> {
    const { result } = await runLedgerCommand(this.uow, actorLabel(actor), undefined, async ({ stores, seq, now }) => {
      const claim = await loadClaim(stores, claimId);
      if (!(await mayActFor(stores, actor, claim))) throw forbidden('only the applicant and its authorised providers report actuals');
      if (claim.type !== 'CFP') {
        throw new DomainError('VALIDATION_FAILED', 'actual quantities are reported for CFP claims only', {
          errors: [{ field: 'points', message: 'only for CFP claims (art. 10)' }],
        });
      }
      const updated = { ...claim, trueUp: { points }, updatedSeq: seq, updatedAt: now };
      const view = await claimView(stores, updated);
      await stores.claims.update(updated);
      return { journalType: 'claim.actuals_reported', journalPayload: { claimId, points }, result: view };
    });
    return result;
  }
}
