import type { IdempotencyRecord, IdempotencyStore } from '@registry/ledger/ports';
import type { Sql } from './sql';

export class SqlIdempotencyStore implements IdempotencyStore {
  constructor(private readonly sql: Sql) {}

  async find(actor: string, key: string): Promise<IdempotencyRecord | null> {
    const row = await this.sql.one<{ request_hash: string; status_code: number; response: string; created_at: string }>(
      `SELECT request_hash, status_code, response, created_at FROM idempotency_keys WHERE actor = ? AND key = ?`,
      [actor, key],
    );
    return row
      ? { actor, key, requestHash: row.request_hash, statusCode: Number(row.status_code), response: row.response, createdAt: row.created_at }
      : null;
  }

  async insert(r: IdempotencyRecord): Promise<void> {
    await this.sql.query(
      `INSERT INTO idempotency_keys (actor, key, request_hash, status_code, response, created_at) VALUES (?, ?, ?, ?, ?, ?)`,
      [r.actor, r.key, r.requestHash, r.statusCode, r.response, r.createdAt],
    );
  }
}
