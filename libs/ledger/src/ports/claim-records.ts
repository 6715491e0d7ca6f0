import { PROGRAMS, type ClaimDraft } from '@registry/domain';

/** Claim types are the domain's programs. */
export const CLAIM_TYPES = PROGRAMS;
export type ClaimType = (typeof CLAIM_TYPES)[number];
export const CLAIM_STATUSES = ['draft', 'submitted', 'certified', 'suspended', 'revoked', 'withdrawn', 'withdrawal_requested'] as const;
export type ClaimStatus = (typeof CLAIM_STATUSES)[number];

/** CFP art. 10: actual quantities reported after the period (and at interim points of a plan). */
export interface TrueUpRecord {
  points: { date: string; quantity: string }[];
}

export interface ClaimRecord {
  id: string;
  type: ClaimType;
  applicantId: string;
  /** The certification body the admin assigned; only it acts on the claim, and it is never the applicant (CN 2.1.1 ②). */
  certifierId: string | null;
  status: ClaimStatus;
  /** Its `receivedOn` is always the column below (the store puts it there). */
  draft: ClaimDraft;
  /** The day (Japan time) the registry received the claim: selects the rulebook, feeds every date rule. */
  receivedOn: string;
  requiredTonnes: string;
  rulebookId: string | null;
  certificationNumber: string | null;
  certifiedOn: string | null;
  validFrom: string | null;
  validTo: string | null;
  statusReason: string | null;
  trueUp: TrueUpRecord | null;
  createdSeq: number;
  updatedSeq: number;
  createdAt: string;
  updatedAt: string;
}

/** What a retirement states about its credits, for the programs' eligibility rules. */
export interface CreditFacts {
  issuedOn?: string;
  creatorId?: string;
  greeningEvidence?: boolean;
  changedProductFootprint?: boolean;
}
