import { Injectable } from '@nestjs/common';
import { assertNoRuleViolations, DomainError, FieldErrors, planChangeFindings, PROCESS_RULE_IDS } from '@registry/domain';
import { actorLabel, type Actor } from '../actor';
import { newId } from '../ids';
import { runLedgerCommand } from '../ledger-command';
import { UnitOfWork, type ClaimStatus } from '../ports';
import { todayInJapan } from '../retirements/japan-date';
import { forbidden, isApplicant, loadClaim } from './claim-access';
import { claimView, type ClaimView } from './claim-view';

export interface NotifyClaimChangeCommand {
  actor: Actor;
  claimId: string;
  /** `plan`: CN plan change (3.4.1); `cfp`: change of a notified CFP offset (art. 13 ③ with art. 10). */
  kind: 'plan' | 'cfp';
  description: string;
  effectiveOn?: string;
}

const NOTIFIED_FROM: readonly ClaimStatus[] = ['certified'];

/**
 * The holder notifies a change: a CN plan change at least 30 business days before it takes effect
 * (CNP-3.4.1; the plan stays certified meanwhile, 3.4.2), or a change to a CFP offset already
 * notified (CFP art. 13 ③). Journaled and listed on the claim.
 */
@Injectable()
export class NotifyClaimChangeUseCase {
  constructor(private readonly uow: UnitOfWork) {}

  async execute(command: NotifyClaimChangeCommand): Promise<ClaimView> {
    const { result } = await runLedgerCommand(this.uow, actorLabel(command.actor), undefined, async ({ stores, seq, now }) => {
      const claim = await loadClaim(stores, command.claimId);
      if (!isApplicant(command.actor, claim)) throw forbidden('only the holder notifies changes of its claim');
      const errors = new FieldErrors();
      const effectiveOn = command.effectiveOn === undefined && command.kind === 'cfp' ? null : errors.date(command.effectiveOn, 'effectiveOn');
      errors.throwIfAny();
      const expected = command.kind === 'plan' ? 'CN_PLAN' : 'CFP';
      if (claim.type !== expected) {
        throw new DomainError('INVALID_STATE', `this notification is for ${expected} claims; this claim is ${claim.type}`, { claimType: claim.type });
      }
      if (!NOTIFIED_FROM.includes(claim.status)) {
        throw new DomainError('INVALID_STATE', `a ${claim.status} claim takes no change notification`, { claimStatus: claim.status, allowedFrom: NOTIFIED_FROM });
      }
      const notifiedOn = todayInJapan();
      if (command.kind === 'plan') assertNoRuleViolations(planChangeFindings(notifiedOn, effectiveOn!));
      const kind = command.kind === 'plan' ? 'plan_change_notified' : 'change_notified';
      const rule = command.kind === 'plan' ? PROCESS_RULE_IDS.planChangeNotice : PROCESS_RULE_IDS.cfpChangeNotification;
      const actorId = command.actor.kind === 'organization' ? command.actor.organizationId : null;
      await stores.claimProcess.insertEvent({
        id: newId(), claimId: claim.id, kind, actorId, reason: command.description, dueOn: effectiveOn ?? null, fromStatus: claim.status, detail: { rule }, createdSeq: seq, createdAt: now,
      });
      return {
        journalType: `claim.${kind}`,
        journalPayload: { claimId: claim.id, rule, description: command.description, effectiveOn, notifiedOn },
        result: await claimView(stores, claim),
      };
    });
    return result;
  }
}
