import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Statement imports: one row per import (its counters advance in the same transaction as each batch
 * of holdings, so they never disagree with the ledger, even after a kill -9), the uploaded file in
 * chunks (a worker in another process reads it back without holding it in memory) and every
 * refused row with its reason.
 */
export class Imports1764000000011 implements MigrationInterface {
  name = 'Imports1764000000011';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`CREATE TABLE imports (
      id varchar(36) PRIMARY KEY NOT NULL,
      organization_id varchar(36) NOT NULL REFERENCES organizations (id),
      actor varchar(200) NOT NULL,
      kind varchar(20) NOT NULL CHECK (kind IN ('holdings')),
      format varchar(40),
      dry_run integer NOT NULL DEFAULT 0 CHECK (dry_run IN (0, 1)),
      source_complete integer NOT NULL DEFAULT 0 CHECK (source_complete IN (0, 1)),
      status varchar(10) NOT NULL CHECK (status IN ('queued', 'running', 'done', 'failed')),
      total integer NOT NULL DEFAULT 0,
      accepted integer NOT NULL DEFAULT 0,
      skipped integer NOT NULL DEFAULT 0,
      refused integer NOT NULL DEFAULT 0,
      rows_done integer NOT NULL DEFAULT 0,
      error varchar(1000),
      created_at varchar(30) NOT NULL,
      updated_at varchar(30) NOT NULL
    )`);
    await q.query(`CREATE INDEX ix_imports_organization ON imports (organization_id, created_at)`);
    // The repair sweep looks for uploads that were stored but whose job never ran to its end.
    await q.query(`CREATE INDEX ix_imports_unfinished ON imports (updated_at) WHERE status IN ('queued', 'running')`);
    await q.query(`CREATE TABLE import_source_chunks (
      import_id varchar(36) NOT NULL REFERENCES imports (id),
      chunk integer NOT NULL,
      content blob NOT NULL,
      PRIMARY KEY (import_id, chunk)
    )`);
    await q.query(`CREATE TABLE import_refused_rows (
      import_id varchar(36) NOT NULL REFERENCES imports (id),
      row_number integer NOT NULL,
      serial text NOT NULL,
      code varchar(40) NOT NULL,
      message text NOT NULL,
      PRIMARY KEY (import_id, row_number)
    )`);
  }

  async down(q: QueryRunner): Promise<void> {
    for (const table of ['import_refused_rows', 'import_source_chunks', 'imports']) await q.query(`DROP TABLE ${table}`);
  }
}
