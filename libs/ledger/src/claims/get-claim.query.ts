import { Injectable } from '@nestjs/common';
import type { Actor } from '../actor';
import { UnitOfWork } from '../ports';
import { forbidden, loadClaim, mayRead } from './claim-access';
import { claimView, type ClaimView } from './claim-view';

@Injectable()
export class GetClaimQuery {
  constructor(private readonly uow: UnitOfWork) {}

  execute(actor: Actor, claimId: string): Promise<ClaimView> {
    return this.uow.read(async (stores) => {
      const claim = await loadClaim(stores, claimId);
      if (!(await mayRead(stores, actor, claim))) throw forbidden('only the applicant, its authorised providers, certifiers and auditors see a claim');
      return claimView(stores, claim);
    });
  }
}
