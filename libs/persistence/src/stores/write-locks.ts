import type { WriteLocks } from '@registry/ledger/ports';
import type { Sql } from './sql';

/** Advisory lock key of the writers' lock (any constant; it only has to be the same everywhere). */
export const WRITERS_LOCK = 7_220_917;

/** PostgreSQL advisory locks held until the transaction ends; SQLite's one writer needs none. */
export class SqlWriteLocks implements WriteLocks {
  constructor(private readonly sql: Sql) {}

  async writers(mode: 'shared' | 'exclusive'): Promise<void> {
    if (!this.sql.postgres) return;
    await this.sql.query(`SELECT ${writersLockCall(mode)}`, [WRITERS_LOCK]);
  }

  async key(key: string): Promise<void> {
    if (!this.sql.postgres) return;
    await this.sql.query(`SELECT pg_advisory_xact_lock(hashtextextended(?, 0))`, [key]);
  }
}

/** The call that takes the writers' lock in `mode`, its key a parameter. */
export function writersLockCall(mode: 'shared' | 'exclusive'): string {
  return mode === 'shared' ? 'pg_advisory_xact_lock_shared(?)' : 'pg_advisory_xact_lock(?)';
}
