import { UnitOfWork, type Stores } from '@registry/ledger/ports';
import { Mutex } from 'async-mutex';
import type { DataSource } from 'typeorm';
import { isPostgres } from './dialect';
import { storesFor } from './stores';

export class TypeOrmUnitOfWork extends UnitOfWork {
  /**
   * TypeORM shares one better-sqlite3 connection, so two interleaved `transaction()` calls would
   * run inside each other and one's rollback would undo the other's acknowledged write. Every
   * SQLite unit of work (reads too, so none sees another's uncommitted rows) runs one at a time.
   */
  private readonly sqliteLock: Mutex | null;

  constructor(private readonly dataSource: DataSource) {
    super();
    this.sqliteLock = isPostgres(dataSource) ? null : new Mutex();
  }

  write<T>(work: (stores: Stores) => Promise<T>): Promise<T> {
    const run = () => this.dataSource.transaction((em) => work(storesFor(em)));
    return this.sqliteLock ? this.sqliteLock.runExclusive(run) : run();
  }

  read<T>(work: (stores: Stores) => Promise<T>): Promise<T> {
    const run = () => work(storesFor(this.dataSource.manager));
    return this.sqliteLock ? this.sqliteLock.runExclusive(run) : run();
  }

  async ping(): Promise<void> {
    const run = () => this.dataSource.query('SELECT 1');
    await (this.sqliteLock ? this.sqliteLock.runExclusive(run) : run());
  }
}
