import Database from 'better-sqlite3';
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { openDatabase } from './data-source.factory';
import { createUnitOfWork, SqliteUnitOfWork } from './unit-of-work';
import { gatedSync, settle, tracked } from './testing/gated-sync';
import { walFileSync, WalGroupCommit } from './wal-group-commit';

describe('WalGroupCommit', () => {
  it('answers a commit only after a sync that started after it has finished', async () => {
    const gate = gatedSync();
    const group = new WalGroupCommit(gate.sync);
    const first = tracked(group.durableUpTo(group.noteCommit()));
    await settle();
    const second = tracked(group.durableUpTo(group.noteCommit())); // committed while sync 0 runs
    await settle();
    expect([first.done, second.done, gate.started()]).toEqual([false, false, 1]);

    await gate.release(0);
    // sync 0 started before the second commit, so it cannot vouch for it
    expect([first.done, second.done, gate.started()]).toEqual([true, false, 2]);
    await gate.release(1);
    expect(second).toEqual({ done: true, error: undefined });
  });

  it('lets every commit made during one sync share the next one (group commit)', async () => {
    const gate = gatedSync();
    const group = new WalGroupCommit(gate.sync);
    const waiters = [tracked(group.durableUpTo(group.noteCommit()))];
    await settle();
    for (let i = 0; i < 20; i++) waiters.push(tracked(group.durableUpTo(group.noteCommit())));
    await gate.release(0);
    await gate.release(1);
    expect(waiters.every((w) => w.done && w.error === undefined)).toBe(true);
    expect(gate.started()).toBe(2);
  });

  it('does not sync when nothing new was committed', async () => {
    const gate = gatedSync();
    const group = new WalGroupCommit(gate.sync);
    await group.durableUpTo(group.latest);
    expect(gate.started()).toBe(0);
  });

  it('after a failed sync refuses every later call with SERVICE_UNAVAILABLE (the disk state is unknown)', async () => {
    const gate = gatedSync();
    const group = new WalGroupCommit(gate.sync);
    const waiter = tracked(group.durableUpTo(group.noteCommit()));
    await settle();
    await gate.fail(0, new Error('EIO: i/o error, fdatasync'));
    expect(waiter.error).toMatchObject({ code: 'SERVICE_UNAVAILABLE', message: expect.stringContaining('EIO') });
    await expect(group.durableUpTo(0)).rejects.toMatchObject({ code: 'SERVICE_UNAVAILABLE' });
    await expect(group.durableUpTo(group.noteCommit())).rejects.toMatchObject({ code: 'SERVICE_UNAVAILABLE' });
    expect(gate.started()).toBe(1);
  });
});

describe('SqliteUnitOfWork with group commit, on a real WAL database', () => {
  let dir: string;
  let path: string;
  let db: InstanceType<typeof Database>;
  let gate: ReturnType<typeof gatedSync>;
  let uow: SqliteUnitOfWork;
  const walSyncs: string[] = [];

  beforeEach(() => {
    dir = mkdtempSync(join(tmpdir(), 'registry-group-commit-'));
    path = join(dir, 'ledger.sqlite');
    db = new Database(path);
    db.pragma('journal_mode = WAL');
    db.pragma('synchronous = NORMAL');
    db.exec(`CREATE TABLE t (id integer PRIMARY KEY, v text UNIQUE)`);
    const realSync = walFileSync(path);
    gate = gatedSync(async () => {
      walSyncs.push(`${path}-wal exists: ${existsSync(`${path}-wal`)}`);
      await realSync();
    });
    uow = new SqliteUnitOfWork(db, new WalGroupCommit(gate.sync));
  });
  afterEach(() => {
    db.close();
    rmSync(dir, { recursive: true, force: true });
  });

  const insert = (v: string) => uow.write(async () => void db.prepare(`INSERT INTO t (v) VALUES (?)`).run(v));
  const count = () => uow.read(async () => (db.prepare(`SELECT COUNT(*) AS n FROM t`).get() as { n: number }).n);

  it('resolves a write only after the WAL holding its commit has been synced', async () => {
    const write = tracked(insert('a'));
    await settle();
    // committed (another connection sees it) but not yet answered
    const other = new Database(path, { readonly: true });
    expect(other.prepare(`SELECT v FROM t`).all()).toEqual([{ v: 'a' }]);
    other.close();
    expect(write.done).toBe(false);

    await gate.release(0);
    expect(write).toEqual({ done: true, error: undefined });
    expect(walSyncs).toEqual([`${path}-wal exists: true`]);
  });

  it('holds back a read that saw a commit not yet on disk; a read of durable state syncs nothing', async () => {
    void insert('a');
    await settle();
    const read = tracked(count());
    await settle();
    expect(read.done).toBe(false);
    await gate.release(0);
    expect(read.done).toBe(true);
    await expect(count()).resolves.toBe(1);
    expect(gate.started()).toBe(1);
  });

  it('holds back a failed write that could have seen an unsynced commit, then reports its own error', async () => {
    void insert('a');
    await settle();
    const duplicate = tracked(insert('a'));
    await settle();
    expect(duplicate.done).toBe(false);
    await gate.release(0);
    expect(duplicate.error).toMatchObject({ code: 'SQLITE_CONSTRAINT_UNIQUE' });
  });

  it('answers SERVICE_UNAVAILABLE to the write whose sync failed, and to every call after it, writing nothing more', async () => {
    const write = tracked(insert('a'));
    await settle();
    await gate.fail(0, new Error('EIO'));
    expect(write.error).toMatchObject({ code: 'SERVICE_UNAVAILABLE' });
    await expect(insert('b')).rejects.toMatchObject({ code: 'SERVICE_UNAVAILABLE' });
    await expect(count()).rejects.toMatchObject({ code: 'SERVICE_UNAVAILABLE' });
    await expect(uow.ping()).rejects.toMatchObject({ code: 'SERVICE_UNAVAILABLE' });
    expect(db.prepare(`SELECT v FROM t`).all()).toEqual([{ v: 'a' }]);
  });
});

describe('createUnitOfWork on a SQLite file', () => {
  it('switches the connection to synchronous=NORMAL and syncs that database\'s WAL after each write', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'registry-group-commit-'));
    const dataSource = await openDatabase({ engine: 'sqlite', sqlitePath: join(dir, 'ledger.sqlite') });
    try {
      const synced: string[] = [];
      const uow = createUnitOfWork(dataSource, {
        syncOf: (path) => {
          const real = walFileSync(path);
          return async () => {
            synced.push(path);
            await real();
          };
        },
      });
      const [sync] = await dataSource.query('PRAGMA synchronous');
      expect(sync.synchronous).toBe(1);
      await uow.write((stores) => stores.sequences.next('RC-2026'));
      await uow.write((stores) => stores.sequences.next('RC-2026'));
      expect(synced).toEqual([join(dir, 'ledger.sqlite'), join(dir, 'ledger.sqlite')]);
    } finally {
      await dataSource.destroy();
      rmSync(dir, { recursive: true, force: true });
    }
  });

  it('leaves an in-memory database to SQLite (no WAL file to sync)', async () => {
    const dataSource = await openDatabase({ engine: 'sqlite', sqlitePath: ':memory:' });
    try {
      const syncOf = jest.fn();
      const uow = createUnitOfWork(dataSource, { syncOf });
      await expect(uow.write((stores) => stores.sequences.next('RC-2026'))).resolves.toBe(1);
      expect(syncOf).not.toHaveBeenCalled();
    } finally {
      await dataSource.destroy();
    }
  });
});
