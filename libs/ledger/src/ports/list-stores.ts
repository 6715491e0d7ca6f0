import type { OrganizationRole, SchemeCode } from '@registry/domain';
import type { ClaimStatus, ClaimType } from './claim-records';
import type { OrganizationRecord } from './records';

/** Newest first: a page continues below the last `seq` it answered. */
export interface SeqPage {
  beforeSeq?: number;
  limit: number;
}

export interface RetirementListFilter extends SeqPage {
  /** Only retirements this organisation made, or that back one of its claims (everything when unset). */
  visibleTo?: string;
  organizationId?: string;
  beneficiary?: string;
  claimId?: string;
  scheme?: SchemeCode;
  retiredFrom?: string;
  retiredTo?: string;
}

export interface ClaimListFilter extends SeqPage {
  /** The claims an organisation may see in these capacities (everything when unset). */
  visibleTo?: { organizationId: string; asApplicant: boolean; asProvider: boolean; asCertifier: boolean };
  type?: ClaimType;
  status?: ClaimStatus;
}

export interface RegisterFilter {
  type?: ClaimType;
  status?: ClaimStatus;
  certifiedFrom?: string;
  certifiedTo?: string;
  /** Part of the holder's name, the product's name, the boundary or a beneficiary of the claim's retirements. */
  text?: string;
  /** Part of the holder's (applicant's) name. */
  applicant?: string;
  /** Part of the product's name (CFP claims). */
  product?: string;
  /** Part of a beneficiary named by one of the claim's retirements. */
  beneficiary?: string;
  /** Claims whose period (CN and CN plans: the target period; CFP: the period) ends on or after this day. */
  periodFrom?: string;
  /** Claims whose period starts on or before this day. */
  periodTo?: string;
  afterId?: string;
  limit: number;
}

export interface OrganizationListFilter {
  /** Only organisations holding one of these roles (the public directory). */
  anyRole?: readonly OrganizationRole[];
  role?: OrganizationRole;
  nameContains?: string;
  afterId?: string;
  limit: number;
}

export interface SchemeTotal {
  scheme: SchemeCode;
  blocks: number;
  quantity: bigint;
}

/** Filtered, paged reads for the lists people work from (API.md "Lists"). */
export interface ListStore {
  retirementIds(filter: RetirementListFilter): Promise<{ id: string; seq: number }[]>;
  claimIds(filter: ClaimListFilter): Promise<{ id: string; seq: number }[]>;
  organizations(filter: OrganizationListFilter): Promise<OrganizationRecord[]>;
  /** Ids of claims ever certified (the public register), by id. */
  registerIds(filter: RegisterFilter): Promise<string[]>;
  /** Live held blocks of an owner summed per scheme. */
  heldTotals(ownerId: string, scheme?: SchemeCode): Promise<SchemeTotal[]>;
}
