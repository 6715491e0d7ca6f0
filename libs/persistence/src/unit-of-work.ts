import { DEFAULT_SQLITE_WRITE_GROUP } from '@registry/config';
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
 * Writes that queue up together (those asked for in one turn of the event loop, or while a
 * transaction runs) share one transaction, up to `writeGroup` of them: each runs in a SAVEPOINT of
 * its own, so a unit that throws leaves nothing and the others keep their writes, and one COMMIT
 * (and one WAL append to sync) carries them all. Every unit of a group is answered after that
 * COMMIT, failures too: a refusal may rest on what an earlier unit of the group wrote (its 409
 * names that retirement), which must not be reported before it is committed. If the COMMIT fails,
 * every unit fails. `writeGroup` 1: a transaction per unit, no savepoints, no queue.
 *
 * With a `groupCommit`, COMMIT does not fsync (synchronous=NORMAL): a write resolves, and a read or
 * a failed write answers, only once every commit it could have seen is on disk, so no caller is
 * told of a state that a power loss could undo, and the event loop does not wait for the disk at each commit.
 */
export class SqliteUnitOfWork extends UnitOfWork {
  private readonly lock = new Mutex();
  private readonly sql: NativeSqliteSql;
  private readonly stores: Stores;
  private readonly queued: QueuedWrite[] = [];
  private drainScheduled = false;

  constructor(
    handle: NativeSqliteHandle,
    private readonly groupCommit: WalGroupCommit | null = null,
    private readonly writeGroup: number = DEFAULT_SQLITE_WRITE_GROUP,
  ) {
    super();
    if (!Number.isInteger(writeGroup) || writeGroup < 1) throw new Error(`writeGroup must be a whole number of at least 1, not ${writeGroup}`);
    this.sql = new NativeSqliteSql(handle);
    this.stores = storesFor(this.sql);
  }

  write<T>(work: (stores: Stores) => Promise<T>): Promise<T> {
    if (this.writeGroup === 1) return this.writeAlone(work);
    return new Promise<T>((resolve, reject) => {
      this.queued.push({ work, resolve: resolve as (value: unknown) => void, reject });
      this.scheduleDrain();
    });
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

  private async writeAlone<T>(work: (stores: Stores) => Promise<T>): Promise<T> {
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

  /** setImmediate, not a microtask: the requests read in this turn of the event loop reach their write first and join the group. */
  private scheduleDrain(): void {
    if (this.drainScheduled) return;
    this.drainScheduled = true;
    setImmediate(() => void this.drain());
  }

  private async drain(): Promise<void> {
    let group: QueuedWrite[] = [];
    try {
      const { outcomes, seen } = await this.lock.runExclusive(() => {
        this.drainScheduled = false;
        group = this.queued.splice(0, this.writeGroup);
        if (this.queued.length > 0) this.scheduleDrain();
        return this.runGroup(group);
      });
      // Outside the lock: the next group runs while this one's WAL is synced.
      const durable = await outcomeOf(async () => this.groupCommit?.durableUpTo(seen));
      group.forEach((unit, i) => {
        const outcome = durable.ok ? outcomes[i] : durable;
        if (outcome.ok) unit.resolve(outcome.value);
        else unit.reject(outcome.error);
      });
    } catch (error) {
      for (const unit of group) unit.reject(error); // not expected (runGroup answers every error), but no caller is left waiting
    }
  }

  /** Never throws: answers each unit's outcome and the commit position every answer waits for. */
  private async runGroup(group: readonly QueuedWrite[]): Promise<{ outcomes: Outcome[]; seen: number }> {
    const handle = this.sql.handle;
    const everyUnitFails = (error: unknown) => ({ outcomes: group.map((): Outcome => ({ ok: false, error })), seen: this.groupCommit?.latest ?? 0 });
    try {
      this.groupCommit?.throwIfFailed();
      handle.exec('BEGIN IMMEDIATE');
    } catch (error) {
      return everyUnitFails(error);
    }
    const outcomes: Outcome[] = [];
    try {
      for (const { work } of group) {
        const outcome = group.length === 1 ? await outcomeOf(() => work(this.stores)) : await this.runInSavepoint(work);
        outcomes.push(outcome);
        // Some errors (SQLITE_FULL, SQLITE_IOERR, SQLITE_NOMEM) make SQLite roll back the whole transaction itself.
        if (!handle.inTransaction) throw new GroupRolledBack(outcome);
      }
      if (!outcomes.some((outcome) => outcome.ok)) {
        handle.exec('ROLLBACK');
        return { outcomes, seen: this.groupCommit?.latest ?? 0 };
      }
      handle.exec('COMMIT');
    } catch (error) {
      if (handle.inTransaction) rollbackQuietly(handle);
      if (!(error instanceof GroupRolledBack)) return everyUnitFails(error);
      // The unit whose error made SQLite give up hears that error; the others, that their writes went with it.
      const cause = error.outcome.ok ? undefined : error.outcome.error;
      const lost: Outcome = { ok: false, error: new Error(`SQLite rolled back the transaction this write shared with others (${messageOf(cause)})`, { cause }) };
      return { outcomes: group.map((_, i) => (i === outcomes.length - 1 && !error.outcome.ok ? error.outcome : lost)), seen: this.groupCommit?.latest ?? 0 };
    }
    return { outcomes, seen: this.groupCommit?.noteCommit() ?? 0 };
  }

  private async runInSavepoint(work: (stores: Stores) => Promise<unknown>): Promise<Outcome> {
    this.sql.handle.exec('SAVEPOINT unit_of_work');
    const outcome = await outcomeOf(() => work(this.stores));
    if (outcome.ok) this.sql.handle.exec('RELEASE unit_of_work');
    else if (this.sql.handle.inTransaction) this.sql.handle.exec('ROLLBACK TO unit_of_work; RELEASE unit_of_work');
    return outcome;
  }
}

interface QueuedWrite {
  work: (stores: Stores) => Promise<unknown>;
  resolve: (value: unknown) => void;
  reject: (error: unknown) => void;
}

type Outcome = { ok: true; value: unknown } | { ok: false; error: unknown };

async function outcomeOf(run: () => Promise<unknown>): Promise<Outcome> {
  try {
    return { ok: true, value: await run() };
  } catch (error) {
    return { ok: false, error };
  }
}

class GroupRolledBack extends Error {
  constructor(readonly outcome: Outcome) {
    super('SQLite rolled back the transaction');
  }
}

function messageOf(error: unknown): string {
  return error instanceof Error ? error.message : 'no error was thrown';
}

function rollbackQuietly(handle: NativeSqliteHandle): void {
  try {
    handle.exec('ROLLBACK');
  } catch {
    // Nothing more to undo: the callers are answered with the error that got here.
  }
}

export interface UnitOfWorkOptions {
  /** SQLite: units of work one transaction may carry (SQLITE_WRITE_GROUP). */
  writeGroup?: number;
  syncOf?: (databasePath: string) => DurableSync;
}

export function createUnitOfWork(dataSource: DataSource, { writeGroup = DEFAULT_SQLITE_WRITE_GROUP, syncOf = walFileSync }: UnitOfWorkOptions = {}): UnitOfWork {
  if (isPostgres(dataSource)) return new PostgresUnitOfWork(dataSource);
  const handle = (dataSource.driver as unknown as { databaseConnection: SqliteConnection }).databaseConnection;
  return new SqliteUnitOfWork(handle, groupCommitFor(handle, syncOf), writeGroup);
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
