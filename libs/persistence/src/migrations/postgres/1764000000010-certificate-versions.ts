import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Official references added after a retirement (API.md "Retirements"): the evidence row, and the
 * certificate's later signed versions (version 1 stays in `certificates`). A claim's own
 * certificate, signed at certification; its status is derived from the claim, never stored.
 * All three tables are append-only like the rows they complete. PDFs are keyed by version too,
 * and no longer point at `certificates` only (claim certificates have PDFs) nor at two statuses.
 */
export class CertificateVersions1764000000010 implements MigrationInterface {
  name = 'CertificateVersions1764000000010';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`CREATE TABLE retirement_evidence (
      retirement_id varchar(36) PRIMARY KEY REFERENCES retirements (id),
      registry varchar(200) NOT NULL,
      reference varchar(200) NOT NULL,
      actor varchar(200) NOT NULL,
      created_seq bigint NOT NULL,
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
      created_seq bigint NOT NULL,
      PRIMARY KEY (number, version)
    )`);
    await q.query(`CREATE INDEX certificate_versions_created_seq ON certificate_versions (created_seq)`);
    await q.query(`CREATE TABLE claim_certificates (
      number varchar(40) PRIMARY KEY,
      claim_id varchar(36) NOT NULL REFERENCES claims (id),
      body text NOT NULL,
      digest varchar(64) NOT NULL,
      signature varchar(200) NOT NULL,
      key_id varchar(100) NOT NULL,
      issued_at varchar(30) NOT NULL,
      created_seq bigint NOT NULL
    )`);
    await q.query(`CREATE INDEX claim_certificates_claim ON claim_certificates (claim_id)`);
    for (const table of ['retirement_evidence', 'certificate_versions', 'claim_certificates']) {
      await q.query(`CREATE TRIGGER trg_${table}_append_only BEFORE UPDATE OR DELETE ON ${table}
        FOR EACH ROW EXECUTE FUNCTION append_only_guard()`);
    }
    await q.query(`ALTER TABLE certificate_pdfs DROP CONSTRAINT IF EXISTS certificate_pdfs_number_fkey`);
    await q.query(`ALTER TABLE certificate_pdfs DROP CONSTRAINT IF EXISTS certificate_pdfs_status_check`);
    await q.query(`ALTER TABLE certificate_pdfs ADD COLUMN version integer NOT NULL DEFAULT 1`);
    await q.query(`ALTER TABLE certificate_pdfs DROP CONSTRAINT certificate_pdfs_pkey`);
    await q.query(`ALTER TABLE certificate_pdfs ADD PRIMARY KEY (number, version, status)`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DELETE FROM certificate_pdfs WHERE version > 1 OR status NOT IN ('valid', 'revoked')`);
    await q.query(`ALTER TABLE certificate_pdfs DROP CONSTRAINT certificate_pdfs_pkey`);
    await q.query(`ALTER TABLE certificate_pdfs DROP COLUMN version`);
    await q.query(`ALTER TABLE certificate_pdfs ADD PRIMARY KEY (number, status)`);
    await q.query(`DROP TABLE claim_certificates`);
    await q.query(`DROP TABLE certificate_versions`);
    await q.query(`DROP TABLE retirement_evidence`);
  }
}
