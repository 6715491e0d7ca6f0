import type { OrganizationRole } from '@registry/domain';

export type Principal =
  | { kind: 'admin' }
  | { kind: 'organization'; organizationId: string; roles: OrganizationRole[]; apiKeyId: string };
