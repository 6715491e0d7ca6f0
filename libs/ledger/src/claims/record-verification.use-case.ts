import { Injectable } from '@nestjs/common';
import { collectCnRequiredTonnes, DomainError, FieldErrors, PROCESS_RULE_IDS, verifiedCnEmissions } from '@registry/domain';
import { actorLabel, hasRole, type Actor } from '../actor';
import { newId } from '../ids';
import { runLedgerCommand } from '../ledger-command';
import { UnitOfWork, type ClaimStatus, type VerificationRecord } from '../ports';
import { forbidden, isApplicant, loadClaim, notIndependent } from './claim-access';
import { claimView, type ClaimView } from './claim-view';

export interface RecordVerificationCommand {
  actor: Actor;
  claimId: string;
  reportReference: string;
  assurance: VerificationRecord['assurance'];
  opinion: VerificationRecord['opinion'];
  verifiedEmissions: VerificationRecord['verifiedEmissions'];
  /** 2.2.2: 「申請者から独立した地位にある者」. */
  independentOfApplicant: boolean;
}

/** Verification precedes certification (2.2, 3.1): recorded while the claim is not yet decided. */
export const CLAIM_TAKES_VERIFICATION: readonly ClaimStatus[] = ['draft', 'submitted'];

/**
 * A verification body records its report on a CN or CN plan claim (seed 002 2.2, 3.2). The
 * registry keeps it; certification then checks it (CN-2.2.4) and uses the verified figures.
 */
@Injectable()
export class RecordVerificationUseCase {
  constructor(private readonly uow: UnitOfWork) {}

  async execute(command: RecordVerificationCommand): Promise<ClaimView> {
    const { actor } = command;
    if (!hasRole(actor, 'verifier') || actor.kind !== 'organization') throw forbidden('only a verification body (role verifier) records a verification');
    const { result } = await runLedgerCommand(this.uow, actorLabel(actor), undefined, async ({ stores, seq, now }) => {
      const claim = await loadClaim(stores, command.claimId);
      if (isApplicant(actor, claim)) throw notIndependent('the applicant may not verify its own claim');
      if (!command.independentOfApplicant) {
        throw new DomainError('RULE_VIOLATION', `${PROCESS_RULE_IDS.verifierIndependence}: the verification body must be independent of the applicant`, {
          errors: [{ rule: PROCESS_RULE_IDS.verifierIndependence, message: '「申請者から独立した地位にある者でなければならない」: declare independentOfApplicant: true' }],
        });
      }
      if (claim.draft.type === 'CFP') {
        throw new DomainError('INVALID_STATE', 'a CFP offset rests on the CFP verified under art. 4 (its CFP verification number); it has no separate verification here', {
          claimType: claim.type,
          rule: 'CFP-art4',
        });
      }
      if (!CLAIM_TAKES_VERIFICATION.includes(claim.status)) {
        throw new DomainError('INVALID_STATE', `a ${claim.status} claim is no longer verified`, { claimStatus: claim.status, allowedFrom: CLAIM_TAKES_VERIFICATION });
      }
      const errors = new FieldErrors();
      if (claim.draft.emissions.includeScope3 === true && command.verifiedEmissions.scope3 === undefined) {
        errors.add('verifiedEmissions.scope3', 'is required: the claim includes scope 3');
      }
      collectCnRequiredTonnes(verifiedCnEmissions(claim.draft.emissions, command.verifiedEmissions), errors, 'verifiedEmissions');
      errors.throwIfAny();
      const verification: VerificationRecord = {
        id: newId(),
        claimId: claim.id,
        verifierId: actor.organizationId,
        reportReference: command.reportReference,
        assurance: command.assurance,
        opinion: command.opinion,
        verifiedEmissions: command.verifiedEmissions,
        independenceDeclared: true,
        createdSeq: seq,
        createdAt: now,
      };
      await stores.claimProcess.insertVerification(verification);
      const view = await claimView(stores, claim);
      return {
        journalType: 'claim.verified',
        journalPayload: { claimId: claim.id, verificationId: verification.id, verifierId: verification.verifierId, reportReference: verification.reportReference, assurance: verification.assurance, opinion: verification.opinion, verifiedEmissions: verification.verifiedEmissions, materiality: view.verification?.materiality ?? null },
        result: view,
      };
    });
    return result;
  }
}
