import { CN_RULE_IDS, DomainError } from '@registry/domain';
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

/** The certification body the admin assigned to this claim (never its applicant). */
export function isAssignedCertifier(actor: Actor, claim: ClaimRecord): boolean {
  return hasRole(actor, 'certifier') && actor.kind === 'organization' && claim.certifierId === actor.organizationId;
}

/** The applicant and the providers it authorised on the claim may act for it. */
export async function mayActFor(stores: Stores, actor: Actor, claim: ClaimRecord): Promise<boolean> {
  if (isApplicant(actor, claim)) return true;
  return actor.kind === 'organization' && actor.roles.includes('provider') && (await stores.claims.isProvider(claim.id, actor.organizationId));
}

/** Who may read a claim: those who may act for it, its assigned certifier, auditors and the admin. */
export async function mayRead(stores: Stores, actor: Actor, claim: ClaimRecord): Promise<boolean> {
  return actor.kind === 'admin' || hasRole(actor, 'auditor') || isAssignedCertifier(actor, claim) || (await mayActFor(stores, actor, claim));
}

/**
 * Only the assigned certification body certifies, suspends, reinstates or revokes a claim; the
 * applicant never does, even holding the certifier role (CN 2.1.1 ②). Checked before anything
 * else about the request, so a self-certification attempt learns nothing about the claim's state.
 */
export function assertAssignedCertifier(actor: Actor, claim: ClaimRecord, action: string): void {
  if (isApplicant(actor, claim)) throw notIndependent(`the applicant may not ${action} its own claim`);
  if (claim.certifierId === null) {
    throw forbidden(`no certification body is assigned to this claim yet (the admin assigns one with POST /v1/claims/${claim.id}/certifier)`);
  }
  if (!isAssignedCertifier(actor, claim)) throw forbidden(`only the certification body assigned to this claim may ${action} it`);
}

/** 403 citing CN 2.1.1 ②: the applicant is independent of its certification body. */
export function notIndependent(what: string): DomainError {
  const rule = CN_RULE_IDS.applicantIndependence;
  return new DomainError('FORBIDDEN', `${rule}: ${what}; the applicant must be independent of its certification body`, { rule });
}

export function forbidden(what: string): DomainError {
  return new DomainError('FORBIDDEN', what);
}
