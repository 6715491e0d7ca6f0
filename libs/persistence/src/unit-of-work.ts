import { UnitOfWork, type Stores } from '@registry/ledger/ports';
import { Mutex } from 'async-mutex';
import type { DataSource } from 'typeorm';
import { isPostgres } from './dialect';
import { NativeSqliteSql, PgSql, pgPoolOf, storesFor, type NativeSqliteHandle, type PgPool } from './stores';
import { walFileSync, WalGroupCommit, type DurableSync } from './wal-group-commit';

/**
 * PostgreSQL: one transaction per unit of work on a connection of TypeORM's pool, driven with pg
 * directly so that the stores' statements stay prepared on each connection.
 */
export class PostgresUnitOfWork extends UnitOfWork {
  private readonly pool: PgPool;
  private readonly reads: Stores;

  constructor(private readonly dataSource: DataSource) {
    super();
    this.pool = pgPoolOf(dataSource);
    this.reads = storesFor(new PgSql(this.pool));
  }

  async write<T>(work: (stores: Stores) => Promise<T>): Promise<T> {
    const client = await this.pool.connect();
    let broken: Error | undefined;
    try {
      await client.query('BEGIN');
      const result = await work(storesFor(new PgSql(client)));
      await client.query('COMMIT');
      return result;
    } catch (error) {
      // A connection that cannot even roll back is not given back to the pool.
      await client.query('ROLLBACK').catch((rollbackError: Error) => (broken = rollbackError));
      throw error;
    } finally {
      client.release(broken);
    }
  }

  read<T>(work: (stores: Stores) => Promise<T>): Promise<T> {
    return work(this.reads);
  }

  async ping(): Promise<void> {
    await this.pool.query('SELECT 1');
  }
}


/**
 * SQLite: one connection, so units of work run one at a time (an interleaved transaction would
 * see, or roll back, another's writes). Statements run on the native better-sqlite3 handle; BEGIN
 * IMMEDIATE takes SQLite's write lock up front, so another process (the CLI) waits instead of
 * failing halfway through.
 *
 * With a `groupCommit`, COMMIT does not fsync (synchronous=NORMAL): a write resolves, and a read or
 * a failed write answers, only once every commit it could have seen is on disk, so no caller is
 * told of a state that a power loss could undo, and the event loop does not wait for the disk at each commit.
 */
export class SqliteUnitOfWork extends UnitOfWork {
  private readonly lock = new Mutex();
  private readonly sql: NativeSqliteSql;
  private readonly stores: Stores;

  constructor(
    handle: NativeSqliteHandle,
    private readonly groupCommit: WalGroupCommit | null = null,
  ) {
    super();
    this.sql = new NativeSqliteSql(handle);
    this.stores = storesFor(this.sql);
  }

  async write<T>(work: (stores: Stores) => Promise<T>): Promise<T> {
    let seen = 0;
    try {
      return await this.lock.runExclusive(async () => {
        this.groupCommit?.throwIfFailed();
        this.sql.handle.exec('BEGIN IMMEDIATE');
        try {
          const result = await work(this.stores);
          this.sql.handle.exec('COMMIT');
          seen = this.groupCommit?.noteCommit() ?? 0;
          return result;
        } catch (error) {
          this.sql.handle.exec('ROLLBACK');
          seen = this.groupCommit?.latest ?? 0;
          throw error;
        }
      });
    } finally {
      await this.groupCommit?.durableUpTo(seen);
    }
  }

  async read<T>(work: (stores: Stores) => Promise<T>): Promise<T> {
    let seen = 0;
    try {
      return await this.lock.runExclusive(() => {
        seen = this.groupCommit?.latest ?? 0;
        return work(this.stores);
      });
    } finally {
      await this.groupCommit?.durableUpTo(seen);
    }
  }

  async ping(): Promise<void> {
    await this.lock.runExclusive(() => this.sql.query('SELECT 1'));
    this.groupCommit?.throwIfFailed();
  }
}

export function createUnitOfWork(dataSource: DataSource, syncOf: (databasePath: string) => DurableSync = walFileSync): UnitOfWork {
  if (isPostgres(dataSource)) return new PostgresUnitOfWork(dataSource);
  const handle = (dataSource.driver as unknown as { databaseConnection: SqliteConnection }).databaseConnection;
  return new SqliteUnitOfWork(handle, groupCommitFor(handle, syncOf));
}

type SqliteConnection = NativeSqliteHandle & {
  readonly name: string;
  readonly memory: boolean;
  pragma(source: string, options: { simple: true }): unknown;
};

/** Group commit needs a WAL on disk; anything else (an in-memory test database) keeps SQLite's own syncing. */
function groupCommitFor(connection: SqliteConnection, syncOf: (databasePath: string) => DurableSync): WalGroupCommit | null {
  if (connection.memory || connection.pragma('journal_mode', { simple: true }) !== 'wal') return null;
  connection.pragma('synchronous = NORMAL', { simple: true });
  return new WalGroupCommit(syncOf(connection.name));
}
