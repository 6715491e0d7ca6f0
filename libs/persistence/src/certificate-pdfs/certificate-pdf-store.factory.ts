import type { DatabaseConfig } from '@registry/config';
import type { DataSource } from 'typeorm';
import { NativeSqliteSql, PgSql, pgPoolOf } from '../stores/sql';
import { SqlCertificatePdfStore } from './sql-certificate-pdf-store';
import { certificatePdfDatabasePath, openCertificatePdfDatabase } from './sqlite-certificate-pdf-database';

export interface OpenedCertificatePdfStore {
  store: SqlCertificatePdfStore;
  close(): void;
}

/** PostgreSQL: the ledger database's table (shared by every machine). SQLite: a file beside the ledger. */
export function openCertificatePdfStore(database: DatabaseConfig, dataSource: DataSource): OpenedCertificatePdfStore {
  if (database.engine === 'postgres') return { store: new SqlCertificatePdfStore(new PgSql(pgPoolOf(dataSource))), close: () => {} };
  const db = openCertificatePdfDatabase(certificatePdfDatabasePath(database.sqlitePath));
  return { store: new SqlCertificatePdfStore(new NativeSqliteSql(db)), close: () => db.close() };
}
