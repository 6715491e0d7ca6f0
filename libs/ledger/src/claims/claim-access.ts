import { DomainError } from '@registry/domain';
import { hasRole, type Actor } from '../actor';
import type { ClaimRecord, Stores } from '../ports';

export async function loadClaim(stores: Stores, claimId: string): Promise<ClaimRecord> {
  const claim = await stores.claims.findById(claimId);
  if (!claim) throw new DomainError('NOT_FOUND', `claim ${claimId} does not exist`, { field: 'claimId' });
  return claim;
}

export function isApplicant(actor: Actor, claim: ClaimRecord): boolean {
  return actor.kind === 'organization' && actor.organizationId === claim.applicantId;
}

/** The applicant and the providers it authorised on the claim may act for it. */
export async function mayActFor(stores: Stores, actor: Actor, claim: ClaimRecord): Promise<boolean> {
  if (isApplicant(actor, claim)) return true;
  return actor.kind === 'organization' && actor.roles.includes('provider') && (await stores.claims.isProvider(claim.id, actor.organizationId));
}

/** Who may read a claim: those who may act for it, certifiers, auditors and the admin. */
export async function mayRead(stores: Stores, actor: Actor, claim: ClaimRecord): Promise<boolean> {
  return actor.kind === 'admin' || hasRole(actor, 'certifier') || hasRole(actor, 'auditor') || (await mayActFor(stores, actor, claim));
}

export function forbidden(what: string): DomainError {
  return new DomainError('FORBIDDEN', what);
}
