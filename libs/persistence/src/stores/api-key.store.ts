import type { ApiKeyRecord, ApiKeyStore } from '@registry/ledger/ports';
import type { Sql } from './sql';

interface ApiKeyRow {
  id: string;
  organization_id: string;
  lookup_id: string;
  secret_sha256: string;
  label: string | null;
  created_at: string;
  revoked_at: string | null;
}

export class SqlApiKeyStore implements ApiKeyStore {
  constructor(private readonly sql: Sql) {}

  async insert(k: ApiKeyRecord): Promise<void> {
    await this.sql.query(
      `INSERT INTO api_keys (id, organization_id, lookup_id, secret_sha256, label, created_at, revoked_at) VALUES (?, ?, ?, ?, ?, ?, ?)`,
      [k.id, k.organizationId, k.lookupId, k.secretSha256, k.label, k.createdAt, k.revokedAt],
    );
  }

  async findByLookupId(lookupId: string): Promise<ApiKeyRecord | null> {
    const row = await this.sql.one<ApiKeyRow>(`SELECT * FROM api_keys WHERE lookup_id = ?`, [lookupId]);
    return row
      ? {
          id: row.id,
          organizationId: row.organization_id,
          lookupId: row.lookup_id,
          secretSha256: row.secret_sha256,
          label: row.label,
          createdAt: row.created_at,
          revokedAt: row.revoked_at,
        }
      : null;
  }
}
