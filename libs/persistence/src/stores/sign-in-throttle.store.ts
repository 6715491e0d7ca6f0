import type { FailureCounter } from '@registry/domain';
import type { SignInThrottleStore } from '@registry/ledger/ports';
import type { Sql } from './sql';

interface ThrottleRow {
  failures: number | string;
  window_started_at: string | null;
  locked_until: string | null;
}

export class SqlSignInThrottleStore implements SignInThrottleStore {
  constructor(private readonly sql: Sql) {}

  async find(sourceKey: string): Promise<FailureCounter | null> {
    const row = await this.sql.one<ThrottleRow>(`SELECT failures, window_started_at, locked_until FROM sign_in_throttles WHERE source_key = ?`, [sourceKey]);
    return row ? { failures: Number(row.failures), windowStartedAt: row.window_started_at, lockedUntil: row.locked_until } : null;
  }

  async save(sourceKey: string, c: FailureCounter): Promise<void> {
    await this.sql.query(
      `INSERT INTO sign_in_throttles (source_key, failures, window_started_at, locked_until) VALUES (?, ?, ?, ?)
       ON CONFLICT (source_key) DO UPDATE SET failures = excluded.failures, window_started_at = excluded.window_started_at, locked_until = excluded.locked_until`,
      [sourceKey, c.failures, c.windowStartedAt, c.lockedUntil],
    );
  }
}
