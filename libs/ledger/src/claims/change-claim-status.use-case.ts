import { Injectable } from '@nestjs/common';
import { assertNoRuleViolations, certificationValidity, checkPlanApplicationCount, DomainError, verificationFindings, type SanctionGround } from '@registry/domain';
import { actorLabel, type Actor } from '../actor';
import { newId } from '../ids';
import { ClaimCertificates } from '../certificates/claim-certificates';
import { runLedgerCommand } from '../ledger-command';
import { UnitOfWork, type ClaimRecord, type Stores } from '../ports';
import { todayInJapan } from '../retirements/japan-date';
import { refusePendingEvidence } from '../retirements/pending-evidence';
import { assertAssignedCertifier, forbidden, isApplicant, loadClaim } from './claim-access';
import { CLAIM_TRANSITIONS, type ClaimAction } from './claim-lifecycle';
import { processStep, refuseOutsideProgram } from './claim-process-steps';
import { verificationView } from './claim-process-view';
import { claimView, type ClaimView } from './claim-view';
import { endPlanEffectOnCnCertification } from './plan-effect';

export interface ChangeClaimStatusCommand {
  actor: Actor;
  claimId: string;
  action: ClaimAction;
  reason?: string;
  /** Suspend, revoke: why (2.3.5); `uncorrected` (the default) needs a recommendation for correction first. */
  ground?: SanctionGround;
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
  accept_withdrawal: 'withdrawn on request',
  reject_withdrawal: 'kept on a refused withdrawal request',
};

const CERTIFICATION_PREFIX = { CN: 'CN', CN_PLAN: 'CNP', CFP: 'CFP' } as const;

/** Moves a claim through its lifecycle; every step is journaled with who took it and why. */
@Injectable()
export class ChangeClaimStatusUseCase {
  constructor(
    private readonly uow: UnitOfWork,
    private readonly claimCertificates: ClaimCertificates,
  ) {}

  async execute(command: ChangeClaimStatusCommand): Promise<ClaimView> {
    const transition = CLAIM_TRANSITIONS[command.action];
    const { result } = await runLedgerCommand(this.uow, actorLabel(command.actor), undefined, async ({ stores, seq, now }) => {
      const claim = await loadClaim(stores, command.claimId);
      if (transition.by === 'applicant' && !isApplicant(command.actor, claim)) throw forbidden(`only the applicant may ${command.action} its claim`);
      if (transition.by === 'certifier') assertAssignedCertifier(command.actor, claim, command.action);
      refuseOutsideProgram(claim, command.action);
      if (!transition.from.includes(claim.status)) {
        throw new DomainError('INVALID_STATE', `a ${claim.status} claim cannot be ${PAST_TENSE[command.action]}`, {
          claimStatus: claim.status,
          allowedFrom: transition.from,
        });
      }
      const step = await processStep(stores, claim, command.action, command, todayInJapan());
      const updated: ClaimRecord = { ...claim, status: step.to, statusReason: command.reason ?? null, updatedSeq: seq, updatedAt: now };
      if (command.action === 'submit' || command.action === 'certify') await refuseUncovered(stores, claim);
      if (command.action === 'certify' && claim.type !== 'CFP') await refuseUnverified(stores, claim);
      if (command.action === 'certify') await certify(stores, updated, command);
      if (command.action === 'certify') await this.claimCertificates.issue(stores, updated, { seq, now });
      await stores.claims.update(updated);
      if (step.event) {
        const actorId = command.actor.kind === 'organization' ? command.actor.organizationId : null;
        await stores.claimProcess.insertEvent({ ...step.event, id: newId(), claimId: claim.id, actorId, createdSeq: seq, createdAt: now });
      }
      const view = await claimView(stores, updated);
      return {
        journalType: `claim.${command.action}`,
        journalPayload: { claimId: claim.id, from: claim.status, to: updated.status, reason: command.reason ?? null, certificationNumber: updated.certificationNumber, ...(step.event?.detail ?? {}), ...(step.event?.dueOn ? { dueOn: step.event.dueOn } : {}) },
        result: view,
      };
    });
    void this.claimCertificates.afterCommit(result); // its PDF for the status the claim now gives it
    return result;
  }
}

/** Submit and certify need every rule met: covered, transitional credits a minority, dates right (422). */
async function refuseUncovered(stores: Stores, claim: ClaimRecord): Promise<void> {
  const view = await claimView(stores, claim);
  assertNoRuleViolations(view.findings, { details: { requiredTonnes: view.requiredTonnes, retiredTonnes: view.retiredTonnes } });
}

/** CN-2.2.4 (3.2.1 for plans): certified only on an unqualified verification within 5 % materiality (422). */
async function refuseUnverified(stores: Stores, claim: ClaimRecord): Promise<void> {
  if (claim.type === 'CFP') return;
  const verification = verificationView(claim.draft, await stores.claimProcess.latestVerification(claim.id));
  const facts = verification && verification.materiality ? { assurance: verification.assurance, opinion: verification.opinion, materiality: verification.materiality } : null;
  assertNoRuleViolations(verificationFindings(claim.type, facts), { details: { verification } });
}

async function certify(stores: Stores, claim: ClaimRecord, command: ChangeClaimStatusCommand): Promise<void> {
  const certifiedOn = todayInJapan();
  await refusePendingEvidence(stores, claim);
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
