import Database from 'better-sqlite3';
import { execFile } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { assertBuilt, BUILT, freePort, startProcess, waitForHttp } from '../support/processes';
import { createTestDatabase, uniqueName, withPg, type TestDatabase } from '../support/test-engine';

const execute = promisify(execFile);

interface Outcome {
  code: number;
  stdout: string;
  stderr: string;
}

async function cli(env: Record<string, string>, ...args: string[]): Promise<Outcome> {
  try {
    const { stdout, stderr } = await execute(process.execPath, [BUILT.cli, ...args], { env: { PATH: process.env.PATH ?? '', LOG_LEVEL: 'warn', ...env } });
    return { code: 0, stdout, stderr };
  } catch (error) {
    const e = error as Outcome;
    return { code: e.code, stdout: e.stdout, stderr: e.stderr };
  }
}

interface RestoreReport {
  counts: Record<string, number>;
  verify: { ok: boolean; checked: number; firstBadSequence?: number };
}
const report = (outcome: Outcome): RestoreReport => JSON.parse(outcome.stdout.trim().split('\n').at(-1)!);

async function seed(env: Record<string, string>): Promise<{ retirements: number }> {
  const seeded = await cli(env, 'seed', 'demo', '--json');
  expect(seeded).toMatchObject({ code: 0 });
  return { retirements: JSON.parse(seeded.stdout).retirements.length };
}

const COUNTED = ['organizations', 'serial_blocks', 'retirements', 'certificates', 'claims', 'journal_entries'];

function sqliteCounts(path: string): Record<string, number> {
  const db = new Database(path, { readonly: true });
  try {
    return Object.fromEntries(COUNTED.map((t) => [t, (db.prepare(`SELECT count(*) AS n FROM ${t}`).get() as { n: number }).n]));
  } finally {
    db.close();
  }
}

async function pgCounts(url: string): Promise<Record<string, number>> {
  return withPg(async (c) => {
    const counts: Record<string, number> = {};
    for (const t of COUNTED) counts[t] = Number((await c.query(`SELECT count(*) AS n FROM ${t}`)).rows[0].n);
    return counts;
  }, url);
}

