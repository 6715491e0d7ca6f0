import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Retirement certificates: the signed body is written with the retirement and never changes
 * (revocation is derived from the retirement's void). PDFs are rendered later by a job, one per
 * certificate and status, so a revoked certificate gets a PDF that says so.
 */
export class Certificates1764000000003 implements MigrationInterface {
  name = 'Certificates1764000000003';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`CREATE TABLE certificates (
      number varchar(40) PRIMARY KEY,
      retirement_id varchar(36) NOT NULL UNIQUE REFERENCES retirements (id),
      body text NOT NULL,
      digest varchar(64) NOT NULL,
      signature varchar(200) NOT NULL,
      key_id varchar(100) NOT NULL,
      issued_at varchar(30) NOT NULL,
      created_seq bigint NOT NULL
    )`);
    await q.query(`CREATE TRIGGER trg_certificates_append_only BEFORE UPDATE OR DELETE ON certificates
      FOR EACH ROW EXECUTE FUNCTION append_only_guard()`);
    await q.query(`CREATE TABLE certificate_pdfs (
      number varchar(40) NOT NULL REFERENCES certificates (number),
      status varchar(10) NOT NULL CHECK (status IN ('valid', 'revoked')),
      pdf bytea NOT NULL,
      rendered_by varchar(100) NOT NULL,
      rendered_at varchar(30) NOT NULL,
      PRIMARY KEY (number, status)
    )`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP TABLE certificate_pdfs`);
    await q.query(`DROP TABLE certificates`);
  }
}
