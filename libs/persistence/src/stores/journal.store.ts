import type { JournalEntry } from '@registry/domain';
import type { JournalStore, LoggedJournalEntry } from '@registry/ledger/ports';
import { sqlRowCount, type Sql } from './sql';
import { WRITERS_LOCK, writersLockCall } from './write-locks';

export interface EntryRow {
  seq: number | string;
  type: string;
  payload: string;
  actor: string;
  recorded_at: string;
  prev_hash: string;
  hash: string;
}

export const ENTRY_COLUMNS = 'e.seq, e.type, e.payload, e.actor, e.recorded_at, e.prev_hash, e.hash';

export function toEntry(r: EntryRow): JournalEntry {
  return { seq: Number(r.seq), type: r.type, payload: r.payload, actor: r.actor, recordedAt: r.recorded_at, prevHash: r.prev_hash, hash: r.hash };
}

export class SqlJournalStore implements JournalStore {
  constructor(private readonly sql: Sql) {}

  async nextSeq(writers?: 'shared' | 'exclusive'): Promise<number> {
    if (this.sql.postgres) {
      // With `writers`, the lock first (the subquery's row exists before nextval is evaluated), in the same round trip.
      const row = writers
        ? await this.sql.one<{ seq: string }>(`SELECT nextval('journal_seq') AS seq FROM (SELECT ${writersLockCall(writers)}) AS writers`, [WRITERS_LOCK])
        : await this.sql.one<{ seq: string }>(`SELECT nextval('journal_seq') AS seq`);
      return Number(row!.seq);
    }
    const row = await this.sql.one<{ seq: number }>(`UPDATE ledger_head SET seq = seq + 1 WHERE id = 1 RETURNING seq`);
    if (!row) throw new Error('ledger_head row is missing: the ledger migration did not run');
    return Number(row.seq);
  }

  async append(e: JournalEntry): Promise<void> {
    const values = [e.seq, e.type, e.payload, e.actor, e.recordedAt, e.prevHash, e.hash];
    if (this.sql.postgres) {
      // The entry and its place in the sequencer's queue in one round trip.
      await this.sql.query(
        `WITH entry AS (INSERT INTO journal_entries (seq, type, payload, actor, recorded_at, prev_hash, hash) VALUES (?, ?, ?, ?, ?, ?, ?) RETURNING seq)
         INSERT INTO journal_pending (seq) SELECT seq FROM entry`,
        values,
      );
      return;
    }
    await this.sql.query(`INSERT INTO journal_entries (seq, type, payload, actor, recorded_at, prev_hash, hash) VALUES (?, ?, ?, ?, ?, ?, ?)`, values);
    await this.sql.query(`INSERT INTO journal_pending (seq) VALUES (?)`, [e.seq]);
  }

  async logged(fromIndex: number, limit: number, type?: string): Promise<LoggedJournalEntry[]> {
    // `claim` selects every claim.* entry, `claim.certify` that type alone.
    const from = `FROM log_leaves l JOIN journal_entries e ON e.seq = l.seq WHERE l.idx >= ?`;
    const rows = type
      ? await this.sql.query<EntryRow & { idx: number | string }>(`SELECT l.idx, ${ENTRY_COLUMNS} ${from} AND (e.type = ? OR substr(e.type, 1, ?) = ?) ORDER BY l.idx LIMIT ${sqlRowCount(limit)}`, [fromIndex, type, type.length + 1, `${type}.`])
      : await this.sql.query<EntryRow & { idx: number | string }>(`SELECT l.idx, ${ENTRY_COLUMNS} ${from} ORDER BY l.idx LIMIT ${sqlRowCount(limit)}`, [fromIndex]);
    return rows.map((r) => ({ ...toEntry(r), logIndex: Number(r.idx) }));
  }

  async claimEntries(claimId: string): Promise<JournalEntry[]> {
    const field = (name: string) => (this.sql.postgres ? `(e.payload::jsonb ->> '${name}')` : `json_extract(e.payload, '$.${name}')`);
    // claim.created names the claim `id`; every later claim.* entry names it `claimId`. Each half states
    // the expression and predicate of its index (migration 0017), so a claim's history reads its entries only.
    const rows = await this.sql.query<EntryRow>(
      `SELECT ${ENTRY_COLUMNS} FROM journal_entries e WHERE substr(e.type, 1, 6) = 'claim.' AND ${field('claimId')} = ?
       UNION
       SELECT ${ENTRY_COLUMNS} FROM journal_entries e WHERE e.type = 'claim.created' AND ${field('id')} = ?
       ORDER BY seq`,
      [claimId, claimId],
    );
    return rows.map(toEntry);
  }

  async newestPendingSeq(): Promise<number | null> {
    const row = await this.sql.one<{ seq: number | string | null }>(`SELECT MAX(seq) AS seq FROM journal_pending`);
    return row?.seq === null || row?.seq === undefined ? null : Number(row.seq);
  }

  async pendingUpTo(seq: number): Promise<boolean> {
    return (await this.sql.query(`SELECT 1 FROM journal_pending WHERE seq <= ? LIMIT 1`, [seq])).length > 0;
  }
}
