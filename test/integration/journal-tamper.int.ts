import { execFile } from 'node:child_process';
import { readFileSync, writeFileSync } from 'node:fs';
import { promisify } from 'node:util';
import { assertBuilt, BUILT } from '../support/processes';
import { createOrganizationWithKey, startTestApp } from '../support/test-app';
import { createTestDatabase, withPg } from '../support/test-engine';

const run = promisify(execFile);

/** Entry 1 opens the organisation, entry 2 issues its key; then three retirements, the middle one (entry 4) with a marker we can find. */
async function writeLedger(env: Record<string, string>) {
  const t = await startTestApp(env);
  const provider = await createOrganizationWithKey(t, ['provider']);
  const evidence = { registry: 'J-Credit registry', reference: 'MK-1' };
  for (const [i, beneficiary] of ['first', 'TAMPER-ME-beneficiary', 'third'].entries()) {
    await t.http.post('/v1/retirements').set(provider.auth).send({ serials: [`JCL-ERL-T1-${i * 10 + 1}-${i * 10 + 5}`], beneficiary, purpose: 'p', evidence }).expect(201);
  }
  const entries = await t.http.get('/v1/ledger/entries').set(t.admin);
  await t.close().catch(() => undefined);
  return entries;
}

async function verifyOffline(env: Record<string, string>) {
  try {
    const { stdout } = await run(process.execPath, [BUILT.cli, 'ledger', 'verify'], { env: { PATH: process.env.PATH ?? '', ...env } });
    return { code: 0, result: JSON.parse(stdout) };
  } catch (error) {
    const e = error as { code: number; stdout: string };
    return { code: e.code, result: JSON.parse(e.stdout) };
  }
}

describe('tampering with the journal is detected (ledger verify, offline)', () => {
  beforeAll(() => assertBuilt());

  it('SQLite: one changed byte of one entry in the database file → ok false at that sequence', async () => {
    const database = await createTestDatabase('sqlite');
    try {
      // Keep the file (and its WAL, checkpointed on close) beyond the app's life.
      const env = { ...database.env, DATABASE_URL: '' };
      await writeLedger(env);
      expect(await verifyOffline(env)).toMatchObject({ code: 0, result: { ok: true, checked: 5 } });

      const file = database.env.SQLITE_PATH;
      const bytes = readFileSync(file);
      // Canonical JSON sorts keys, so only the journal entry has certificateNumber right after the beneficiary.
      const marker = Buffer.from('"beneficiary":"TAMPER-ME-beneficiary","certificateNumber"');
      const at = bytes.indexOf(marker);
      expect(at).toBeGreaterThan(0);
      expect(bytes.indexOf(marker, at + 1)).toBe(-1);
      bytes[at + '"beneficiary":"TAMPER-M'.length] = 'X'.charCodeAt(0);
      writeFileSync(file, bytes);

      const { code, result } = await verifyOffline(env);
      expect(code).toBe(3);
      expect(result).toMatchObject({ ok: false, firstBadSequence: 4 });
    } finally {
      await database.drop();
    }
  });

  it('PostgreSQL: an entry edited behind the triggers’ back → ok false at that sequence', async () => {
    const database = await createTestDatabase('postgres');
    try {
      await writeLedger(database.env);
      const url = database.env.DATABASE_URL;
      await withPg(async (c) => {
        await c.query('ALTER TABLE journal_entries DISABLE TRIGGER ALL');
        await c.query(`UPDATE journal_entries SET payload = replace(payload, 'TAMPER-ME', 'TAMPER-MX') WHERE seq = 4`);
      }, url);
      const { code, result } = await verifyOffline(database.env);
      expect(code).toBe(3);
      expect(result).toMatchObject({ ok: false, firstBadSequence: 4 });
    } finally {
      await database.drop();
    }
  });
});
