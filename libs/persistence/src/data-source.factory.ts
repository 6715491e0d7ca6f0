import type { DatabaseConfig } from '@registry/config';
import { mkdirSync } from 'node:fs';
import { dirname } from 'node:path';
import { DataSource } from 'typeorm';
import { POSTGRES_MIGRATIONS, SQLITE_MIGRATIONS } from './migrations';
import { FALLBACK_AUTOCHECKPOINT_PAGES } from './sqlite-checkpointer';

/** Builds (but does not open) the DataSource. Schema changes come from migrations only. */
export function createDataSource(database: DatabaseConfig): DataSource {
  if (database.engine === 'postgres') {
    return new DataSource({
      type: 'postgres',
      url: database.url,
      migrations: POSTGRES_MIGRATIONS,
      migrationsTransactionMode: 'each',
      synchronize: false,
      // Which process holds a connection (pg_stat_activity): the operator sees, among others, which one is the log's sequencer.
      applicationName: `offset-registry:${process.pid}`,
      extra: { max: 10 },
    });
  }
  if (database.sqlitePath !== ':memory:') mkdirSync(dirname(database.sqlitePath), { recursive: true });
  return new DataSource({
    type: 'better-sqlite3',
    database: database.sqlitePath,
    migrations: SQLITE_MIGRATIONS,
    migrationsTransactionMode: 'each',
    synchronize: false,
    enableWAL: true,
    timeout: 5000,
    // WAL with synchronous=NORMAL alone can lose the last commits on power loss; a ledger cannot. FULL
    // covers what runs before the unit of work exists (migrations); the unit of work then switches to
    // NORMAL and syncs the WAL itself, off the event loop (WalGroupCommit).
    prepareDatabase: (db: { pragma(sql: string): unknown }) => {
      db.pragma('synchronous = FULL');
      // 64 MiB of page cache (the default is 2 MiB): index pages of a million-block ledger stay in memory.
      db.pragma('cache_size = -65536');
      // In the API a SqliteCheckpointer thread checkpoints long before this; the connection steps in only
      // if it stops (the worker and the CLI write little and have none).
      db.pragma(`wal_autocheckpoint = ${FALLBACK_AUTOCHECKPOINT_PAGES}`);
    },
  });
}

export class PendingMigrationsError extends Error {
  override readonly name = 'PendingMigrationsError';
}

/**
 * Opens the DataSource and brings the schema up to date; with `migrate: false` (MIGRATIONS_RUN=false)
 * it refuses a schema with pending migrations instead, so no process runs code the schema is not ready for.
 */
export async function openDatabase(database: DatabaseConfig, { migrate = true }: { migrate?: boolean } = {}): Promise<DataSource> {
  const dataSource = createDataSource(database);
  await dataSource.initialize();
  if (migrate) {
    await dataSource.runMigrations({ transaction: 'each' });
  } else if (await dataSource.showMigrations()) {
    await dataSource.destroy();
    throw new PendingMigrationsError('the database has pending migrations and MIGRATIONS_RUN=false: run `npm run cli -- db migrate` first');
  }
  return dataSource;
}
