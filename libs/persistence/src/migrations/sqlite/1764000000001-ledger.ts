import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * The ledger. Serial bounds are INTEGER (64-bit, exact in SQL) and are read back as TEXT so no
 * JS float ever touches them. Non-overlap of live blocks and immutability of retired blocks are
 * enforced here as well as in code: the code gives the friendly error, the schema the guarantee.
 */
export class Ledger1764000000001 implements MigrationInterface {
  name = 'Ledger1764000000001';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`CREATE TABLE ledger_head (
      id integer PRIMARY KEY CHECK (id = 1),
      seq integer NOT NULL,
      hash varchar(64) NOT NULL
    )`);
    await q.query(`INSERT INTO ledger_head (id, seq, hash) VALUES (1, 0, '${'0'.repeat(64)}')`);
    await q.query(`CREATE TABLE journal_entries (
      seq integer PRIMARY KEY NOT NULL,
      type varchar(60) NOT NULL,
      payload text NOT NULL,
      actor varchar(200) NOT NULL,
      recorded_at varchar(30) NOT NULL,
      prev_hash varchar(64) NOT NULL,
      hash varchar(64) NOT NULL
    )`);
    // Human-friendly numbers (RC-2026-000123, CN-2026-0001): one counter per prefix, advanced in the writer's transaction.
    await q.query(`CREATE TABLE number_sequences (name varchar(40) PRIMARY KEY, last integer NOT NULL)`);
    await q.query(`CREATE TABLE retirements (
      id varchar(36) PRIMARY KEY NOT NULL,
      organization_id varchar(36) NOT NULL REFERENCES organizations (id),
      api_key_id varchar(36),
      quantity text NOT NULL,
      retired_on varchar(10) NOT NULL,
      beneficiary varchar(500) NOT NULL,
      purpose varchar(1000) NOT NULL,
      claim_id varchar(36),
      evidence_registry varchar(200),
      evidence_reference varchar(200),
      serials text NOT NULL,
      certificate_number varchar(40) NOT NULL UNIQUE,
      created_seq integer NOT NULL,
      created_at varchar(30) NOT NULL
    )`);
    await q.query(`CREATE TABLE retirement_voids (
      retirement_id varchar(36) PRIMARY KEY NOT NULL REFERENCES retirements (id),
      reason varchar(1000) NOT NULL,
      actor varchar(200) NOT NULL,
      created_seq integer NOT NULL,
      created_at varchar(30) NOT NULL
    )`);
    await q.query(`CREATE TABLE serial_blocks (
      id varchar(36) PRIMARY KEY NOT NULL,
      scheme varchar(40) NOT NULL,
      namespace varchar(400) NOT NULL,
      start_serial integer NOT NULL,
      end_serial integer NOT NULL,
      attributes text NOT NULL,
      status varchar(10) NOT NULL CHECK (status IN ('held', 'retired')),
      owner_id varchar(36) REFERENCES organizations (id),
      retirement_id varchar(36) REFERENCES retirements (id),
      parent_id varchar(36),
      evidence_registry varchar(200),
      evidence_reference varchar(200),
      created_seq integer NOT NULL,
      closed_seq integer,
      closed_reason varchar(10) CHECK (closed_reason IN ('split', 'void')),
      CHECK (start_serial >= 0 AND end_serial >= start_serial),
      CHECK ((status = 'retired') = (retirement_id IS NOT NULL)),
      CHECK ((closed_seq IS NULL) = (closed_reason IS NULL))
    )`);
    // One live block per (namespace, start): the index the overlap trigger walks, O(log n).
    await q.query(`CREATE UNIQUE INDEX ux_serial_blocks_live ON serial_blocks (namespace, start_serial) WHERE closed_seq IS NULL`);
    await q.query(`CREATE INDEX ix_serial_blocks_holder ON serial_blocks (owner_id) WHERE closed_seq IS NULL AND status = 'held'`);
    await q.query(`CREATE INDEX ix_serial_blocks_retirement ON serial_blocks (retirement_id) WHERE retirement_id IS NOT NULL`);
    // Live blocks never overlap: the only live block that can overlap NEW is the one with the
    // greatest start <= NEW.end (live blocks are disjoint, so they are ordered by start).
    await q.query(`CREATE TRIGGER trg_serial_blocks_no_overlap BEFORE INSERT ON serial_blocks
      WHEN NEW.closed_seq IS NULL
      BEGIN
        SELECT RAISE(ABORT, 'SERIAL_OVERLAP: live serial blocks may not overlap')
        WHERE (
          SELECT end_serial FROM serial_blocks
          WHERE namespace = NEW.namespace AND closed_seq IS NULL AND start_serial <= NEW.end_serial
          ORDER BY start_serial DESC LIMIT 1
        ) >= NEW.start_serial;
      END`);
    // A block is closed once (split or void) and otherwise never changes; a retired block is
    // closed only by a recorded void of its retirement.
    await q.query(`CREATE TRIGGER trg_serial_blocks_immutable BEFORE UPDATE ON serial_blocks
      BEGIN
        SELECT RAISE(ABORT, 'IMMUTABLE_BLOCK: a serial block can only be closed once, by a split or a recorded void')
        WHERE OLD.closed_seq IS NOT NULL
           OR NEW.closed_seq IS NULL
           OR NEW.id IS NOT OLD.id OR NEW.scheme IS NOT OLD.scheme OR NEW.namespace IS NOT OLD.namespace
           OR NEW.start_serial IS NOT OLD.start_serial OR NEW.end_serial IS NOT OLD.end_serial
           OR NEW.attributes IS NOT OLD.attributes OR NEW.status IS NOT OLD.status
           OR NEW.owner_id IS NOT OLD.owner_id OR NEW.retirement_id IS NOT OLD.retirement_id
           OR NEW.parent_id IS NOT OLD.parent_id OR NEW.created_seq IS NOT OLD.created_seq
           OR NEW.evidence_registry IS NOT OLD.evidence_registry OR NEW.evidence_reference IS NOT OLD.evidence_reference
           OR (OLD.status = 'held' AND NEW.closed_reason <> 'split')
           OR (OLD.status = 'retired' AND (NEW.closed_reason <> 'void'
               OR NOT EXISTS (SELECT 1 FROM retirement_voids v WHERE v.retirement_id = OLD.retirement_id)));
      END`);
    await q.query(`CREATE TRIGGER trg_serial_blocks_no_delete BEFORE DELETE ON serial_blocks
      BEGIN
        SELECT RAISE(ABORT, 'IMMUTABLE_BLOCK: serial blocks are never deleted');
      END`);
    for (const table of ['journal_entries', 'retirements', 'retirement_voids']) {
      await q.query(`CREATE TRIGGER trg_${table}_append_only_update BEFORE UPDATE ON ${table}
        BEGIN SELECT RAISE(ABORT, 'APPEND_ONLY: ${table} rows are never changed'); END`);
      await q.query(`CREATE TRIGGER trg_${table}_append_only_delete BEFORE DELETE ON ${table}
        BEGIN SELECT RAISE(ABORT, 'APPEND_ONLY: ${table} rows are never deleted'); END`);
    }
    await q.query(`CREATE TABLE idempotency_keys (
      actor varchar(200) NOT NULL,
      key varchar(200) NOT NULL,
      request_hash varchar(64) NOT NULL,
      status_code integer NOT NULL,
      response text NOT NULL,
      created_at varchar(30) NOT NULL,
      PRIMARY KEY (actor, key)
    )`);
  }

  async down(q: QueryRunner): Promise<void> {
    for (const table of ['idempotency_keys', 'serial_blocks', 'retirement_voids', 'retirements', 'number_sequences', 'journal_entries', 'ledger_head']) {
      await q.query(`DROP TABLE ${table}`);
    }
  }
}
