import { checkMateriality, labelsRemovedBy, PROCESS_RULE_IDS, type ClaimDraft, type MaterialityCheck } from '@registry/domain';
import type { ClaimProcessEventRecord, ClaimRecord, Stores, VerificationRecord } from '../ports';
import { japanDateOf } from './japan-instant';

export interface VerificationView {
  id: string;
  verifierId: string;
  reportReference: string;
  assurance: string;
  opinion: string;
  verifiedEmissions: VerificationRecord['verifiedEmissions'];
  independenceDeclared: boolean;
  verifiedOn: string;
  /** CN-2.2.4: the applicant's total against the verified one. */
  materiality: MaterialityCheck | null;
}

/** The certification process around the claim: verification, recommendations, sanctions, withdrawal, renewal, changes. */
export interface ClaimProcessView {
  /** CFP art. 13: the secretariat's number for an accepted notification (the same as certificationNumber). */
  notificationNumber?: string | null;
  verification: VerificationView | null;
  correctionRecommendations: { reason: string | null; dueOn: string | null; recommendedOn: string }[];
  sanctions: { action: string; ground: string | null; reason: string | null; on: string }[];
  /** 2.3.7: a withdrawal the applicant asked for and the certifier has not decided yet. */
  withdrawalRequest: { reason: string | null; requestedOn: string; fromStatus: string | null } | null;
  /** CN-2.3.6-2 / CFP-art18: the day by which labels (marks) must be gone, after revocation or withdrawal. */
  labelsRemovedBy: string | null;
  /** CN-2.3.3-2: validity runs on while the renewal application filed within it is decided. */
  pendingRenewal: { claimId: string; filedOn: string; rule: string } | null;
  planChanges: { effectiveOn: string | null; description: string | null; notifiedOn: string }[];
  changeNotifications: { effectiveOn: string | null; description: string | null; notifiedOn: string }[];
}

export function verificationView(draft: ClaimDraft, v: VerificationRecord | null): VerificationView | null {
  if (!v) return null;
  const materiality = draft.type === 'CFP' ? null : checkMateriality(draft.emissions, v.verifiedEmissions, draft.emissions.includeScope3 === true);
  return {
    id: v.id,
    verifierId: v.verifierId,
    reportReference: v.reportReference,
    assurance: v.assurance,
    opinion: v.opinion,
    verifiedEmissions: v.verifiedEmissions,
    independenceDeclared: v.independenceDeclared,
    verifiedOn: japanDateOf(v.createdAt),
    materiality,
  };
}

export async function claimProcessView(stores: Stores, claim: ClaimRecord, verification: VerificationRecord | null): Promise<ClaimProcessView> {
  const events = await stores.claimProcess.events(claim.id);
  const of = (kind: ClaimProcessEventRecord['kind']) => events.filter((e) => e.kind === kind);
  const last = events.at(-1);
  const notice = (e: ClaimProcessEventRecord) => ({ effectiveOn: e.dueOn, description: e.reason, notifiedOn: japanDateOf(e.createdAt) });
  const ended = events.filter((e) => e.kind === 'revoked' || e.kind === 'withdrawn').at(-1);
  return {
    ...(claim.type === 'CFP' ? { notificationNumber: claim.certificationNumber } : {}),
    verification: verificationView(claim.draft, verification),
    correctionRecommendations: of('correction_recommended').map((e) => ({ reason: e.reason, dueOn: e.dueOn, recommendedOn: japanDateOf(e.createdAt) })),
    sanctions: events
      .filter((e) => e.kind === 'suspended' || e.kind === 'revoked')
      .map((e) => ({ action: e.kind, ground: (e.detail?.ground as string | undefined) ?? null, reason: e.reason, on: japanDateOf(e.createdAt) })),
    withdrawalRequest:
      claim.status === 'withdrawal_requested' && last?.kind === 'withdrawal_requested'
        ? { reason: last.reason, requestedOn: japanDateOf(last.createdAt), fromStatus: last.fromStatus }
        : null,
    labelsRemovedBy: ended && (claim.status === 'revoked' || claim.status === 'withdrawn') ? ended.dueOn : null,
    pendingRenewal: await pendingRenewal(stores, claim),
    planChanges: of('plan_change_notified').map(notice),
    changeNotifications: of('change_notified').map(notice),
  };
}

/** The day labels must be gone after a revocation (2.3.6 ② b) or a withdrawal (CFP art. 18 ③ ①). */
export function labelDeadline(eventInstant: string): string {
  return labelsRemovedBy(japanDateOf(eventInstant));
}

/**
 * 2.3.3 ② proviso: a certified CN claim whose holder filed a new CN application within its
 * validity stays valid until that application is decided. Filing = the day the registry received it
 * (receivedOn: an administrator may record an application received before it was entered).
 */
export async function pendingRenewal(stores: Stores, claim: ClaimRecord): Promise<ClaimProcessView['pendingRenewal']> {
  if (claim.type !== 'CN' || claim.status !== 'certified' || !claim.validFrom || !claim.validTo) return null;
  const candidates = await stores.claimProcess.undecidedApplications(claim.applicantId, 'CN', claim.id);
  for (const candidate of candidates) {
    const filedOn = candidate.receivedOn;
    if (filedOn >= claim.validFrom && filedOn <= claim.validTo) {
      return { claimId: candidate.id, filedOn, rule: PROCESS_RULE_IDS.renewalPending };
    }
  }
  return null;
}
