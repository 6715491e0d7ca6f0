import type { OrganizationRole } from '@registry/domain';

export interface OrganizationRecord {
  id: string;
  name: string;
  corporateNumber: string | null;
  roles: OrganizationRole[];
  createdAt: string;
}

export interface ApiKeyRecord {
  id: string;
  organizationId: string;
  lookupId: string;
  secretSha256: string;
  label: string | null;
  createdAt: string;
  revokedAt: string | null;
  /** The key is refused from this instant on; null: never expires. */
  expiresAt: string | null;
  /** Refreshed at most once a minute (see ApiKeyAuthenticator), so reads stay reads. */
  lastUsedAt: string | null;
}

export interface JobRunRecord {
  jobId: string;
  name: string;
  processedBy: string;
  attempts: number;
  processedAt: string;
}
