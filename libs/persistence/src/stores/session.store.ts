import type { SessionRecord, SessionStore } from '@registry/ledger/ports';
import type { Sql } from './sql';

interface SessionRow {
  id: string;
  person_id: string;
  created_at: string;
  last_seen_at: string;
  expires_at: string;
  revoked_at: string | null;
}

export class SqlSessionStore implements SessionStore {
  constructor(private readonly sql: Sql) {}

  async insert(s: SessionRecord): Promise<void> {
    await this.sql.query(`INSERT INTO sessions (id, person_id, created_at, last_seen_at, expires_at, revoked_at) VALUES (?, ?, ?, ?, ?, ?)`, [
      s.id, s.personId, s.createdAt, s.lastSeenAt, s.expiresAt, s.revokedAt,
    ]);
  }

  async findById(id: string): Promise<SessionRecord | null> {
    const row = await this.sql.one<SessionRow>(`SELECT * FROM sessions WHERE id = ?`, [id]);
    return row ? toRecord(row) : null;
  }

  async touchLastSeen(id: string, at: string, staleBefore: string): Promise<boolean> {
    // Re-checked by the database, so concurrent requests (in any process) write once.
    const touched = await this.sql.query<{ id: string }>(
      `UPDATE sessions SET last_seen_at = ? WHERE id = ? AND last_seen_at < ? AND revoked_at IS NULL RETURNING id`,
      [at, id, staleBefore],
    );
    return touched.length > 0;
  }

  async revoke(id: string, at: string): Promise<boolean> {
    const revoked = await this.sql.query<{ id: string }>(`UPDATE sessions SET revoked_at = ? WHERE id = ? AND revoked_at IS NULL RETURNING id`, [at, id]);
    return revoked.length > 0;
  }

  async revokeAllOf(personId: string, at: string): Promise<number> {
    const revoked = await this.sql.query<{ id: string }>(
      `UPDATE sessions SET revoked_at = ? WHERE person_id = ? AND revoked_at IS NULL RETURNING id`,
      [at, personId],
    );
    return revoked.length;
  }
}

function toRecord(row: SessionRow): SessionRecord {
  return {
    id: row.id,
    personId: row.person_id,
    createdAt: row.created_at,
    lastSeenAt: row.last_seen_at,
    expiresAt: row.expires_at,
    revokedAt: row.revoked_at,
  };
}
