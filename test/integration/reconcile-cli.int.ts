import { execFile } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { promisify } from 'node:util';
import { assertBuilt, BUILT, REPO_ROOT } from '../support/processes';
import { createTestDatabase, type TestDatabase } from '../support/test-engine';
import { registryExportsDir } from '../support/registry-exports-dir';
import { createOrganizationWithKey, startTestApp, type TestApp } from '../support/test-app';

const run = promisify(execFile);
const EXPORTS_DIR = registryExportsDir() ?? resolve(REPO_ROOT, '..', 'shared', 'fixtures', 'registry-exports');
const FIXTURES = [
  'american-carbon-registry/retirements.csv',
  'american-carbon-registry/cancellations.csv',
  'art-trees/retirements.csv',
  'art-trees/cancellations.csv',
  'climate-action-reserve/retirements.csv',
  'climate-action-reserve/cancellations.csv',
  'gold-standard/retirements.csv',
  'gold-standard/issuances.csv',
  'verra/transactions.csv',
  'cercarbono/retirements.csv',
  'cercarbono/issuances.csv',
];

describe('npm run cli -- reconcile', () => {
  let database: TestDatabase;
  let t: TestApp;
  let env: Record<string, string>;
  const dir = mkdtempSync(join(tmpdir(), 'reconcile-cli-'));

  async function reconcile(args: string[]): Promise<{ code: number; summary: Record<string, unknown>; stderr: string }> {
    try {
      const { stdout, stderr } = await run(process.execPath, [BUILT.cli, 'reconcile', ...args], { env });
      return { code: 0, summary: JSON.parse(stdout), stderr };
    } catch (error) {
      const e = error as { code: number; stdout: string; stderr: string };
      return { code: e.code, summary: e.stdout ? JSON.parse(e.stdout) : {}, stderr: e.stderr };
    }
  }

  beforeAll(async () => {
    assertBuilt();
    database = await createTestDatabase();
    t = await startTestApp({}, { database });
    env = { PATH: process.env.PATH ?? '', LOG_LEVEL: 'warn', CERTIFICATE_KEYS_DIR: join(dir, 'keys'), ...database.env };
    const provider = await createOrganizationWithKey(t, ['provider']);
    // Held here, retired in Verra's export: the case (rows shown retired there accepted here as held).
    const verra = readFileSync(join(EXPORTS_DIR, 'verra', 'transactions.csv'), 'utf8');
    const retiredThere = verra.split('\n').map((line) => line.split(',')).find((cells) => /^\d{4}-\d{2}-\d{2}$/.test(cells[cells.length - 4] ?? ''));
    const serial = retiredThere?.find((cell) => /-VCS-VCU-|-VCU-/.test(cell));
    await t.http.post('/v1/holdings').set(provider.auth).send({ serial, evidence: { registry: 'Verra Registry', reference: 'statement 7' } }).expect(201);
  }, 60_000);
  afterAll(async () => {
    await t.close();
    await database.drop();
  });

  it('alerts (exit code 3) on a Verra range retired there but held here, and writes the report with a BOM', async () => {
    const report = join(dir, 'verra.csv');
    const result = await reconcile([join(EXPORTS_DIR, 'verra', 'transactions.csv'), '--format', 'verra', '--report', report]);
    expect(result.code).toBe(3);
    expect(result.summary).toMatchObject({ format: 'verra', layout: 'transactions', rows: 200, matched: 0, alertCount: 1, unreadable: 0 });
    const text = readFileSync(report, 'utf8');
    expect(text.startsWith('\ufeffoutcome,row,serial')).toBe(true);
    expect(text).toContain('retired_in_registry_held_here');
    const stored = await t.http.get(`/v1/reconciliations/${result.summary.id}`).set((await createOrganizationWithKey(t, ['auditor'])).auth).expect(200);
    expect(stored.body).toMatchObject({ status: 'done', alertCount: 1, alerts: [{ kind: 'retired_in_registry_held_here' }] });
  }, 60_000);

  const itWithFixtures = existsSync(EXPORTS_DIR) ? it.each(FIXTURES) : it.skip.each(FIXTURES);
  itWithFixtures('reconciles %s without an unreadable row', async (file) => {
    const result = await reconcile([join(EXPORTS_DIR, file)]);
    expect(result.stderr).toBe('');
    expect([0, 3]).toContain(result.code);
    expect(result.summary).toMatchObject({ unreadable: 0 });
    expect(result.summary['rows']).toBeGreaterThan(0);
  }, 60_000);

  it('refuses a file no format reads, naming the problem (exit code 1)', async () => {
    const file = join(dir, 'odd.csv');
    writeFileSync(file, 'a,b\n1,2\n');
    const result = await reconcile([file]);
    expect(result.code).toBe(1);
    expect(result.stderr).toMatch(/VALIDATION_FAILED: the header matches no known export format/);
  }, 60_000);

  it('says in one line which file it cannot open, before any work (exit code 1)', async () => {
    const auditor = await createOrganizationWithKey(t, ['auditor']);
    const before = (await t.http.get('/v1/ledger/entries?type=reconciliation.completed&limit=1000').set(auditor.auth).expect(200)).body.items.length;
    const missing = await reconcile([join(dir, 'no-such-export.csv')]);
    expect(missing).toMatchObject({ code: 1, stderr: `export ${join(dir, 'no-such-export.csv')}: no such file or directory\n` });
    const verra = join(EXPORTS_DIR, 'verra', 'transactions.csv');
    const unwritable = await reconcile([verra, '--report', join(dir, 'no-such-folder', 'report.csv')]);
    expect(unwritable).toMatchObject({ code: 1, stderr: `--report ${join(dir, 'no-such-folder', 'report.csv')}: no such file or directory\n` });
    const charset = await reconcile([verra, '--charset', 'klingon']);
    expect(charset).toMatchObject({ code: 1, stderr: expect.stringContaining('charset klingon is not known') });
    const folder = await reconcile([dir]);
    expect(folder).toMatchObject({ code: 1, stderr: `export ${dir}: is a directory\n` });
    // Refused before the reconciliation started: none was run or journaled.
    expect((await t.http.get('/v1/ledger/entries?type=reconciliation.completed&limit=1000').set(auditor.auth).expect(200)).body.items).toHaveLength(before);
  }, 60_000);
});
