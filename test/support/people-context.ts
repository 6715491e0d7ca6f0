import type { INestApplicationContext } from '@nestjs/common';
import { Module } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import { PeopleModule } from '@registry/auth';
import { loadConfig, RegistryConfigModule } from '@registry/config';
import { CreateOrganizationUseCase, JournalQueries, LogSequencer, type LoggedJournalEntry } from '@registry/ledger';
import { isPostgres, PersistenceModule } from '@registry/persistence';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { DataSource } from 'typeorm';
import { createTestDatabase, type TestDatabase } from './test-engine';

@Module({ providers: [CreateOrganizationUseCase, JournalQueries, LogSequencer] })
class PeopleTestModule {}

export interface PeopleContext {
  app: INestApplicationContext;
  /** Raw SQL with `?` placeholders on either engine: what the tests look at or set behind the use cases' backs. */
  sql<T = Record<string, unknown>>(text: string, params?: unknown[]): Promise<T[]>;
  journal(type: string): Promise<LoggedJournalEntry[]>;
  close(): Promise<void>;
}

/**
 * The people use cases without HTTP, on a fresh migrated database (temp SQLite in the e2e tier,
 * a PostgreSQL schema in the integration tier): Immich's medium tier. Given a `database`, runs on it
 * (beside a CLI process, say) and leaves it for the caller to drop.
 */
export async function startPeopleContext(options: { database?: TestDatabase } = {}): Promise<PeopleContext> {
  const database: TestDatabase = options.database ?? (await createTestDatabase());
  const config = loadConfig({ LOG_LEVEL: 'silent', CERTIFICATE_KEYS_DIR: join(mkdtempSync(join(tmpdir(), 'people-keys-')), 'keys'), ...database.env });
  const app = await NestFactory.createApplicationContext(
    { module: PeopleTestModule, imports: [RegistryConfigModule.forRoot(config), PersistenceModule, PeopleModule] },
    { logger: false },
  );
  await app.init();
  const dataSource = app.get(DataSource);
  const postgres = isPostgres(dataSource);
  const sql = async <T>(text: string, params: unknown[] = []): Promise<T[]> => {
    let n = 0;
    const rows: unknown = await dataSource.query(postgres ? text.replace(/\?/g, () => `$${++n}`) : text, params);
    // TypeORM answers [rows, count] to an UPDATE on PostgreSQL.
    return (postgres && /^\s*UPDATE/i.test(text) ? (rows as [T[], number])[0] : rows) as T[];
  };
  return {
    app,
    sql,
    journal: async (type) => (await app.get(JournalQueries).entries(0, 10_000, type)).items,
    close: async () => {
      await app.close();
      // A database the caller gave stays for the caller to drop.
      if (!options.database) await database.drop();
    },
  };
}
