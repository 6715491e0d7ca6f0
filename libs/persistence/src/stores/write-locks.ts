import type { WriteLocks } from '@registry/ledger/ports';
import type { Sql } from './sql';

/** Advisory lock key of the writers' lock (any constant; it only has to be the same everywhere). */
export const WRITERS_LOCK = 7_220_917;

/**
 * Advisory locks belong to the database, not to a schema, and a registry is a schema: every lock
 * here carries the hash of the registry's schema, so registries that share a database never wait on
 * each other's writers' lock (two-key form) or per-key locks (the hash seeds the key's own hash).
 */
const SCHEMA_HASH = 'hashtext(current_schema())';

/** PostgreSQL advisory locks held until the transaction ends; SQLite's one writer needs none. */
export class SqlWriteLocks implements WriteLocks {
  constructor(private readonly sql: Sql) {}

  async writers(mode: 'shared' | 'exclusive'): Promise<void> {
    if (!this.sql.postgres) return;
    await this.sql.query(`SELECT ${writersLockCall(mode)}`, [WRITERS_LOCK]);
  }

  async key(key: string): Promise<void> {
    if (!this.sql.postgres) return;
    await this.sql.query(`SELECT pg_advisory_xact_lock(hashtextextended(?, ${SCHEMA_HASH}))`, [key]);
  }
}

/** The call that takes this registry's writers' lock in `mode`, WRITERS_LOCK its one parameter. */
export function writersLockCall(mode: 'shared' | 'exclusive'): string {
  return `${mode === 'shared' ? 'pg_advisory_xact_lock_shared' : 'pg_advisory_xact_lock'}(?, ${SCHEMA_HASH})`;
}
