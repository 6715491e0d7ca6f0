import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * The journal becomes a Merkle tree log (API.md "Transparency log"). Writers no longer lock the
 * journal head: an entry takes its id from a sequence and waits in `journal_pending`; the one
 * sequencer gives it its place in the log (`log_leaves`), stores every perfect subtree's hash
 * (`log_nodes`, what proofs and tiles are read from) and signs a checkpoint. All three log tables are
 * append-only; `journal_pending` is the sequencer's queue.
 */
export class TransparencyLog1764000000015 implements MigrationInterface {
  name = 'TransparencyLog1764000000015';

  async up(q: QueryRunner): Promise<void> {
    const [{ max }] = (await q.query(`SELECT COALESCE(MAX(seq), 0) AS max FROM journal_entries`)) as { max: string }[];
    await q.query(`CREATE SEQUENCE journal_seq START WITH ${Number(max) + 1}`);
    await q.query(`CREATE TABLE journal_pending (seq bigint PRIMARY KEY REFERENCES journal_entries (seq))`);
    await q.query(`INSERT INTO journal_pending (seq) SELECT seq FROM journal_entries`);
    await q.query(`CREATE TABLE log_leaves (
      idx bigint PRIMARY KEY,
      seq bigint NOT NULL UNIQUE REFERENCES journal_entries (seq),
      sequenced_at varchar(30) NOT NULL
    )`);
    await q.query(`CREATE TABLE log_nodes (level smallint NOT NULL, idx bigint NOT NULL, hash bytea NOT NULL, PRIMARY KEY (level, idx))`);
    await q.query(`CREATE TABLE log_checkpoints (
      size bigint PRIMARY KEY,
      root_hash bytea NOT NULL,
      note text NOT NULL,
      created_at varchar(30) NOT NULL
    )`);
    for (const table of ['log_leaves', 'log_nodes', 'log_checkpoints']) {
      await q.query(`CREATE TRIGGER trg_${table}_append_only BEFORE UPDATE OR DELETE ON ${table}
        FOR EACH ROW EXECUTE FUNCTION append_only_guard()`);
    }
  }

  async down(q: QueryRunner): Promise<void> {
    for (const table of ['log_checkpoints', 'log_nodes', 'log_leaves', 'journal_pending']) await q.query(`DROP TABLE ${table}`);
    await q.query(`DROP SEQUENCE journal_seq`);
  }
}
