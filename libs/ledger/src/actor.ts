import type { OrganizationRole } from '@registry/domain';

/** An organisation acting through one of its API keys, or through one of its people (signed in). */
type OrganizationActor =
  | { kind: 'organization'; organizationId: string; roles: OrganizationRole[]; apiKeyId: string; personId?: undefined }
  | { kind: 'organization'; organizationId: string; roles: OrganizationRole[]; personId: string; apiKeyId?: undefined };

/**
 * Who acts: the admin key, a person holding the admin role, or an organisation through a key or
 * one of its people.
 */
export type Actor = { kind: 'admin'; personId?: string; organizationId?: string } | OrganizationActor;

/**
 * How the journal names the actor. Keys keep the labels they always had (`admin`,
 * `org:<id>/key:<id>`), so old entries read as before; a person is named by id, never by email.
 */
export function actorLabel(actor: Actor): string {
  if (actor.kind === 'admin') return actor.personId ? `admin/person:${actor.personId}` : 'admin';
  return actor.personId ? `org:${actor.organizationId}/person:${actor.personId}` : `org:${actor.organizationId}/key:${actor.apiKeyId}`;
}

export function hasRole(actor: Actor | undefined, role: OrganizationRole): boolean {
  return actor?.kind === 'organization' && actor.roles.includes(role);
}
