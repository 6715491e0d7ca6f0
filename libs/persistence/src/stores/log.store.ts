import { nodeKey, type JournalEntry, type NodeId, type NodeWithHash } from '@registry/domain';
import type { CheckpointRecord, LogStore } from '@registry/ledger/log/log-ports';
import type { LoggedJournalEntry } from '@registry/ledger/ports';
import { ENTRY_COLUMNS, toEntry, type EntryRow } from './journal.store';
import { sqlRowCount, type Sql } from './sql';

interface CheckpointRow {
  size: number | string;
  root_hash: Buffer;
  note: string;
  created_at: string;
}

const toCheckpoint = (r: CheckpointRow): CheckpointRecord => ({ size: Number(r.size), rootHash: Buffer.from(r.root_hash), note: r.note, createdAt: r.created_at });

/** Rows per INSERT on SQLite (its bound-parameter limit is 32,766); PostgreSQL takes arrays. */
const SQLITE_CHUNK = 2000;

export class SqlLogStore implements LogStore {
  constructor(private readonly sql: Sql) {}

  async pending(limit: number): Promise<JournalEntry[]> {
    const rows = await this.sql.query<EntryRow>(
      `SELECT ${ENTRY_COLUMNS} FROM journal_pending p JOIN journal_entries e ON e.seq = p.seq ORDER BY p.seq LIMIT ${sqlRowCount(limit)}`,
    );
    return rows.map(toEntry);
  }

  async size(): Promise<number> {
    const row = await this.sql.one<{ idx: number | string | null }>(`SELECT MAX(idx) AS idx FROM log_leaves`);
    return row?.idx === null || row?.idx === undefined ? 0 : Number(row.idx) + 1;
  }

  async nodes(ids: readonly NodeId[]): Promise<Map<string, Buffer>> {
    const found = new Map<string, Buffer>();
    if (ids.length === 0) return found;
    const rows = this.sql.postgres
      ? await this.sql.query<{ level: number; idx: string; hash: Buffer }>(
          `SELECT n.level, n.idx, n.hash FROM log_nodes n JOIN unnest(?::smallint[], ?::bigint[]) AS w(level, idx) ON n.level = w.level AND n.idx = w.idx`,
          [ids.map((id) => id.level), ids.map((id) => id.index)],
        )
      : await this.sql.query<{ level: number; idx: number; hash: Buffer }>(
          `SELECT level, idx, hash FROM log_nodes WHERE ${ids.map(() => '(level = ? AND idx = ?)').join(' OR ')}`,
          ids.flatMap((id) => [id.level, id.index]),
        );
    for (const row of rows) found.set(nodeKey({ level: Number(row.level), index: Number(row.idx) }), Buffer.from(row.hash));
    return found;
  }

  async appendLeaves(leaves: readonly { index: number; seq: number }[], nodes: readonly NodeWithHash[], sequencedAt: string): Promise<void> {
    if (leaves.length === 0) return;
    if (this.sql.postgres) {
      await this.sql.query(`INSERT INTO log_leaves (idx, seq, sequenced_at) SELECT idx, seq, ? FROM unnest(?::bigint[], ?::bigint[]) AS w(idx, seq)`, [
        sequencedAt,
        leaves.map((l) => l.index),
        leaves.map((l) => l.seq),
      ]);
      await this.sql.query(`INSERT INTO log_nodes (level, idx, hash) SELECT * FROM unnest(?::smallint[], ?::bigint[], ?::bytea[])`, [
        nodes.map((n) => n.level),
        nodes.map((n) => n.index),
        nodes.map((n) => n.hash),
      ]);
      await this.sql.query(`DELETE FROM journal_pending WHERE seq = ANY(?::bigint[])`, [leaves.map((l) => l.seq)]);
      return;
    }
    for (let i = 0; i < leaves.length; i += SQLITE_CHUNK) {
      const chunk = leaves.slice(i, i + SQLITE_CHUNK);
      await this.sql.query(`INSERT INTO log_leaves (idx, seq, sequenced_at) VALUES ${chunk.map(() => '(?, ?, ?)').join(', ')}`, chunk.flatMap((l) => [l.index, l.seq, sequencedAt]));
      await this.sql.query(`DELETE FROM journal_pending WHERE seq IN (${chunk.map(() => '?').join(', ')})`, chunk.map((l) => l.seq));
    }
    for (let i = 0; i < nodes.length; i += SQLITE_CHUNK) {
      const chunk = nodes.slice(i, i + SQLITE_CHUNK);
      await this.sql.query(`INSERT INTO log_nodes (level, idx, hash) VALUES ${chunk.map(() => '(?, ?, ?)').join(', ')}`, chunk.flatMap((n) => [n.level, n.index, n.hash]));
    }
  }

  async addCheckpoint(c: CheckpointRecord): Promise<void> {
    await this.sql.query(`INSERT INTO log_checkpoints (size, root_hash, note, created_at) VALUES (?, ?, ?, ?)`, [c.size, c.rootHash, c.note, c.createdAt]);
  }

  async latestCheckpoint(): Promise<CheckpointRecord | null> {
    const row = await this.sql.one<CheckpointRow>(`SELECT size, root_hash, note, created_at FROM log_checkpoints ORDER BY size DESC LIMIT 1`);
    return row ? toCheckpoint(row) : null;
  }

  async checkpointRoots(): Promise<Map<number, Buffer>> {
    const rows = await this.sql.query<{ size: number | string; root_hash: Buffer }>(`SELECT size, root_hash FROM log_checkpoints`);
    return new Map(rows.map((r) => [Number(r.size), Buffer.from(r.root_hash)]));
  }

  async indexOfSeq(seq: number): Promise<number | null> {
    const row = await this.sql.one<{ idx: number | string }>(`SELECT idx FROM log_leaves WHERE seq = ?`, [seq]);
    return row ? Number(row.idx) : null;
  }

  async loggedWithLeaves(fromIndex: number, limit: number): Promise<(LoggedJournalEntry & { storedLeafHash: Buffer })[]> {
    const rows = await this.sql.query<EntryRow & { idx: number | string; leaf: Buffer | null }>(
      `SELECT l.idx, ${ENTRY_COLUMNS}, n.hash AS leaf FROM log_leaves l
       LEFT JOIN journal_entries e ON e.seq = l.seq
       LEFT JOIN log_nodes n ON n.level = 0 AND n.idx = l.idx
       WHERE l.idx >= ? ORDER BY l.idx LIMIT ${sqlRowCount(limit)}`,
      [fromIndex],
    );
    return rows.map((r) => ({ ...toEntry(r), logIndex: Number(r.idx), storedLeafHash: r.leaf ? Buffer.from(r.leaf) : Buffer.alloc(0) }));
  }
}
