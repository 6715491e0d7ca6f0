import { effectiveOrganizationRoles, type OrganizationRole } from '@registry/domain';
import { actorLabel, type Actor } from '../actor';
import type { OrganizationRecord, PersonRecord } from '../ports';

/** The actor a signed-in person acts as: an administrator, or their organisation with their share of its roles. */
export function actorOfPerson(person: PersonRecord, organization: OrganizationRecord): Actor {
  if (person.roles.includes('admin')) return { kind: 'admin', personId: person.id, organizationId: organization.id };
  const roles: OrganizationRole[] = effectiveOrganizationRoles(person.roles, organization.roles);
  return { kind: 'organization', organizationId: organization.id, roles, personId: person.id };
}

/** What may be shown about a person: never the hash, nor the failure counter's details. */
export interface PersonSummary {
  id: string;
  organizationId: string;
  email: string;
  roles: PersonRecord['roles'];
  createdAt: string;
  disabledAt: string | null;
}

export function toPersonSummary(person: PersonRecord): PersonSummary {
  const { id, organizationId, email, roles, createdAt, disabledAt } = person;
  return { id, organizationId, email, roles, createdAt, disabledAt };
}

/** The journal names people by id; their emails stay in the people table, out of the append-only log. */
export function personJournalPayload(person: PersonRecord): Record<string, unknown> {
  return { personId: person.id, organizationId: person.organizationId, roles: person.roles, createdAt: person.createdAt };
}

/** How the journal names a person acting for themself (signing out), without loading their organisation. */
export function personActorLabel(person: PersonRecord): string {
  return person.roles.includes('admin')
    ? actorLabel({ kind: 'admin', personId: person.id, organizationId: person.organizationId })
    : actorLabel({ kind: 'organization', organizationId: person.organizationId, roles: [], personId: person.id });
}
