import { Injectable } from '@nestjs/common';
import type { Actor } from '../actor';
import { UnitOfWork } from '../ports';
import { assertAssignedCertifier, loadClaim } from './claim-access';

/**
 * Lets the HTTP edge refuse a caller that is not the claim's assigned certifier before it looks at
 * the request body, so that 403 comes before any 400 (CN 2.1.1 ②). The status change repeats the
 * check inside its own transaction.
 */
@Injectable()
export class CertifierAuthorityQuery {
  constructor(private readonly uow: UnitOfWork) {}

  execute(actor: Actor, claimId: string, action: string): Promise<void> {
    return this.uow.read(async (stores) => assertAssignedCertifier(actor, await loadClaim(stores, claimId), action));
  }
}
