import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Reconciliations of the ledger with a managing registry's export: the run, the export as sent
 * (a job may run in another process), and the report lines (matched parts, alerts, unreadable rows).
 */
export class Reconciliations1764000000012 implements MigrationInterface {
  name = 'Reconciliations1764000000012';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`CREATE TABLE reconciliations (
      id varchar(36) PRIMARY KEY NOT NULL,
      organization_id varchar(36) REFERENCES organizations (id),
      scope_organization_id varchar(36) REFERENCES organizations (id),
      format varchar(20),
      layout varchar(40),
      status varchar(10) NOT NULL CHECK (status IN ('queued', 'running', 'done', 'failed')),
      row_count integer NOT NULL DEFAULT 0,
      matched integer NOT NULL DEFAULT 0,
      alert_count integer NOT NULL DEFAULT 0,
      unreadable integer NOT NULL DEFAULT 0,
      error varchar(1000),
      created_at varchar(30) NOT NULL,
      finished_at varchar(30)
    )`);
    await q.query(`CREATE TABLE reconciliation_sources (
      reconciliation_id varchar(36) PRIMARY KEY NOT NULL REFERENCES reconciliations (id),
      body text NOT NULL
    )`);
    await q.query(`CREATE TABLE reconciliation_lines (
      reconciliation_id varchar(36) NOT NULL REFERENCES reconciliations (id),
      line_no integer NOT NULL,
      outcome varchar(40) NOT NULL,
      export_row integer,
      serial varchar(400) NOT NULL,
      detail text NOT NULL,
      registry_date varchar(10),
      registry_beneficiary text,
      registry_reference text,
      retirement_id varchar(36),
      certificate_number varchar(40),
      ledger_date varchar(10),
      ledger_beneficiary text,
      evidence_reference varchar(200),
      PRIMARY KEY (reconciliation_id, line_no)
    )`);
  }

  async down(q: QueryRunner): Promise<void> {
    for (const table of ['reconciliation_lines', 'reconciliation_sources', 'reconciliations']) await q.query(`DROP TABLE ${table}`);
  }
}
