/** A verification report recorded by a verification body (seed 002 2.2, 3.2). */
export interface VerificationRecord {
  id: string;
  claimId: string;
  verifierId: string;
  reportReference: string;
  assurance: 'reasonable' | 'limited';
  opinion: 'unqualified' | 'qualified' | 'adverse';
  verifiedEmissions: { scope1: string; scope2: string; scope3?: string };
  /** 2.2.2: the verifier declared itself independent of the applicant. */
  independenceDeclared: boolean;
  createdSeq: number;
  createdAt: string;
}

export const CLAIM_PROCESS_EVENT_KINDS = [
  'correction_recommended',
  'suspended',
  'revoked',
  'withdrawal_requested',
  'withdrawal_rejected',
  'withdrawn',
  'plan_change_notified',
  'change_notified',
] as const;
export type ClaimProcessEventKind = (typeof CLAIM_PROCESS_EVENT_KINDS)[number];

/**
 * A step of the certification process kept with the claim (the journal has them too): a
 * recommendation for correction and its due date, a sanction and its ground, a withdrawal request
 * and the status it left, a change notification and when it takes effect.
 */
export interface ClaimProcessEventRecord {
  id: string;
  claimId: string;
  kind: ClaimProcessEventKind;
  actorId: string | null;
  reason: string | null;
  /** dueOn of a recommendation, effectiveOn of a change, labelsRemovedBy of a revocation or withdrawal. */
  dueOn: string | null;
  /** The claim's status before the step (a rejected withdrawal request returns to it). */
  fromStatus: string | null;
  detail: Record<string, unknown> | null;
  createdSeq: number;
  createdAt: string;
}

export interface ClaimProcessStore {
  insertVerification(verification: VerificationRecord): Promise<void>;
  /** The newest verification of the claim (a later report supersedes an earlier one). */
  latestVerification(claimId: string): Promise<VerificationRecord | null>;
  insertEvent(event: ClaimProcessEventRecord): Promise<void>;
  /** Oldest first. */
  events(claimId: string): Promise<ClaimProcessEventRecord[]>;
  /** 2.3.3 ②: the applicant's claims of this type awaiting a decision (submitted), other than `excludingId`, with the day the registry received each. */
  undecidedApplications(applicantId: string, type: string, excludingId: string): Promise<{ id: string; receivedOn: string }[]>;
}
