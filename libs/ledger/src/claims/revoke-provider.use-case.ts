import { Injectable } from '@nestjs/common';
import { DomainError } from '@registry/domain';
import { actorLabel, type Actor } from '../actor';
import { runLedgerCommand } from '../ledger-command';
import { UnitOfWork } from '../ports';
import { forbidden, isApplicant, loadClaim } from './claim-access';

export interface RevokeProviderCommand {
  actor: Actor;
  claimId: string;
  providerId: string;
}

/**
 * The applicant withdraws a provider's authorisation on its claim (journaled). Retirements the
 * provider already made for the claim stay: they happened, and their credits stay used.
 */
@Injectable()
export class RevokeProviderUseCase {
  constructor(private readonly uow: UnitOfWork) {}

  async execute({ actor, claimId, providerId }: RevokeProviderCommand): Promise<void> {
    await runLedgerCommand(this.uow, actorLabel(actor), undefined, async ({ stores }) => {
      const claim = await loadClaim(stores, claimId);
      if (!isApplicant(actor, claim)) throw forbidden('only the applicant may withdraw a provider’s authorisation on its claim');
      if (!(await stores.claims.removeProvider(claimId, providerId))) {
        throw new DomainError('NOT_FOUND', `organisation ${providerId} is not authorised on claim ${claimId}`, { field: 'providerId' });
      }
      return { journalType: 'claim.provider_revoked', journalPayload: { claimId, providerId }, result: undefined };
    });
  }
}
