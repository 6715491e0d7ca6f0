import type { OrganizationRole } from '@registry/domain';

/** Who acts: the admin key, or an organisation through one of its keys. */
export type Actor =
  | { kind: 'admin' }
  | { kind: 'organization'; organizationId: string; roles: OrganizationRole[]; apiKeyId: string };

/** How the journal names the actor. */
export function actorLabel(actor: Actor): string {
  return actor.kind === 'admin' ? 'admin' : `org:${actor.organizationId}/key:${actor.apiKeyId}`;
}

export function hasRole(actor: Actor | undefined, role: OrganizationRole): boolean {
  return actor?.kind === 'organization' && actor.roles.includes(role);
}
