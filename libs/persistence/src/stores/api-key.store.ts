import type { ApiKeyRecord, ApiKeyStore, OrganizationRecord } from '@registry/ledger/ports';
import { organizationFromRow } from './organization.store';
import type { Sql } from './sql';

interface ApiKeyRow {
  id: string;
  organization_id: string;
  lookup_id: string;
  secret_sha256: string;
  label: string | null;
  created_at: string;
  revoked_at: string | null;
  expires_at: string | null;
  last_used_at: string | null;
}

export class SqlApiKeyStore implements ApiKeyStore {
  constructor(private readonly sql: Sql) {}

  async insert(k: ApiKeyRecord): Promise<void> {
    await this.sql.query(
      `INSERT INTO api_keys (id, organization_id, lookup_id, secret_sha256, label, created_at, revoked_at, expires_at, last_used_at)
       VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)`,
      [k.id, k.organizationId, k.lookupId, k.secretSha256, k.label, k.createdAt, k.revokedAt, k.expiresAt, k.lastUsedAt],
    );
  }

  async findByLookupId(lookupId: string): Promise<ApiKeyRecord | null> {
    const row = await this.sql.one<ApiKeyRow>(`SELECT * FROM api_keys WHERE lookup_id = ?`, [lookupId]);
    return row ? toRecord(row) : null;
  }

  async findWithOrganization(lookupId: string): Promise<{ key: ApiKeyRecord; organization: OrganizationRecord } | null> {
    const row = await this.sql.one<ApiKeyRow & { org_name: string; org_corporate_number: string | null; org_roles: string; org_created_at: string }>(
      `SELECT k.*, o.name AS org_name, o.corporate_number AS org_corporate_number, o.roles AS org_roles, o.created_at AS org_created_at
       FROM api_keys k JOIN organizations o ON o.id = k.organization_id WHERE k.lookup_id = ?`,
      [lookupId],
    );
    if (!row) return null;
    const organization = organizationFromRow({ id: row.organization_id, name: row.org_name, corporate_number: row.org_corporate_number, roles: row.org_roles, created_at: row.org_created_at });
    return { key: toRecord(row), organization };
  }

  async findById(id: string): Promise<ApiKeyRecord | null> {
    const row = await this.sql.one<ApiKeyRow>(`SELECT * FROM api_keys WHERE id = ?`, [id]);
    return row ? toRecord(row) : null;
  }

  async listByOrganization(organizationId: string): Promise<ApiKeyRecord[]> {
    const rows = await this.sql.query<ApiKeyRow>(`SELECT * FROM api_keys WHERE organization_id = ? ORDER BY created_at, id`, [organizationId]);
    return rows.map(toRecord);
  }

  async revoke(id: string, at: string): Promise<void> {
    await this.sql.query(`UPDATE api_keys SET revoked_at = ? WHERE id = ? AND revoked_at IS NULL`, [at, id]);
  }

  async touchLastUsed(id: string, at: string, staleBefore: string): Promise<boolean> {
    // The condition is re-checked by the database, so concurrent requests (in any process) write once.
    const touched = await this.sql.query<{ id: string }>(
      `UPDATE api_keys SET last_used_at = ? WHERE id = ? AND (last_used_at IS NULL OR last_used_at < ?) RETURNING id`,
      [at, id, staleBefore],
    );
    return touched.length > 0;
  }
}

function toRecord(row: ApiKeyRow): ApiKeyRecord {
  return {
    id: row.id,
    organizationId: row.organization_id,
    lookupId: row.lookup_id,
    secretSha256: row.secret_sha256,
    label: row.label,
    createdAt: row.created_at,
    revokedAt: row.revoked_at,
    expiresAt: row.expires_at,
    lastUsedAt: row.last_used_at,
  };
}
