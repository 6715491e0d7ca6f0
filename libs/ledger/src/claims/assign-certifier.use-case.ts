import { Injectable } from '@nestjs/common';
import { DomainError } from '@registry/domain';
import { actorLabel, type Actor } from '../actor';
import { runLedgerCommand } from '../ledger-command';
import { UnitOfWork, type ClaimRecord, type ClaimStatus } from '../ports';
import { forbidden, loadClaim, notIndependent } from './claim-access';
import { claimView, type ClaimView } from './claim-view';

/** The certification body may change until it has certified the claim; after that it answers for it. */
export const CLAIM_TAKES_CERTIFIER: readonly ClaimStatus[] = ['draft', 'submitted'];
/** A claim certified before bodies were assigned (migration 1764000000006) gets one, once, so it can still be suspended, revoked or its withdrawal decided (2.3.7). */
export const CLAIM_TAKES_FIRST_CERTIFIER: readonly ClaimStatus[] = [...CLAIM_TAKES_CERTIFIER, 'certified', 'suspended', 'withdrawal_requested'];

/**
 * The admin assigns the claim's certification body: an organisation with the certifier role that
 * is not the applicant (CN 2.1.1 ②). Only that body may then certify, suspend, reinstate or revoke.
 */
@Injectable()
export class AssignCertifierUseCase {
  constructor(private readonly uow: UnitOfWork) {}

  async execute(actor: Actor, claimId: string, organizationId: string): Promise<ClaimView> {
    if (actor.kind !== 'admin') throw forbidden('only the admin assigns a certification body');
    const { result } = await runLedgerCommand(this.uow, actorLabel(actor), undefined, async ({ stores, seq, now }) => {
      const claim = await loadClaim(stores, claimId);
      if (organizationId === claim.applicantId) throw notIndependent('the applicant cannot be assigned as the certification body of its own claim');
      const organization = await stores.organizations.findById(organizationId);
      if (!organization || !organization.roles.includes('certifier')) {
        throw new DomainError('VALIDATION_FAILED', `organisation ${organizationId} is not a certification body`, {
          errors: [{ field: 'organizationId', message: organization ? 'the organisation does not hold the certifier role' : 'no such organisation' }],
        });
      }
      const allowedFrom = claim.certifierId === null ? CLAIM_TAKES_FIRST_CERTIFIER : CLAIM_TAKES_CERTIFIER;
      if (!allowedFrom.includes(claim.status)) {
        throw new DomainError('INVALID_STATE', `a ${claim.status} claim keeps the certification body it has`, { claimStatus: claim.status, allowedFrom });
      }
      const updated: ClaimRecord = { ...claim, certifierId: organizationId, updatedSeq: seq, updatedAt: now };
      await stores.claims.update(updated);
      return {
        journalType: 'claim.certifier_assigned',
        journalPayload: { claimId, certifierId: organizationId, previousCertifierId: claim.certifierId },
        result: await claimView(stores, updated),
      };
    });
    return result;
  }
}
