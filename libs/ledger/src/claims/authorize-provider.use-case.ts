import { Injectable } from '@nestjs/common';
import { DomainError } from '@registry/domain';
import { actorLabel, type Actor } from '../actor';
import { runLedgerCommand } from '../ledger-command';
import { UnitOfWork } from '../ports';
import { forbidden, isApplicant, loadClaim } from './claim-access';

/** The applicant lets an offset provider attach retirements to its claim. */
@Injectable()
export class AuthorizeProviderUseCase {
  constructor(private readonly uow: UnitOfWork) {}

  async execute(actor: Actor, claimId: string, providerId: string): Promise<{ claimId: string; providerId: string }> {
    const { result } = await runLedgerCommand(this.uow, actorLabel(actor), undefined, async ({ stores, seq }) => {
      const claim = await loadClaim(stores, claimId);
      if (!isApplicant(actor, claim)) throw forbidden('only the applicant may authorise providers on its claim');
      const provider = await stores.organizations.findById(providerId);
      if (!provider || !provider.roles.includes('provider')) {
        throw new DomainError('VALIDATION_FAILED', `organisation ${providerId} is not an offset provider`, {
          errors: [{ field: 'providerId', message: 'must name an organisation with the provider role' }],
        });
      }
      await stores.claims.addProvider(claimId, providerId, seq);
      return { journalType: 'claim.provider_authorized', journalPayload: { claimId, providerId }, result: { claimId, providerId } };
    });
    return result;
  }
}
