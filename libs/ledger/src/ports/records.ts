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
}

export interface JobRunRecord {
  jobId: string;
  name: string;
  processedBy: string;
  attempts: number;
  processedAt: string;
}
