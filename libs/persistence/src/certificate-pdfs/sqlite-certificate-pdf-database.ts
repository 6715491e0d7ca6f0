import Database from 'better-sqlite3';
import { basename, dirname, join } from 'node:path';

type SqliteDatabase = InstanceType<typeof Database>;

/** 2: PDFs keyed by certificate version too, and any status (claim certificates are suspended, withdrawn…). */
const SCHEMA_VERSION = 2;

export const CERTIFICATE_PDFS_TABLE = `CREATE TABLE IF NOT EXISTS certificate_pdfs (
  number varchar(40) NOT NULL,
  version integer NOT NULL DEFAULT 1,
  status varchar(10) NOT NULL,
  pdf blob NOT NULL,
  rendered_by varchar(100) NOT NULL,
  rendered_at varchar(30) NOT NULL,
  PRIMARY KEY (number, version, status)
)`;

/** `data/registry.sqlite` → `data/registry.pdfs.sqlite`: PDFs sit beside the ledger, in a file of their own. */
export function certificatePdfDatabasePath(ledgerPath: string): string {
  if (ledgerPath === ':memory:' || ledgerPath === '') return ':memory:';
  const name = basename(ledgerPath).replace(/\.(sqlite3?|db)$/i, '');
  return join(dirname(ledgerPath), `${name}.pdfs.sqlite`);
}

/**
 * Opens (creating if needed) the PDF database. Its own file means its own write lock and WAL: a
 * worker storing PDFs never makes a retirement wait for SQLite's lock or checkpoint PDF pages.
 * synchronous=NORMAL: a power loss may forget the last PDFs, which the repair sweep renders again
 * (the ledger itself keeps synchronous=FULL).
 */
export function openCertificatePdfDatabase(path: string): SqliteDatabase {
  const db = new Database(path, { timeout: 5000 });
  try {
    if (path !== ':memory:') db.pragma('journal_mode = WAL');
    db.pragma('synchronous = NORMAL');
    const found = db.pragma('user_version', { simple: true });
    if (found !== SCHEMA_VERSION) {
      db.transaction(() => {
        if (found === 1) db.exec(`ALTER TABLE certificate_pdfs RENAME TO certificate_pdfs_v1`);
        db.exec(CERTIFICATE_PDFS_TABLE);
        if (found === 1) {
          db.exec(`INSERT OR IGNORE INTO certificate_pdfs (number, version, status, pdf, rendered_by, rendered_at)
            SELECT number, 1, status, pdf, rendered_by, rendered_at FROM certificate_pdfs_v1`);
          db.exec(`DROP TABLE certificate_pdfs_v1`);
        }
        db.pragma(`user_version = ${SCHEMA_VERSION}`);
      }).immediate();
    }
    return db;
  } catch (error) {
    db.close();
    throw error;
  }
}
