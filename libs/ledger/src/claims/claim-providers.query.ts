import { Injectable } from '@nestjs/common';
import type { Actor } from '../actor';
import { UnitOfWork } from '../ports';
import { forbidden, loadClaim, mayRead } from './claim-access';

/** An offset provider authorised on a claim, as the organisation directory names it. */
export interface ClaimProvider {
  id: string;
  name: string;
  corporateNumber: string | null;
}

/**
 * The providers the applicant authorised on its claim (POST /v1/claims/{id}/providers), for
 * whoever may read the claim: the applicant's manage page lists them with a revoke button each.
 */
@Injectable()
export class ClaimProvidersQuery {
  constructor(private readonly uow: UnitOfWork) {}

  execute(actor: Actor, claimId: string): Promise<ClaimProvider[]> {
    return this.uow.read(async (stores) => {
      const claim = await loadClaim(stores, claimId);
      if (!(await mayRead(stores, actor, claim))) throw forbidden('only the applicant, its authorised providers, certifiers and auditors see a claim');
      const providers: ClaimProvider[] = [];
      for (const id of await stores.claims.providersOf(claim.id)) {
        const organization = await stores.organizations.findById(id);
        providers.push({ id, name: organization?.name ?? '', corporateNumber: organization?.corporateNumber ?? null });
      }
      return providers;
    });
  }
}
