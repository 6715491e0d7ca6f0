import { Injectable } from '@nestjs/common';
import { assertNoRuleViolations, certificationValidity, checkPlanApplicationCount, DomainError } from '@registry/domain';
import { actorLabel, type Actor } from '../actor';
import { runLedgerCommand } from '../ledger-command';
import { UnitOfWork, type ClaimRecord, type Stores } from '../ports';
import { todayInJapan } from '../retirements/japan-date';
import { assertAssignedCertifier, forbidden, isApplicant, loadClaim } from './claim-access';
import { CLAIM_TRANSITIONS, type ClaimAction } from './claim-lifecycle';
import { claimView, type ClaimView } from './claim-view';
import { endPlanEffectOnCnCertification } from './plan-effect';

export interface ChangeClaimStatusCommand {
  actor: Actor;
  claimId: string;
  action: ClaimAction;
  reason?: string;
  validFrom?: string;
  validTo?: string;
  /** CNP-3.1.6: the certifier allows this applicant another plan. */
  allowAdditionalPlan?: boolean;
}

const PAST_TENSE: Record<ClaimAction, string> = {
  submit: 'submitted',
  certify: 'certified',
  suspend: 'suspended',
  reinstate: 'reinstated',
  revoke: 'revoked',
  withdraw: 'withdrawn',
};

const CERTIFICATION_PREFIX = { CN: 'CN', CN_PLAN: 'CNP', CFP: 'CFP' } as const;

/** Moves a claim through its lifecycle; every step is journaled with who took it and why. */
@Injectable()
export class ChangeClaimStatusUseCase {
  constructor(private readonly uow: UnitOfWork) {}

  async execute(command: ChangeClaimStatusCommand): Promise<ClaimView> {
    const transition = CLAIM_TRANSITIONS[command.action];
    const { result } = await runLedgerCommand(this.uow, actorLabel(command.actor), undefined, async ({ stores, seq, now }) => {
      const claim = await loadClaim(stores, command.claimId);
      if (transition.by === 'applicant' && !isApplicant(command.actor, claim)) throw forbidden(`only the applicant may ${command.action} its claim`);
      if (transition.by === 'certifier') assertAssignedCertifier(command.actor, claim, command.action);
      if (!transition.from.includes(claim.status)) {
        throw new DomainError('INVALID_STATE', `a ${claim.status} claim cannot be ${PAST_TENSE[command.action]}`, {
          claimStatus: claim.status,
          allowedFrom: transition.from,
        });
      }
      const updated: ClaimRecord = { ...claim, status: transition.to, statusReason: command.reason ?? null, updatedSeq: seq, updatedAt: now };
      if (command.action === 'submit' || command.action === 'certify') await refuseUncovered(stores, claim);
      if (command.action === 'certify') await certify(stores, updated, command);
      await stores.claims.update(updated);
      const view = await claimView(stores, updated);
      return {
        journalType: `claim.${command.action}`,
        journalPayload: { claimId: claim.id, from: claim.status, to: updated.status, reason: command.reason ?? null, certificationNumber: updated.certificationNumber },
        result: view,
      };
    });
    return result;
  }
}

/** Submit and certify need every rule met: covered, transitional credits a minority, dates right (422). */
async function refuseUncovered(stores: Stores, claim: ClaimRecord): Promise<void> {
  const view = await claimView(stores, claim);
  assertNoRuleViolations(view.findings, { details: { requiredTonnes: view.requiredTonnes, retiredTonnes: view.retiredTonnes } });
}

async function certify(stores: Stores, claim: ClaimRecord, command: ChangeClaimStatusCommand): Promise<void> {
  const certifiedOn = todayInJapan();
  // CN: 2.3.3 ① on the certifier's dates; CN plan: the plan period (3.3.1 leaves out 2.3.3, 3.3.2).
  const validity = certificationValidity(claim.draft, { certifiedOn, validFrom: command.validFrom, validTo: command.validTo });
  assertNoRuleViolations(validity.findings, { invalidInput: true });
  if (claim.draft.type === 'CN_PLAN') {
    const applications = { priorPlanApplications: await stores.claims.countPlanApplications(claim.applicantId, claim.id), allowedByCertifier: !!command.allowAdditionalPlan };
    assertNoRuleViolations(checkPlanApplicationCount(claim.draft, applications));
  }
  const year = Number(certifiedOn.slice(0, 4));
  const prefix = `${CERTIFICATION_PREFIX[claim.type]}-${year}`;
  claim.certificationNumber = `${prefix}-${String(await stores.sequences.next(prefix)).padStart(4, '0')}`;
  claim.certifiedOn = certifiedOn;
  claim.validFrom = validity.validFrom;
  claim.validTo = validity.validTo;
  await endPlanEffectOnCnCertification(stores, claim, certifiedOn);
}
