import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * The journal becomes a Merkle tree log (see the PostgreSQL migration of the same name). SQLite has
 * one writer, so entry ids still come from `ledger_head`; entries wait in `journal_pending` for the
 * in-process sequencer all the same, so both engines publish the log one way.
 */
export class TransparencyLog1764000000015 implements MigrationInterface {
  name = 'TransparencyLog1764000000015';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`CREATE TABLE journal_pending (seq integer PRIMARY KEY NOT NULL REFERENCES journal_entries (seq))`);
    await q.query(`INSERT INTO journal_pending (seq) SELECT seq FROM journal_entries`);
    await q.query(`CREATE TABLE log_leaves (
      idx integer PRIMARY KEY NOT NULL,
      seq integer NOT NULL UNIQUE REFERENCES journal_entries (seq),
      sequenced_at varchar(30) NOT NULL
    )`);
    await q.query(`CREATE TABLE log_nodes (level integer NOT NULL, idx integer NOT NULL, hash blob NOT NULL, PRIMARY KEY (level, idx)) WITHOUT ROWID`);
    await q.query(`CREATE TABLE log_checkpoints (
      size integer PRIMARY KEY NOT NULL,
      root_hash blob NOT NULL,
      note text NOT NULL,
      created_at varchar(30) NOT NULL
    )`);
    for (const table of ['log_leaves', 'log_nodes', 'log_checkpoints']) {
      await q.query(`CREATE TRIGGER trg_${table}_append_only_update BEFORE UPDATE ON ${table}
        BEGIN SELECT RAISE(ABORT, 'APPEND_ONLY: ${table} rows are never changed'); END`);
      await q.query(`CREATE TRIGGER trg_${table}_append_only_delete BEFORE DELETE ON ${table}
        BEGIN SELECT RAISE(ABORT, 'APPEND_ONLY: ${table} rows are never deleted'); END`);
    }
  }

  async down(q: QueryRunner): Promise<void> {
    for (const table of ['log_checkpoints', 'log_nodes', 'log_leaves', 'journal_pending']) await q.query(`DROP TABLE ${table}`);
  }
}
