import Database from 'better-sqlite3';
import { mkdtempSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { nextCheckpointDelay, SqliteCheckpointer } from './sqlite-checkpointer';

describe('SqliteCheckpointer', () => {
  let dir: string;
  let db: InstanceType<typeof Database>;
  beforeEach(() => {
    dir = mkdtempSync(join(tmpdir(), 'registry-checkpoint-'));
    db = new Database(join(dir, 'ledger.sqlite'));
    db.pragma('journal_mode = WAL');
    db.pragma('wal_autocheckpoint = 0'); // only the background thread checkpoints here
    db.exec(`CREATE TABLE t (id integer PRIMARY KEY, payload blob NOT NULL)`);
  });
  afterEach(() => {
    db.close();
    rmSync(dir, { recursive: true, force: true });
  });

  const writeMiB = (mib: number) => {
    const insert = db.prepare(`INSERT INTO t (payload) VALUES (?)`);
    for (let i = 0; i < mib * 16; i++) insert.run(Buffer.alloc(64 * 1024, i));
  };

  it('copies the WAL into the database from its own thread, so the WAL restarts small instead of growing', async () => {
    const errors: string[] = [];
    const checkpointer = new SqliteCheckpointer(join(dir, 'ledger.sqlite'), (m) => errors.push(m));
    try {
      for (let round = 0; round < 5; round++) {
        writeMiB(4);
        await new Promise((r) => setTimeout(r, 300));
      }
      const walBytes = statSync(join(dir, 'ledger.sqlite-wal')).size;
      // 20 MiB written; without checkpoints the WAL would hold all of it.
      expect(walBytes).toBeLessThan(12 * 1024 * 1024);
      const db2 = new Database(join(dir, 'ledger.sqlite'), { readonly: true });
      expect(db2.prepare(`SELECT COUNT(*) AS n FROM t`).get()).toEqual({ n: 5 * 4 * 16 });
      db2.close();
      expect(errors).toEqual([]);
    } finally {
      await checkpointer.stop();
    }
  }, 30_000); // a worker thread on a loaded 2-core machine can take seconds to start

  it('idles once the WAL is in the database: it polls every 50 ms, it does not check again at once', async () => {
    const errors: string[] = [];
    const checkpointer = new SqliteCheckpointer(join(dir, 'ledger.sqlite'), (m) => errors.push(m));
    try {
      writeMiB(1);
      await new Promise((r) => setTimeout(r, 500)); // the thread starts and copies the write
      // Passes, not CPU: the process's CPU also counts jest's and the collector's threads, and a loaded
      // machine made an idle second measure 62 ms. Checking again at once after each pass made ~1,000
      // passes a second on an idle ledger (8 % of a core); polling makes ≤ 20, fewer when starved.
      const before = await checkpointer.passes();
      await new Promise((r) => setTimeout(r, 1000));
      const during = (await checkpointer.passes()) - before;
      expect(during).toBeLessThanOrEqual(25);
      expect(errors).toEqual([]);
    } finally {
      await checkpointer.stop();
    }
  }, 30_000);

  it('answers how many passes it made only while its thread runs: after stop() the question fails, it does not hang', async () => {
    const checkpointer = new SqliteCheckpointer(join(dir, 'ledger.sqlite'), () => undefined);
    expect(await checkpointer.passes()).toBeGreaterThanOrEqual(0);
    const asked = checkpointer.passes();
    await checkpointer.stop();
    await expect(Promise.race([asked.then(() => 'answered', () => 'refused'), new Promise((r) => setTimeout(() => r('hung'), 2000))])).resolves.toMatch(/answered|refused/);
    await expect(checkpointer.passes()).rejects.toThrow('the checkpoint thread has stopped');
  }, 30_000);

  it('checks again at once only after a pass that found the WAL changed', () => {
    const idle = 50;
    expect(nextCheckpointDelay({ log: 0, checkpointed: 0 }, { log: 0, checkpointed: 0 }, idle)).toBe(idle); // an empty WAL, as the thread starts
    expect(nextCheckpointDelay({ log: 10, checkpointed: 10 }, { log: 10, checkpointed: 10 }, idle)).toBe(idle); // nothing new
    expect(nextCheckpointDelay({ log: 10, checkpointed: 10 }, { log: 25, checkpointed: 25 }, idle)).toBe(0); // writers appended, copied
    expect(nextCheckpointDelay({ log: 25, checkpointed: 25 }, { log: 4, checkpointed: 4 }, idle)).toBe(0); // the WAL restarted
    expect(nextCheckpointDelay({ log: 10, checkpointed: 10 }, { log: 30, checkpointed: 0 }, idle)).toBe(idle); // a reader held every frame back
    expect(nextCheckpointDelay({ log: 10, checkpointed: 10 }, null, idle)).toBe(idle); // the pass failed
  });

  it('stops promptly, and no longer checkpoints once stopped', async () => {
    const checkpointer = new SqliteCheckpointer(join(dir, 'ledger.sqlite'), () => {});
    writeMiB(2);
    await new Promise((r) => setTimeout(r, 300));
    const started = Date.now();
    await checkpointer.stop();
    expect(Date.now() - started).toBeLessThan(1500);
    writeMiB(2); // the WAL restarts after the thread's last full checkpoint, then only grows
    writeMiB(4);
    await new Promise((r) => setTimeout(r, 300));
    expect(statSync(join(dir, 'ledger.sqlite-wal')).size).toBeGreaterThan(6 * 1024 * 1024);
  }, 30_000); // as above: the worker thread may take seconds to start on a loaded machine
});
