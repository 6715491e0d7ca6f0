import type { JournalEntry } from '@registry/domain';
import type { JournalStore } from '@registry/ledger/ports';
import type { Sql } from './sql';

interface EntryRow {
  seq: number | string;
  type: string;
  payload: string;
  actor: string;
  recorded_at: string;
  prev_hash: string;
  hash: string;
}

export class SqlJournalStore implements JournalStore {
  constructor(private readonly sql: Sql) {}

  async lockHead(): Promise<{ seq: number; hash: string }> {
    // SQLite writers are already serialised (one in-process lock, and SQLite's own write lock).
    const lock = this.sql.postgres ? ' FOR UPDATE' : '';
    return this.readHead(`SELECT seq, hash FROM ledger_head WHERE id = 1${lock}`);
  }

  head(): Promise<{ seq: number; hash: string }> {
    return this.readHead(`SELECT seq, hash FROM ledger_head WHERE id = 1`);
  }

  async append(e: JournalEntry): Promise<void> {
    await this.sql.query(
      `INSERT INTO journal_entries (seq, type, payload, actor, recorded_at, prev_hash, hash) VALUES (?, ?, ?, ?, ?, ?, ?)`,
      [e.seq, e.type, e.payload, e.actor, e.recordedAt, e.prevHash, e.hash],
    );
    await this.sql.query(`UPDATE ledger_head SET seq = ?, hash = ? WHERE id = 1`, [e.seq, e.hash]);
  }

  async entries(afterSeq: number, limit: number, type?: string): Promise<JournalEntry[]> {
    // `claim` selects every claim.* entry, `claim.certify` that type alone.
    const rows = type
      ? await this.sql.query<EntryRow>(`SELECT * FROM journal_entries WHERE seq > ? AND (type = ? OR substr(type, 1, ?) = ?) ORDER BY seq LIMIT ?`, [afterSeq, type, type.length + 1, `${type}.`, limit])
      : await this.sql.query<EntryRow>(`SELECT * FROM journal_entries WHERE seq > ? ORDER BY seq LIMIT ?`, [afterSeq, limit]);
    return rows.map((r) => ({
      seq: Number(r.seq),
      type: r.type,
      payload: r.payload,
      actor: r.actor,
      recordedAt: r.recorded_at,
      prevHash: r.prev_hash,
      hash: r.hash,
    }));
  }

  private async readHead(text: string): Promise<{ seq: number; hash: string }> {
    const row = await this.sql.one<{ seq: number | string; hash: string }>(text);
    if (!row) throw new Error('ledger_head row is missing: the ledger migration did not run');
    return { seq: Number(row.seq), hash: row.hash };
  }
}
