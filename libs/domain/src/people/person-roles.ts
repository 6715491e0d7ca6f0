import { DomainError } from '../errors';
import type { OrganizationRole, Role } from '../organizations/roles';
import { PEOPLE_RULE_IDS } from './people-rules';

/**
 * The roles a person may be given: PEOPLE-ROLES-1 roles of their organisation only; PEOPLE-ROLES-2
 * `admin`, which is no organisation's role, only when an administrator (or the console) grants it.
 * Returns them sorted without repeats, as stored.
 */
export function assertPersonRoles(requested: readonly Role[], organizationRoles: readonly OrganizationRole[], grantedByAdmin: boolean): Role[] {
  const roles = [...new Set(requested)].sort();
  const foreign = roles.filter((role) => role !== 'admin' && !(organizationRoles as readonly string[]).includes(role));
  if (foreign.length > 0) {
    throw refuse(PEOPLE_RULE_IDS.rolesOfOrganization, `${foreign.join(', ')} ${foreign.length === 1 ? 'is not a role' : 'are not roles'} of the organisation`);
  }
  if (roles.includes('admin') && !grantedByAdmin) throw refuse(PEOPLE_RULE_IDS.adminGrantedByAdmin, 'admin is granted by an administrator only');
  return roles;
}

/**
 * The organisation roles a person acts with today: theirs that the organisation still holds, so
 * a role taken from the organisation is taken from its people too.
 */
export function effectiveOrganizationRoles(personRoles: readonly Role[], organizationRoles: readonly OrganizationRole[]): OrganizationRole[] {
  return organizationRoles.filter((role) => personRoles.includes(role));
}

function refuse(rule: string, message: string): DomainError {
  return new DomainError('VALIDATION_FAILED', `roles: ${message} (${rule})`, { errors: [{ field: 'roles', message, rule }] });
}
