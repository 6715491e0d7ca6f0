import Database from 'better-sqlite3';
import { certificatePdfDatabasePath } from '@registry/persistence';
import { existsSync, rmSync } from 'node:fs';
import { BackupRefusedError } from './backup-refused';

export interface SqliteBackupResult {
  files: string[];
}

/**
 * An online, consistent copy of the ledger (SQLite's backup API, page by page, while the API keeps
 * writing) and of the certificate-PDF database beside it, to `<file>` and `<file stem>.pdfs.sqlite`.
 * The PDFs are derived data: a copy a moment older than the ledger's is made whole again by the sweep.
 */
export async function backupSqlite(ledgerPath: string, file: string): Promise<SqliteBackupResult> {
  if (!existsSync(ledgerPath)) throw new BackupRefusedError(`no SQLite ledger at ${ledgerPath} (SQLITE_PATH): nothing to back up`);
  const copies: [string, string][] = [[ledgerPath, file]];
  const pdfs = certificatePdfDatabasePath(ledgerPath);
  if (existsSync(pdfs)) copies.push([pdfs, certificatePdfDatabasePath(file)]);
  for (const [, target] of copies) {
    if (existsSync(target)) throw new BackupRefusedError(`${target} exists: a backup never overwrites a file; choose another name`);
  }
  for (const [source, target] of copies) {
    const db = new Database(source, { readonly: true, fileMustExist: true });
    try {
      await db.backup(target);
    } finally {
      db.close();
    }
  }
  return { files: copies.map(([, target]) => target) };
}

function tablesIn(path: string): number {
  if (!existsSync(path)) return 0;
  const db = new Database(path, { readonly: true, fileMustExist: true });
  try {
    return (db.prepare(`SELECT count(*) AS n FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%'`).get() as { n: number }).n;
  } finally {
    db.close();
  }
}

/** Copies a backup over the configured ledger (and PDF database). Stop the API first: the file is replaced. */
export async function restoreSqlite(file: string, ledgerPath: string, force: boolean): Promise<SqliteBackupResult> {
  if (!existsSync(file)) throw new BackupRefusedError(`${file} does not exist`);
  const tables = tablesIn(ledgerPath);
  if (tables > 0 && !force) {
    throw new BackupRefusedError(
      `${ledgerPath} (SQLITE_PATH) is not empty (${tables} tables): restore replaces the whole ledger. ` +
        'Restore into a new SQLITE_PATH, or pass --force (with the API stopped) to replace it',
    );
  }
  // Nothing of the replaced registry stays, its PDFs included.
  for (const target of [ledgerPath, certificatePdfDatabasePath(ledgerPath)]) {
    for (const path of [target, `${target}-wal`, `${target}-shm`]) rmSync(path, { force: true });
  }
  const copies: [string, string][] = [[file, ledgerPath]];
  const pdfBackup = certificatePdfDatabasePath(file);
  if (existsSync(pdfBackup)) copies.push([pdfBackup, certificatePdfDatabasePath(ledgerPath)]);
  for (const [source, target] of copies) {
    const db = new Database(source, { readonly: true, fileMustExist: true });
    try {
      await db.backup(target);
    } finally {
      db.close();
    }
  }
  return { files: copies.map(([, target]) => target) };
}