/** A database of its own on the test server, with the same search_path as `like` (pg_restore recreates the schema by name). */
async function freshPgDatabase(like: TestDatabase): Promise<{ env: Record<string, string>; drop(): Promise<void> }> {
  const name = uniqueName('restore');
  await withPg((c) => c.query(`CREATE DATABASE ${name}`));
  const url = new URL(like.env.DATABASE_URL);
  url.pathname = `/${name}`;
  return {
    env: { DATABASE_URL: url.toString() },
    drop: () => withPg((c) => c.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`)).then(() => undefined),
  };
}

describe('backup and restore (CLI), then the tamper check', () => {
  const dir = mkdtempSync(join(tmpdir(), 'registry-backup-'));
  const keys = { CERTIFICATE_KEYS_DIR: join(dir, 'keys') };
  beforeAll(() => assertBuilt());
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it('SQLite: an online copy restores into a fresh file with the same data and a journal that verifies; an altered copy does not', async () => {
    const [source, target, second] = await Promise.all([1, 2, 3].map(() => createTestDatabase('sqlite')));
    try {
      const { retirements } = await seed({ ...source.env, ...keys });
      const file = join(dir, 'registry-backup.sqlite');
      // Online: the API has the ledger open (WAL, its checkpointer) while the copy is taken.
      const port = await freePort();
      const api = startProcess(BUILT.api, { ...source.env, ...keys, PORT: String(port), NODE_ENV: 'test' });
      await waitForHttp(`http://127.0.0.1:${port}/health/ready`, 30_000, api);
      const backup = await cli({ ...source.env, ...keys }, 'backup', file).finally(() => api.stop());
      expect(backup).toMatchObject({ code: 0, stderr: expect.stringContaining('signing keys (CERTIFICATE_KEYS_DIR) are not in this backup') });
      expect(JSON.parse(backup.stdout)).toEqual({ engine: 'sqlite', files: [file, join(dir, 'registry-backup.pdfs.sqlite')] });
      expect(await cli({ ...source.env, ...keys }, 'backup', file)).toMatchObject({ code: 1, stderr: expect.stringContaining('never overwrites') });

      const restored = await cli({ ...target.env, ...keys }, 'restore', file);
      expect(restored).toMatchObject({ code: 0 });
      const { counts, verify } = report(restored);
      expect(counts).toEqual(sqliteCounts(source.env.SQLITE_PATH));
      expect(counts.retirements).toBe(retirements);
      expect(verify).toMatchObject({ ok: true, checked: counts.journal_entries });
      expect(existsSync(join(target.env.SQLITE_PATH, '..', 'registry.pdfs.sqlite'))).toBe(true);
      // The target now holds a ledger: a second restore into it is refused unless forced.
      expect(await cli({ ...target.env, ...keys }, 'restore', file)).toMatchObject({ code: 1, stderr: expect.stringContaining('is not empty') });
      expect(await cli({ ...target.env, ...keys }, 'restore', '--force', file)).toMatchObject({ code: 0 });

      // One journal entry altered in the backup file (behind the append-only triggers' back).
      const altered = new Database(file);
      for (const { name } of altered.prepare(`SELECT name FROM sqlite_master WHERE type = 'trigger' AND tbl_name = 'journal_entries'`).all() as { name: string }[]) {
        altered.exec(`DROP TRIGGER "${name}"`);
      }
      altered.prepare(`UPDATE journal_entries SET payload = replace(payload, '"beneficiary":"', '"beneficiary":"X') WHERE seq = (SELECT min(seq) FROM journal_entries WHERE payload LIKE '%"beneficiary":"%')`).run();
      altered.close();
      const tampered = await cli({ ...second.env, ...keys }, 'restore', file);
      expect(tampered).toMatchObject({ code: 3, stderr: expect.stringContaining('does not verify') });
      expect(report(tampered).verify).toMatchObject({ ok: false, firstBadSequence: expect.any(Number) });
    } finally {
      await Promise.all([source.drop(), target.drop(), second.drop()]);
    }
  }, 180_000);

  it('PostgreSQL: pg_dump custom format restores into a fresh database with the same data and a verifying journal; an altered dump does not', async () => {
    const source = await createTestDatabase('postgres');
    const target = await freshPgDatabase(source);
    const scratch = await freshPgDatabase(source);
    const second = await freshPgDatabase(source);
    try {
      const { retirements } = await seed({ ...source.env, ...keys });
      const file = join(dir, 'registry.dump');
      expect(await cli({ ...source.env, ...keys }, 'backup', file)).toMatchObject({ code: 0 });
      // pg_dump missing: refused with what to install.
      expect(await cli({ ...source.env, ...keys, PATH: dir }, 'backup', join(dir, 'other.dump'))).toMatchObject({
        code: 1,
        stderr: expect.stringContaining('pg_dump was not found on PATH'),
      });

      const restored = await cli({ ...target.env, ...keys }, 'restore', file);
      expect(restored).toMatchObject({ code: 0 });
      const { counts, verify } = report(restored);
      expect(counts).toEqual(await pgCounts(source.env.DATABASE_URL));
      expect(counts.retirements).toBe(retirements);
      expect(verify).toMatchObject({ ok: true, checked: counts.journal_entries });
      expect(await cli({ ...target.env, ...keys }, 'restore', file)).toMatchObject({ code: 1, stderr: expect.stringContaining('is not empty') });

      // An altered dump: restored elsewhere, one entry edited behind the triggers' back, dumped again.
      expect(await cli({ ...scratch.env, ...keys }, 'restore', file)).toMatchObject({ code: 0 });
      await withPg(async (c) => {
        await c.query('ALTER TABLE journal_entries DISABLE TRIGGER ALL');
        await c.query(`UPDATE journal_entries SET payload = replace(payload, '"beneficiary":"', '"beneficiary":"X') WHERE seq = (SELECT min(seq) FROM journal_entries WHERE payload LIKE '%"beneficiary":"%')`);
        await c.query('ALTER TABLE journal_entries ENABLE TRIGGER ALL');
      }, scratch.env.DATABASE_URL);
      const alteredFile = join(dir, 'altered.dump');
      expect(await cli({ ...scratch.env, ...keys }, 'backup', alteredFile)).toMatchObject({ code: 0 });
      const tampered = await cli({ ...second.env, ...keys }, 'restore', alteredFile);
      expect(tampered).toMatchObject({ code: 3, stderr: expect.stringContaining('does not verify') });
      expect(report(tampered).verify).toMatchObject({ ok: false, firstBadSequence: expect.any(Number) });
    } finally {
      await Promise.all([source.drop(), target.drop(), scratch.drop(), second.drop()]);
    }
  }, 300_000);
});
