import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Official references added after a retirement (API.md "Retirements"): the evidence row, and the
 * certificate's later signed versions (version 1 stays in `certificates`). A claim's own
 * certificate, signed at certification; its status is derived from the claim, never stored.
 * All three tables are append-only like the rows they complete.
 */
export class CertificateVersions1764000000010 implements MigrationInterface {
  name = 'CertificateVersions1764000000010';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`CREATE TABLE retirement_evidence (
      retirement_id varchar(36) PRIMARY KEY NOT NULL REFERENCES retirements (id),
      registry varchar(200) NOT NULL,
      reference varchar(200) NOT NULL,
      actor varchar(200) NOT NULL,
      created_seq integer NOT NULL,
      created_at varchar(30) NOT NULL
    )`);
    await q.query(`CREATE TABLE certificate_versions (
      number varchar(40) NOT NULL REFERENCES certificates (number),
      version integer NOT NULL CHECK (version > 1),
      body text NOT NULL,
      digest varchar(64) NOT NULL,
      signature varchar(200) NOT NULL,
      key_id varchar(100) NOT NULL,
      issued_at varchar(30) NOT NULL,
      created_seq integer NOT NULL,
      PRIMARY KEY (number, version)
    )`);
    await q.query(`CREATE INDEX certificate_versions_created_seq ON certificate_versions (created_seq)`);
    await q.query(`CREATE TABLE claim_certificates (
      number varchar(40) PRIMARY KEY NOT NULL,
      claim_id varchar(36) NOT NULL REFERENCES claims (id),
      body text NOT NULL,
      digest varchar(64) NOT NULL,
      signature varchar(200) NOT NULL,
      key_id varchar(100) NOT NULL,
      issued_at varchar(30) NOT NULL,
      created_seq integer NOT NULL
    )`);
    await q.query(`CREATE INDEX claim_certificates_claim ON claim_certificates (claim_id)`);
    for (const table of ['retirement_evidence', 'certificate_versions', 'claim_certificates']) {
      await q.query(`CREATE TRIGGER trg_${table}_append_only_update BEFORE UPDATE ON ${table}
        BEGIN SELECT RAISE(ABORT, 'APPEND_ONLY: ${table} rows are never changed'); END`);
      await q.query(`CREATE TRIGGER trg_${table}_append_only_delete BEFORE DELETE ON ${table}
        BEGIN SELECT RAISE(ABORT, 'APPEND_ONLY: ${table} rows are never deleted'); END`);
    }
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP TABLE claim_certificates`);
    await q.query(`DROP TABLE certificate_versions`);
    await q.query(`DROP TABLE retirement_evidence`);
  }
}
