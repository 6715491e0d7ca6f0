import { DomainError, labelsRemovedBy, PROCESS_RULE_IDS, sanctionFindings, assertNoRuleViolations, type SanctionGround } from '@registry/domain';
import type { ClaimProcessEventRecord, ClaimRecord, ClaimStatus, Stores } from '../ports';
import { CLAIM_TRANSITIONS, withdrawalTarget, type ClaimAction } from './claim-lifecycle';

export type ProcessEvent = Pick<ClaimProcessEventRecord, 'kind' | 'reason' | 'dueOn' | 'fromStatus' | 'detail'>;

export interface ProcessStep {
  to: ClaimStatus;
  event: ProcessEvent | null;
}

/** CFP art. 13: a notification the secretariat accepts; seed 004 has no suspension, reinstatement or revocation. */
const NOT_IN_CFP: readonly ClaimAction[] = ['suspend', 'reinstate', 'revoke'];

export function refuseOutsideProgram(claim: ClaimRecord, action: ClaimAction): void {
  if (claim.type !== 'CFP' || !NOT_IN_CFP.includes(action)) return;
  const rule = PROCESS_RULE_IDS.cfpNotification;
  throw new DomainError(
    'INVALID_STATE',
    `${rule}: a CFP offset is notified (届出, art. 13), not certified: seed 004 knows no ${action}; the participant withdraws it (art. 18) or notifies changes (art. 13 ③)`,
    { rule, claimType: claim.type, claimStatus: claim.status },
  );
}

/** The status a step leads to and what the claim's process record keeps of it (`today`: Japan date). */
export async function processStep(
  stores: Stores,
  claim: ClaimRecord,
  action: ClaimAction,
  command: { reason?: string; ground?: SanctionGround },
  today: string,
): Promise<ProcessStep> {
  const reason = command.reason ?? null;
  const base = { reason, dueOn: null, fromStatus: claim.status, detail: null };
  switch (action) {
    case 'withdraw': {
      const to = withdrawalTarget(claim);
      if (to === 'withdrawal_requested') return { to, event: { ...base, kind: 'withdrawal_requested' } };
      // CFP art. 18 ③ ①: marks removed from unshipped products within 1 month of the withdrawal.
      const dueOn = claim.type === 'CFP' && claim.certificationNumber ? labelsRemovedBy(today) : null;
      return { to, event: { ...base, kind: 'withdrawn', dueOn } };
    }
    case 'accept_withdrawal':
      return { to: 'withdrawn', event: { ...base, kind: 'withdrawn' } };
    case 'reject_withdrawal': {
      const request = (await stores.claimProcess.events(claim.id)).filter((e) => e.kind === 'withdrawal_requested').at(-1);
      const to = (request?.fromStatus as ClaimStatus | undefined) ?? CLAIM_TRANSITIONS.reject_withdrawal.to;
      return { to, event: { ...base, kind: 'withdrawal_rejected' } };
    }
    case 'suspend':
    case 'revoke': {
      const ground = command.ground ?? 'uncorrected';
      if (claim.type !== 'CFP') assertNoRuleViolations(sanctionFindings(claim.type, ground, await correctionOutstanding(stores, claim)));
      // 2.3.6 ② b): labels removed within 1 month of the revocation.
      const dueOn = action === 'revoke' ? labelsRemovedBy(today) : null;
      return { to: CLAIM_TRANSITIONS[action].to, event: { ...base, kind: action === 'revoke' ? 'revoked' : 'suspended', dueOn, detail: { ground } } };
    }
    default:
      return { to: CLAIM_TRANSITIONS[action].to, event: null };
  }
}

/**
 * 2.3.5 ②: a recommendation for correction made since the last sanction (a suspension already
 * acted on the previous one, so revoking a suspended claim for the same breach needs no new one).
 */
async function correctionOutstanding(stores: Stores, claim: ClaimRecord): Promise<boolean> {
  const events = await stores.claimProcess.events(claim.id);
  const lastRecommendation = events.filter((e) => e.kind === 'correction_recommended').at(-1);
  if (!lastRecommendation) return false;
  if (claim.status === 'suspended') return true;
  const lastSanction = events.filter((e) => e.kind === 'suspended' || e.kind === 'revoked').at(-1);
  return !lastSanction || lastSanction.createdSeq < lastRecommendation.createdSeq;
}
