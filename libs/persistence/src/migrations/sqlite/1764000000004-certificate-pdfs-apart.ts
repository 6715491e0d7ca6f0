import type { MigrationInterface, QueryRunner } from 'typeorm';
import { certificatePdfDatabasePath, openCertificatePdfDatabase } from '../../certificate-pdfs/sqlite-certificate-pdf-database';

/**
 * Moves rendered PDFs out of the ledger file into `<ledger>.pdfs.sqlite` (their writes took the
 * ledger's write lock and filled its WAL), and indexes the journal seqs the repair sweep pages by.
 * Outside a transaction because SQLite cannot ATTACH inside one; every step can run again after a
 * crash (copy with OR IGNORE, then drop).
 */
export class CertificatePdfsApart1764000000004 implements MigrationInterface {
  name = 'CertificatePdfsApart1764000000004';
  transaction = false;

  async up(q: QueryRunner): Promise<void> {
    await q.query(`CREATE INDEX IF NOT EXISTS certificates_created_seq ON certificates (created_seq)`);
    await q.query(`CREATE INDEX IF NOT EXISTS retirement_voids_created_seq ON retirement_voids (created_seq)`);
    const legacy = await q.query(`SELECT 1 FROM sqlite_master WHERE type = 'table' AND name = 'certificate_pdfs'`);
    if (legacy.length === 0) return;
    const main = (await q.query(`PRAGMA database_list`)).find((d: { name: string }) => d.name === 'main') as { file: string };
    if (main.file) {
      const pdfPath = certificatePdfDatabasePath(main.file);
      openCertificatePdfDatabase(pdfPath).close();
      await q.query(`ATTACH DATABASE ? AS pdfs`, [pdfPath]);
      try {
        await q.query(`INSERT OR IGNORE INTO pdfs.certificate_pdfs (number, status, pdf, rendered_by, rendered_at)
          SELECT number, status, pdf, rendered_by, rendered_at FROM main.certificate_pdfs`);
      } finally {
        await q.query(`DETACH DATABASE pdfs`);
      }
    }
    await q.query(`DROP TABLE certificate_pdfs`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP INDEX IF EXISTS retirement_voids_created_seq`);
    await q.query(`DROP INDEX IF EXISTS certificates_created_seq`);
    await q.query(`CREATE TABLE IF NOT EXISTS certificate_pdfs (
      number varchar(40) NOT NULL REFERENCES certificates (number),
      status varchar(10) NOT NULL CHECK (status IN ('valid', 'revoked')),
      pdf blob NOT NULL,
      rendered_by varchar(100) NOT NULL,
      rendered_at varchar(30) NOT NULL,
      PRIMARY KEY (number, status)
    )`);
  }
}
