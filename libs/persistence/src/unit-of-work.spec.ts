import Database from 'better-sqlite3';
import { DomainError } from '@registry/domain';
import type { BlockRecord } from '@registry/ledger/ports';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { openDatabase } from './data-source.factory';
import { gatedSync, settle, tracked } from './testing/gated-sync';
import { createUnitOfWork, SqliteUnitOfWork } from './unit-of-work';
import { WalGroupCommit } from './wal-group-commit';

describe('SqliteUnitOfWork: writes that queue up together share one transaction', () => {
  let dir: string;
  let path: string;
  let db: InstanceType<typeof Database>;
  let gate: ReturnType<typeof gatedSync>;
  /** Every transaction statement the unit of work ran, in order. */
  let statements: string[];

  beforeEach(() => {
    dir = mkdtempSync(join(tmpdir(), 'registry-write-group-'));
    path = join(dir, 'ledger.sqlite');
    db = new Database(path);
    db.pragma('journal_mode = WAL');
    db.pragma('synchronous = NORMAL');
    db.pragma('foreign_keys = ON');
    db.exec(`CREATE TABLE t (id integer PRIMARY KEY, v text UNIQUE)`);
    // Checked at COMMIT only: the one way here to make a COMMIT itself fail.
    db.exec(`CREATE TABLE child (id integer PRIMARY KEY, parent integer REFERENCES t (id) DEFERRABLE INITIALLY DEFERRED)`);
    gate = gatedSync();
    statements = [];
    const exec = db.exec.bind(db);
    jest.spyOn(db, 'exec').mockImplementation((source: string) => (statements.push(source), exec(source)));
  });
  afterEach(() => {
    db.close();
    rmSync(dir, { recursive: true, force: true });
  });

  const unitOfWork = (writeGroup?: number) => new SqliteUnitOfWork(db, new WalGroupCommit(gate.sync), writeGroup);
  const rows = () => (db.prepare(`SELECT v FROM t ORDER BY id`).all() as { v: string }[]).map((r) => r.v);
  const insert = (v: string) => db.prepare(`INSERT INTO t (v) VALUES (?)`).run(v);
  const refused = (v: string) => async () => {
    insert(v);
    throw new DomainError('ALREADY_RETIRED', `${v} is refused`);
  };
  const transactions = () => statements.filter((s) => s === 'BEGIN IMMEDIATE').length;

  it('runs the writes asked for together in one transaction, a savepoint each, and answers each its own result', async () => {
    const uow = unitOfWork();
    const answers = Promise.all(['a', 'b', 'c'].map((v) => uow.write(async () => (insert(v), v.toUpperCase()))));
    await settle();
    await gate.release(0);
    await expect(answers).resolves.toEqual(['A', 'B', 'C']);
    expect(rows()).toEqual(['a', 'b', 'c']);
    expect(statements).toEqual([
      'BEGIN IMMEDIATE',
      ...['a', 'b', 'c'].flatMap(() => ['SAVEPOINT unit_of_work', 'RELEASE unit_of_work']),
      'COMMIT',
    ]);
    expect(gate.started()).toBe(1);
  });

  it('a unit that throws leaves nothing and the others of its group commit (a domain refusal, a constraint violation)', async () => {
    const uow = unitOfWork();
    const first = tracked(uow.write(async () => insert('a')));
    const refusal = tracked(uow.write(refused('b')));
    const duplicate = tracked(uow.write(async () => (insert('c'), insert('a')))); // UNIQUE: 'a' is the first unit's
    const last = tracked(uow.write(async () => insert('d')));
    await settle();
    await gate.release(0);
    expect([first, last]).toMatchObject([{ done: true, error: undefined }, { done: true, error: undefined }]);
    expect(refusal.error).toMatchObject({ code: 'ALREADY_RETIRED', message: 'b is refused' });
    expect(duplicate.error).toMatchObject({ code: 'SQLITE_CONSTRAINT_UNIQUE' });
    expect(rows()).toEqual(['a', 'd']);
    expect(transactions()).toBe(1);
  });

  it('answers no unit of a group, a refused one included, before the sync that covers its COMMIT has finished', async () => {
    const uow = unitOfWork();
    const written = tracked(uow.write(async () => insert('a')));
    // Refused because of what the first unit wrote: the refusal must not outrun that write's durability.
    const refusal = tracked(uow.write(async () => insert('a')));
    await settle();
    const other = new Database(path, { readonly: true });
    expect(other.prepare(`SELECT v FROM t`).all()).toEqual([{ v: 'a' }]); // committed
    other.close();
    expect([written.done, refusal.done, gate.started()]).toEqual([false, false, 1]);

    await gate.release(0);
    expect(written).toMatchObject({ done: true, error: undefined });
    expect(refusal.error).toMatchObject({ code: 'SQLITE_CONSTRAINT_UNIQUE' });
  });

  it('fails every unit of the group when the COMMIT fails, and nothing of it is written', async () => {
    const uow = unitOfWork();
    const fine = tracked(uow.write(async () => insert('a')));
    const orphan = tracked(uow.write(async () => void db.prepare(`INSERT INTO child (parent) VALUES (999)`).run()));
    await settle();
    expect(fine.error).toMatchObject({ code: 'SQLITE_CONSTRAINT_FOREIGNKEY' });
    expect(orphan.error).toMatchObject({ code: 'SQLITE_CONSTRAINT_FOREIGNKEY' });
    expect(rows()).toEqual([]);
    expect(db.inTransaction).toBe(false);
    expect(gate.started()).toBe(0);

    const next = tracked(uow.write(async () => insert('b'))); // the next group is unaffected
    await settle();
    await gate.release(0);
    expect(next).toMatchObject({ done: true, error: undefined });
    expect(rows()).toEqual(['b']);
  });

  it('when SQLite rolls the whole transaction back under a unit, every unit of the group fails, the culprit with its own error', async () => {
    const uow = unitOfWork();
    const before = tracked(uow.write(async () => insert('a')));
    const culprit = tracked(
      uow.write(async () => {
        insert('b');
        db.exec('ROLLBACK'); // what SQLITE_FULL or SQLITE_IOERR do to the transaction
        throw new Error('database or disk is full');
      }),
    );
    const after = tracked(uow.write(async () => insert('c')));
    await settle();
    expect(culprit.error).toEqual(new Error('database or disk is full'));
    expect(before.error).toEqual(new Error('SQLite rolled back the transaction this write shared with others (database or disk is full)'));
    expect(after.error).toEqual(before.error);
    expect(rows()).toEqual([]);
    expect(gate.started()).toBe(0);
  });

  it('takes at most writeGroup units per transaction', async () => {
    const uow = unitOfWork(2);
    const answers = Promise.all(['a', 'b', 'c', 'd', 'e'].map((v) => uow.write(async () => insert(v))));
    for (let i = 0; i < 3; i++) {
      await settle();
      await gate.release(i);
    }
    await answers;
    expect(rows()).toEqual(['a', 'b', 'c', 'd', 'e']);
    expect(transactions()).toBe(3);
  });

  it('with writeGroup 1 runs each unit in a transaction of its own, without savepoints', async () => {
    const uow = unitOfWork(1);
    const answers = Promise.all(['a', 'b'].map((v) => uow.write(async () => insert(v))));
    const refusal = tracked(uow.write(refused('c')));
    await settle();
    await gate.release(0);
    await gate.release(1);
    await answers;
    expect(refusal.error).toMatchObject({ code: 'ALREADY_RETIRED' });
    expect(statements).toEqual(['BEGIN IMMEDIATE', 'COMMIT', 'BEGIN IMMEDIATE', 'COMMIT', 'BEGIN IMMEDIATE', 'ROLLBACK']);
  });

  it('a lone unit runs without a savepoint; a group of refusals only commits nothing and waits for no sync', async () => {
    const uow = unitOfWork();
    await expect(uow.write(refused('a'))).rejects.toMatchObject({ code: 'ALREADY_RETIRED' });
    const refusals = [uow.write(refused('b')), uow.write(refused('c'))];
    await expect(Promise.all(refusals.map((r) => r.catch((e: DomainError) => e.code)))).resolves.toEqual(['ALREADY_RETIRED', 'ALREADY_RETIRED']);
    expect(statements).toEqual([
      'BEGIN IMMEDIATE',
      'ROLLBACK',
      'BEGIN IMMEDIATE',
      ...['b', 'c'].flatMap(() => ['SAVEPOINT unit_of_work', 'ROLLBACK TO unit_of_work; RELEASE unit_of_work']),
      'ROLLBACK',
    ]);
    expect(gate.started()).toBe(0);
  });

  it('writes asked for while a group runs form the next group; a read waits for the group and sees only what it committed', async () => {
    const uow = unitOfWork();
    let unblock!: () => void;
    const slow = uow.write(async () => {
      insert('a');
      await new Promise<void>((resolve) => (unblock = resolve));
      insert('b');
    });
    await settle();
    const read = tracked(uow.read(async () => rows()));
    const next = [uow.write(async () => insert('c')), uow.write(async () => insert('d'))];
    await settle();
    expect(read.done).toBe(false); // 'a' is written but not committed: the read must not see it

    unblock();
    await settle();
    await gate.release(0);
    expect(read).toMatchObject({ done: true, value: ['a', 'b'] });
    await gate.release(1);
    await Promise.all([slow, ...next]);
    expect(rows()).toEqual(['a', 'b', 'c', 'd']);
    expect(transactions()).toBe(2);
  });
});

