import { UnitOfWork, type Stores } from '@registry/ledger/ports';
import { Mutex } from 'async-mutex';
import type { DataSource } from 'typeorm';
import { isPostgres } from './dialect';
import { NativeSqliteSql, storesFor, TypeOrmPostgresSql, type NativeSqliteHandle } from './stores';

/** PostgreSQL: one TypeORM transaction per unit of work, from the pool. */
export class PostgresUnitOfWork extends UnitOfWork {
  constructor(private readonly dataSource: DataSource) {
    super();
  }

  write<T>(work: (stores: Stores) => Promise<T>): Promise<T> {
    return this.dataSource.transaction((em) => work(storesFor(new TypeOrmPostgresSql(em))));
  }

  read<T>(work: (stores: Stores) => Promise<T>): Promise<T> {
    return work(storesFor(new TypeOrmPostgresSql(this.dataSource.manager)));
  }

  async ping(): Promise<void> {
    await this.dataSource.query('SELECT 1');
  }
}

/**
 * SQLite: one connection, so units of work run one at a time (an interleaved transaction would
 * see, or roll back, another's writes). Statements run on the native better-sqlite3 handle; BEGIN
 * IMMEDIATE takes SQLite's write lock up front, so another process (the CLI) waits instead of
 * failing halfway through.
 */
export class SqliteUnitOfWork extends UnitOfWork {
  private readonly lock = new Mutex();
  private readonly sql: NativeSqliteSql;
  private readonly stores: Stores;

  constructor(handle: NativeSqliteHandle) {
    super();
    this.sql = new NativeSqliteSql(handle);
    this.stores = storesFor(this.sql);
  }

  write<T>(work: (stores: Stores) => Promise<T>): Promise<T> {
    return this.lock.runExclusive(async () => {
      this.sql.handle.exec('BEGIN IMMEDIATE');
      try {
        const result = await work(this.stores);
        this.sql.handle.exec('COMMIT');
        return result;
      } catch (error) {
        this.sql.handle.exec('ROLLBACK');
        throw error;
      }
    });
  }

  read<T>(work: (stores: Stores) => Promise<T>): Promise<T> {
    return this.lock.runExclusive(() => work(this.stores));
  }

  async ping(): Promise<void> {
    await this.lock.runExclusive(() => this.sql.query('SELECT 1'));
  }
}

export function createUnitOfWork(dataSource: DataSource): UnitOfWork {
  if (isPostgres(dataSource)) return new PostgresUnitOfWork(dataSource);
  const handle = (dataSource.driver as unknown as { databaseConnection: NativeSqliteHandle }).databaseConnection;
  return new SqliteUnitOfWork(handle);
}
