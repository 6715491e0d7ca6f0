import type { MigrationInterface, QueryRunner } from 'typeorm';
import { markIdentityDuplicates, RENAME_JCREDIT_NAMESPACES } from '../serial-identity';

/**
 * One credit, one identity (API.md): blocks are keyed by what is printed, never by a scheme label.
 * - J-Credit family namespaces move to `JCREDIT_REGISTRY:<printed prefix>`; pairs that thereby overlap
 *   (the same serials recorded twice under two labels) are kept and marked `identity_duplicate`.
 * - `serial_namespaces` records the scheme a namespace entered the ledger with; a block entering later
 *   under another scheme is refused by the schema (split pieces and restored parts inherit theirs).
 * - `entered_on` is the day (Japan time) a block's serials entered the ledger, inherited by its pieces:
 *   a retirement of held serials cannot be dated before it.
 */
export class SerialIdentity1764000000005 implements MigrationInterface {
  name = 'SerialIdentity1764000000005';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`ALTER TABLE serial_blocks ADD COLUMN entered_on varchar(10)`);
    await q.query(`ALTER TABLE serial_blocks ADD COLUMN identity_duplicate integer NOT NULL DEFAULT 0 CHECK (identity_duplicate IN (0, 1))`);
    await q.query(`DROP TRIGGER trg_serial_blocks_immutable`);
    await q.query(`DROP TRIGGER trg_serial_blocks_no_overlap`);
    await q.query(`DROP INDEX ux_serial_blocks_live`);

    await q.query(RENAME_JCREDIT_NAMESPACES);
    await q.query(`WITH RECURSIVE tree (id, entered_on) AS (
        SELECT b.id, date(j.recorded_at, '+9 hours') FROM serial_blocks b JOIN journal_entries j ON j.seq = b.created_seq
        WHERE b.parent_id IS NULL
        UNION ALL
        SELECT c.id, t.entered_on FROM serial_blocks c JOIN tree t ON c.parent_id = t.id)
      UPDATE serial_blocks SET entered_on = (SELECT entered_on FROM tree WHERE tree.id = serial_blocks.id)`);
    await markIdentityDuplicates(q, '1');

    await q.query(`CREATE TABLE serial_namespaces (
      namespace varchar(400) PRIMARY KEY NOT NULL,
      scheme varchar(40) NOT NULL,
      created_seq integer NOT NULL
    )`);
    // The first record decides: SQLite takes the bare columns from the row that has the MIN().
    await q.query(`INSERT INTO serial_namespaces (namespace, scheme, created_seq)
      SELECT namespace, scheme, MIN(created_seq) FROM serial_blocks GROUP BY namespace`);
    await q.query(`CREATE TRIGGER trg_serial_namespaces_immutable BEFORE UPDATE ON serial_namespaces
      BEGIN SELECT RAISE(ABORT, 'APPEND_ONLY: serial_namespaces rows are never changed'); END`);
    await q.query(`CREATE TRIGGER trg_serial_namespaces_no_delete BEFORE DELETE ON serial_namespaces
      BEGIN SELECT RAISE(ABORT, 'APPEND_ONLY: serial_namespaces rows are never deleted'); END`);

    await q.query(`CREATE UNIQUE INDEX ux_serial_blocks_live ON serial_blocks (namespace, start_serial)
      WHERE closed_seq IS NULL AND identity_duplicate = 0`);
    await q.query(`CREATE INDEX ix_serial_blocks_duplicates ON serial_blocks (namespace, start_serial)
      WHERE closed_seq IS NULL AND identity_duplicate = 1`);
    // A new block enters a namespace with the scheme on record (the first one records it); pieces of a
    // split and parts a void restores (parent_id set) keep the scheme of the block they come from.
    await q.query(`CREATE TRIGGER trg_serial_blocks_identity BEFORE INSERT ON serial_blocks
      BEGIN
        INSERT OR IGNORE INTO serial_namespaces (namespace, scheme, created_seq) VALUES (NEW.namespace, NEW.scheme, NEW.created_seq);
        SELECT RAISE(ABORT, 'SERIAL_IDENTITY: these serials are on record under another scheme')
        WHERE NEW.parent_id IS NULL
          AND (SELECT scheme FROM serial_namespaces WHERE namespace = NEW.namespace) IS NOT NEW.scheme;
        SELECT RAISE(ABORT, 'SERIAL_OVERLAP: only the serial-identity migration marks duplicates')
        WHERE NEW.identity_duplicate <> 0;
      END`);
    // Live blocks never overlap: the only unmarked live block that can overlap NEW is the one with the
    // greatest start <= NEW.end; marked duplicates (few, never new) are checked one by one.
    await q.query(`CREATE TRIGGER trg_serial_blocks_no_overlap BEFORE INSERT ON serial_blocks
      WHEN NEW.closed_seq IS NULL
      BEGIN
        SELECT RAISE(ABORT, 'SERIAL_OVERLAP: live serial blocks may not overlap')
        WHERE (
          SELECT end_serial FROM serial_blocks
          WHERE namespace = NEW.namespace AND closed_seq IS NULL AND identity_duplicate = 0 AND start_serial <= NEW.end_serial
          ORDER BY start_serial DESC LIMIT 1
        ) >= NEW.start_serial
        OR EXISTS (
          SELECT 1 FROM serial_blocks
          WHERE namespace = NEW.namespace AND closed_seq IS NULL AND identity_duplicate = 1
            AND start_serial <= NEW.end_serial AND end_serial >= NEW.start_serial
        );
      END`);
    // A block is closed once (split or void) and otherwise never changes; a retired block is closed
    // only by a recorded void of its retirement, a held one by a split or, if it is a marked
    // duplicate, by an administrator's void.
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
           OR NEW.entered_on IS NOT OLD.entered_on OR NEW.identity_duplicate IS NOT OLD.identity_duplicate
           OR (OLD.status = 'held' AND NEW.closed_reason <> 'split' AND NOT (NEW.closed_reason = 'void' AND OLD.identity_duplicate = 1))
           OR (OLD.status = 'retired' AND (NEW.closed_reason <> 'void'
               OR NOT EXISTS (SELECT 1 FROM retirement_voids v WHERE v.retirement_id = OLD.retirement_id)));
      END`);
  }

  async down(): Promise<void> {
    throw new Error('SerialIdentity1764000000005 cannot be undone: the old keys let one credit be retired twice');
  }
}
