import type { MigrationInterface, QueryRunner } from 'typeorm';
import { CLAIM_STATUSES_AFTER, CLAIM_STATUSES_BEFORE, claimProcessTables } from '../claim-process-tables';

/**
 * The certification process (issue 16): verification reports, the process steps kept with each
 * claim, and the status `withdrawal_requested` (2.3.7). SQLite cannot alter a CHECK, so the claims
 * table is rebuilt the documented way (sqlite.org/lang_altertable.html, "other kinds of changes"):
 * foreign keys off, which cannot change inside a transaction — hence `transaction = false` and our
 * own transaction. The new table is the old one's own DDL with the wider list, so columns other
 * migrations added stay.
 */
export class CertificationProcess1764000000009 implements MigrationInterface {
  name = 'CertificationProcess1764000000009';
  transaction = false;

  async up(q: QueryRunner): Promise<void> {
    await withoutForeignKeys(q, async () => {
      await rebuildClaims(q, CLAIM_STATUSES_AFTER);
      for (const statement of claimProcessTables('integer')) await q.query(statement);
    });
  }

  async down(q: QueryRunner): Promise<void> {
    await withoutForeignKeys(q, async () => {
      await q.query(`DROP TABLE claim_process_events`);
      await q.query(`DROP TABLE claim_verifications`);
      await rebuildClaims(q, CLAIM_STATUSES_BEFORE);
    });
  }
}

async function withoutForeignKeys(q: QueryRunner, work: () => Promise<void>): Promise<void> {
  // TypeORM honours `transaction = false` when it runs migrations, not when it undoes one.
  if (q.isTransactionActive) throw new Error(`${CertificationProcess1764000000009.name}: run it outside a transaction (transaction: 'none'); SQLite cannot turn foreign keys off inside one`);
  await q.query(`PRAGMA foreign_keys = OFF`);
  try {
    await q.startTransaction();
    try {
      await work();
      const broken = await q.query(`PRAGMA foreign_key_check`);
      if (broken.length > 0) throw new Error(`claims rebuild broke ${broken.length} foreign keys`);
      await q.commitTransaction();
    } catch (error) {
      await q.rollbackTransaction();
      throw error;
    }
  } finally {
    await q.query(`PRAGMA foreign_keys = ON`);
  }
}

/** Rebuilds claims with `statuses` as the status CHECK list, keeping its rows, indexes and triggers. */
async function rebuildClaims(q: QueryRunner, statuses: string): Promise<void> {
  const [table] = (await q.query(`SELECT sql FROM sqlite_master WHERE type = 'table' AND name = 'claims'`)) as { sql: string }[];
  const dependents = (await q.query(
    `SELECT sql FROM sqlite_master WHERE type IN ('index', 'trigger') AND tbl_name = 'claims' AND sql IS NOT NULL`,
  )) as { sql: string }[];
  const widened = table.sql
    .replace(/^CREATE TABLE\s+("?)claims\1/, 'CREATE TABLE claims_rebuilt')
    .replace(/status varchar\(\d+\) NOT NULL CHECK \(status IN \([^)]*\)\)/, `status varchar(20) NOT NULL CHECK (status IN (${statuses}))`);
  if (!widened.startsWith('CREATE TABLE claims_rebuilt') || !widened.includes(statuses)) throw new Error(`unexpected claims DDL: ${table.sql}`);
  await q.query(widened);
  await q.query(`INSERT INTO claims_rebuilt SELECT * FROM claims`);
  await q.query(`DROP TABLE claims`);
  await q.query(`ALTER TABLE claims_rebuilt RENAME TO claims`);
  for (const { sql } of dependents) await q.query(sql);
}