describe('SqliteUnitOfWork on the migrated ledger: the schema guarantee refuses one unit of a group', () => {
  it('a block overlapping one written earlier in the same transaction is refused alone (SERIAL_OVERLAP trigger)', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'registry-write-group-'));
    const dataSource = await openDatabase({ engine: 'sqlite', sqlitePath: join(dir, 'ledger.sqlite') });
    try {
      const uow = createUnitOfWork(dataSource);
      const handle = (dataSource.driver as unknown as { databaseConnection: InstanceType<typeof Database> }).databaseConnection;
      const exec = jest.spyOn(handle, 'exec');
      const block = (id: string, start: bigint, end: bigint): BlockRecord => ({
        id, scheme: 'JCREDIT', namespace: 'JCL-ERL-R1', start, end, attributes: {}, status: 'held', ownerId: null, retirementId: null,
        parentId: null, evidenceRegistry: 'J-Credit registry', evidenceReference: 'r', createdSeq: 1, enteredOn: null, identityDuplicate: false,
      });
      const outcomes = await Promise.allSettled([
        uow.write((stores) => stores.blocks.insert(block('first', 1n, 10n))),
        uow.write((stores) => stores.blocks.insert(block('overlapping', 5n, 15n))),
        uow.write((stores) => stores.blocks.insert(block('beside', 11n, 20n))),
      ]);
      expect(outcomes.map((o) => o.status)).toEqual(['fulfilled', 'rejected', 'fulfilled']);
      expect((outcomes[1] as PromiseRejectedResult).reason).toMatchObject({ code: 'SERIAL_CONFLICT', message: expect.stringContaining('overlap a live block') });
      const stored: { id: string }[] = await dataSource.query(`SELECT id FROM serial_blocks ORDER BY start_serial`);
      expect(stored.map((r) => r.id)).toEqual(['first', 'beside']);
      expect(exec.mock.calls.filter(([statement]) => statement === 'BEGIN IMMEDIATE')).toHaveLength(1);
    } finally {
      await dataSource.destroy();
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
