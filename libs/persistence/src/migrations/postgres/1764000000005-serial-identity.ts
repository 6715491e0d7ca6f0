import type { MigrationInterface, QueryRunner } from 'typeorm';
import { markIdentityDuplicates, RENAME_JCREDIT_NAMESPACES } from '../serial-identity';

/**
 * One credit, one identity on PostgreSQL; the SQLite migration of the same number explains the steps.
 * The exclusion constraint leaves out marked duplicates (they overlap by definition); a BEFORE INSERT
 * trigger keeps every new block off them and records or checks the namespace's scheme.
 */
export class SerialIdentity1764000000005 implements MigrationInterface {
  name = 'SerialIdentity1764000000005';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`ALTER TABLE serial_blocks ADD COLUMN entered_on varchar(10), ADD COLUMN identity_duplicate boolean NOT NULL DEFAULT false`);
    await q.query(`ALTER TABLE serial_blocks DROP CONSTRAINT serial_blocks_live_no_overlap`);
    await q.query(`DROP INDEX ux_serial_blocks_live`);
    await q.query(`ALTER TABLE serial_blocks DISABLE TRIGGER trg_serial_blocks_guard`);

    await q.query(RENAME_JCREDIT_NAMESPACES);
    await q.query(`WITH RECURSIVE tree (id, entered_on) AS (
        SELECT b.id, to_char((j.recorded_at::timestamptz AT TIME ZONE 'Asia/Tokyo')::date, 'YYYY-MM-DD')
        FROM serial_blocks b JOIN journal_entries j ON j.seq = b.created_seq
        WHERE b.parent_id IS NULL
        UNION ALL
        SELECT c.id, t.entered_on FROM serial_blocks c JOIN tree t ON c.parent_id = t.id)
      UPDATE serial_blocks b SET entered_on = tree.entered_on FROM tree WHERE tree.id = b.id`);
    await markIdentityDuplicates(q, 'true');
    await q.query(`ALTER TABLE serial_blocks ENABLE TRIGGER trg_serial_blocks_guard`);

    await q.query(`CREATE TABLE serial_namespaces (
      namespace varchar(400) PRIMARY KEY,
      scheme varchar(40) NOT NULL,
      created_seq bigint NOT NULL
    )`);
    await q.query(`INSERT INTO serial_namespaces (namespace, scheme, created_seq)
      SELECT DISTINCT ON (namespace) namespace, scheme, created_seq FROM serial_blocks ORDER BY namespace, created_seq, id`);
    await q.query(`CREATE TRIGGER trg_serial_namespaces_append_only BEFORE UPDATE OR DELETE ON serial_namespaces
      FOR EACH ROW EXECUTE FUNCTION append_only_guard()`);

    await q.query(`ALTER TABLE serial_blocks ADD CONSTRAINT serial_blocks_live_no_overlap
      EXCLUDE USING gist (namespace WITH =, serials WITH &&) WHERE (closed_seq IS NULL AND NOT identity_duplicate)`);
    await q.query(`CREATE UNIQUE INDEX ux_serial_blocks_live ON serial_blocks (namespace, start_serial)
      WHERE closed_seq IS NULL AND NOT identity_duplicate`);
    await q.query(`CREATE INDEX ix_serial_blocks_duplicates ON serial_blocks (namespace, start_serial)
      WHERE closed_seq IS NULL AND identity_duplicate`);
    // READ COMMITTED: each statement here sees what concurrent writers committed, and the INSERT …
    // ON CONFLICT waits for a concurrent first record of the same namespace, so two first blocks
    // under two schemes cannot both get in.
    await q.query(`CREATE FUNCTION serial_blocks_identity() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN
        IF NEW.identity_duplicate THEN
          RAISE EXCEPTION 'SERIAL_OVERLAP: only the serial-identity migration marks duplicates' USING ERRCODE = 'exclusion_violation';
        END IF;
        INSERT INTO serial_namespaces (namespace, scheme, created_seq) VALUES (NEW.namespace, NEW.scheme, NEW.created_seq)
          ON CONFLICT (namespace) DO NOTHING;
        IF NEW.parent_id IS NULL AND (SELECT scheme FROM serial_namespaces WHERE namespace = NEW.namespace) IS DISTINCT FROM NEW.scheme THEN
          RAISE EXCEPTION 'SERIAL_IDENTITY: these serials are on record under another scheme' USING ERRCODE = 'integrity_constraint_violation';
        END IF;
        IF NEW.closed_seq IS NULL AND EXISTS (
          SELECT 1 FROM serial_blocks
          WHERE namespace = NEW.namespace AND closed_seq IS NULL AND identity_duplicate
            AND start_serial <= NEW.end_serial AND end_serial >= NEW.start_serial) THEN
          RAISE EXCEPTION 'SERIAL_OVERLAP: live serial blocks may not overlap' USING ERRCODE = 'exclusion_violation';
        END IF;
        RETURN NEW;
      END $$`);
    await q.query(`CREATE TRIGGER trg_serial_blocks_identity BEFORE INSERT ON serial_blocks
      FOR EACH ROW EXECUTE FUNCTION serial_blocks_identity()`);
    // As before, plus: a marked duplicate that is held may be closed by an administrator's void.
    await q.query(`CREATE OR REPLACE FUNCTION serial_blocks_guard() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN
        IF TG_OP = 'DELETE' THEN
          RAISE EXCEPTION 'IMMUTABLE_BLOCK: serial blocks are never deleted' USING ERRCODE = 'integrity_constraint_violation';
        END IF;
        IF OLD.closed_seq IS NOT NULL OR NEW.closed_seq IS NULL
           OR (to_jsonb(NEW) - 'closed_seq' - 'closed_reason' - 'serials') IS DISTINCT FROM (to_jsonb(OLD) - 'closed_seq' - 'closed_reason' - 'serials')
           OR (OLD.status = 'held' AND NEW.closed_reason <> 'split' AND NOT (NEW.closed_reason = 'void' AND OLD.identity_duplicate))
           OR (OLD.status = 'retired' AND (NEW.closed_reason <> 'void'
               OR NOT EXISTS (SELECT 1 FROM retirement_voids v WHERE v.retirement_id = OLD.retirement_id))) THEN
          RAISE EXCEPTION 'IMMUTABLE_BLOCK: a serial block can only be closed once, by a split or a recorded void'
            USING ERRCODE = 'integrity_constraint_violation';
        END IF;
        RETURN NEW;
      END $$`);
  }

  async down(): Promise<void> {
    throw new Error('SerialIdentity1764000000005 cannot be undone: the old keys let one credit be retired twice');
  }
}
