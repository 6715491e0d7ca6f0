import type { MigrationInterface, QueryRunner } from 'typeorm';

/** The journal seqs the PDF repair sweep pages by (PostgreSQL keeps PDFs in the ledger database). */
export class CertificatePdfsApart1764000000004 implements MigrationInterface {
  name = 'CertificatePdfsApart1764000000004';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`CREATE INDEX IF NOT EXISTS certificates_created_seq ON certificates (created_seq)`);
    await q.query(`CREATE INDEX IF NOT EXISTS retirement_voids_created_seq ON retirement_voids (created_seq)`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP INDEX IF EXISTS retirement_voids_created_seq`);
    await q.query(`DROP INDEX IF EXISTS certificates_created_seq`);
  }
}
