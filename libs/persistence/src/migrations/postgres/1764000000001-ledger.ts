import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * The ledger on PostgreSQL. `EXCLUDE USING gist` makes overlapping live blocks impossible even
 * between processes; SQLSTATE 23P01 is mapped to 409 by the store. Triggers keep blocks,
 * retirements and the journal append-only, as on SQLite.
 */
export class Ledger1764000000001 implements MigrationInterface {
  name = 'Ledger1764000000001';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`CREATE EXTENSION IF NOT EXISTS btree_gist SCHEMA public`);
    await q.query(`CREATE TABLE ledger_head (
      id integer PRIMARY KEY CHECK (id = 1),
      seq bigint NOT NULL,
      hash varchar(64) NOT NULL
    )`);
    await q.query(`INSERT INTO ledger_head (id, seq, hash) VALUES (1, 0, '${'0'.repeat(64)}')`);
    await q.query(`CREATE TABLE journal_entries (
      seq bigint PRIMARY KEY,
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
      id varchar(36) PRIMARY KEY,
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
      created_seq bigint NOT NULL,
      created_at varchar(30) NOT NULL
    )`);
    await q.query(`CREATE TABLE retirement_voids (
      retirement_id varchar(36) PRIMARY KEY REFERENCES retirements (id),
      reason varchar(1000) NOT NULL,
      actor varchar(200) NOT NULL,
      created_seq bigint NOT NULL,
      created_at varchar(30) NOT NULL
    )`);
    await q.query(`CREATE TABLE serial_blocks (
      id varchar(36) PRIMARY KEY,
      scheme varchar(40) NOT NULL,
      namespace varchar(400) NOT NULL,
      start_serial bigint NOT NULL,
      end_serial bigint NOT NULL,
      serials int8range GENERATED ALWAYS AS (int8range(start_serial, end_serial, '[]')) STORED,
      attributes text NOT NULL,
      status varchar(10) NOT NULL CHECK (status IN ('held', 'retired')),
      owner_id varchar(36) REFERENCES organizations (id),
      retirement_id varchar(36) REFERENCES retirements (id),
      parent_id varchar(36),
      evidence_registry varchar(200),
      evidence_reference varchar(200),
      created_seq bigint NOT NULL,
      closed_seq bigint,
      closed_reason varchar(10) CHECK (closed_reason IN ('split', 'void')),
      CHECK (start_serial >= 0 AND end_serial >= start_serial),
      CHECK ((status = 'retired') = (retirement_id IS NOT NULL)),
      CHECK ((closed_seq IS NULL) = (closed_reason IS NULL)),
      CONSTRAINT serial_blocks_live_no_overlap
        EXCLUDE USING gist (namespace WITH =, serials WITH &&) WHERE (closed_seq IS NULL)
    )`);
    await q.query(`CREATE UNIQUE INDEX ux_serial_blocks_live ON serial_blocks (namespace, start_serial) WHERE closed_seq IS NULL`);
    await q.query(`CREATE INDEX ix_serial_blocks_holder ON serial_blocks (owner_id) WHERE closed_seq IS NULL AND status = 'held'`);
    await q.query(`CREATE INDEX ix_serial_blocks_retirement ON serial_blocks (retirement_id) WHERE retirement_id IS NOT NULL`);
    await q.query(`CREATE FUNCTION serial_blocks_guard() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN
        IF TG_OP = 'DELETE' THEN
          RAISE EXCEPTION 'IMMUTABLE_BLOCK: serial blocks are never deleted' USING ERRCODE = 'integrity_constraint_violation';
        END IF;
        IF OLD.closed_seq IS NOT NULL OR NEW.closed_seq IS NULL
           OR (to_jsonb(NEW) - 'closed_seq' - 'closed_reason' - 'serials') IS DISTINCT FROM (to_jsonb(OLD) - 'closed_seq' - 'closed_reason' - 'serials')
           OR (OLD.status = 'held' AND NEW.closed_reason <> 'split')
           OR (OLD.status = 'retired' AND (NEW.closed_reason <> 'void'
               OR NOT EXISTS (SELECT 1 FROM retirement_voids v WHERE v.retirement_id = OLD.retirement_id))) THEN
          RAISE EXCEPTION 'IMMUTABLE_BLOCK: a serial block can only be closed once, by a split or a recorded void'
            USING ERRCODE = 'integrity_constraint_violation';
        END IF;
        RETURN NEW;
      END $$`);
    await q.query(`CREATE TRIGGER trg_serial_blocks_guard BEFORE UPDATE OR DELETE ON serial_blocks
      FOR EACH ROW EXECUTE FUNCTION serial_blocks_guard()`);
    await q.query(`CREATE FUNCTION append_only_guard() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN
        RAISE EXCEPTION 'APPEND_ONLY: % rows are never changed or deleted', TG_TABLE_NAME
          USING ERRCODE = 'integrity_constraint_violation';
      END $$`);
    for (const table of ['journal_entries', 'retirements', 'retirement_voids']) {
      await q.query(`CREATE TRIGGER trg_${table}_append_only BEFORE UPDATE OR DELETE ON ${table}
        FOR EACH ROW EXECUTE FUNCTION append_only_guard()`);
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
    await q.query(`DROP FUNCTION serial_blocks_guard`);
    await q.query(`DROP FUNCTION append_only_guard`);
  }
}
