import { parse } from 'csv-parse/sync';
import ExcelJS from 'exceljs';
import { execFile } from 'node:child_process';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { certifiedClaim } from '../support/claims';
import { assertBuilt, BUILT } from '../support/processes';
import { createOrganizationWithKey, startTestApp, type TestApp } from '../support/test-app';
import { createTestDatabase } from '../support/test-engine';

const run = promisify(execFile);

describe('npm run cli -- export (the API lists as files, same filters)', () => {
  let t: TestApp;
  let database: Awaited<ReturnType<typeof createTestDatabase>>;
  let env: Record<string, string>;
  let providerId: string;
  const dir = mkdtempSync(join(tmpdir(), 'cli-export-'));

  beforeAll(async () => {
    assertBuilt();
    database = await createTestDatabase();
    t = await startTestApp({ CERTIFICATE_KEYS_DIR: join(dir, 'keys') }, { database });
    env = { PATH: process.env.PATH ?? '', ...database.env, CERTIFICATE_KEYS_DIR: join(dir, 'keys') };
    const provider = await createOrganizationWithKey(t, ['provider']);
    providerId = provider.id;
    await t.http.post('/v1/holdings').set(provider.auth).send({ serial: 'JCL-ERL-R850-1-100', evidence: { registry: 'J-Credit registry', reference: 's1' } }).expect(201);
    for (const [serial, beneficiary] of [['JCL-ERL-R850-1-10', '株式会社さくら'], ['JCL-ERL-R850-11-20', '+cmd|calc']]) {
      await t.http.post('/v1/retirements').set(provider.auth).send({ serials: [serial], beneficiary, purpose: 'オフセット' }).expect(201);
    }
    const applicant = await createOrganizationWithKey(t, ['applicant', 'provider'], { name: '文具株式会社' });
    const certifier = await createOrganizationWithKey(t, ['certifier']);
    const pens = { type: 'CFP', product: { name: 'ボールペン', cfpVerificationNumber: 'CV-7' }, cfpPerUnitKg: '2.5', quantity: '400', period: { start: '2024-04-01', end: '2025-03-31' } };
    certificationNumber = (await certifiedClaim(t, applicant, certifier, pens, 1)).body.certificationNumber as string;
  }, 60_000);
  let certificationNumber: string;
  afterAll(async () => {
    await t.close();
    await database.drop();
  });

  it('writes retirements as CSV to standard output with Japanese headers, filtered like the API', async () => {
    const { stdout } = await run(process.execPath, [BUILT.cli, 'export', 'retirements', '--lang', 'ja', '--beneficiary', 'さくら'], { env });
    expect(stdout.startsWith('\ufeff')).toBe(true);
    const rows: Record<string, string>[] = parse(stdout.slice(1), { columns: true });
    expect(rows).toEqual([expect.objectContaining({ クレジット利用者: '株式会社さくら', シリアル番号: 'JCL-ERL-R850-1-10', 数量: '10' })]);
    const all: Record<string, string>[] = parse((await run(process.execPath, [BUILT.cli, 'export', 'retirements', '--org', providerId], { env })).stdout.slice(1), { columns: true });
    expect(all.map((r) => r['Beneficiary']).sort()).toEqual(["'+cmd|calc", '株式会社さくら']);
  }, 60_000);

  it('writes holdings as xlsx to a file that reads back', async () => {
    const file = join(dir, 'holdings.xlsx');
    await run(process.execPath, [BUILT.cli, 'export', 'holdings', '--org', providerId, '--format', 'xlsx', '--out', file], { env });
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.readFile(file);
    const rows = workbook.worksheets[0].getSheetValues().filter(Boolean) as unknown[][];
    expect(rows[0].slice(1)).toEqual(['Block id', 'Scheme', 'Serial numbers', 'First serial', 'Last serial', 'Quantity']);
    expect(rows.slice(1).map((row) => row[3])).toEqual(['JCL-ERL-R850-21-100']);
  }, 60_000);

  it('refuses a bad filter with a message naming it', async () => {
    const failed = await run(process.execPath, [BUILT.cli, 'export', 'retirements', '--retired-from', '2025-02-30'], { env }).catch((e: { code: number; stderr: string }) => e);
    expect(failed).toMatchObject({ code: 1, stderr: expect.stringContaining('--retired-from must be a date') });
  }, 60_000);

  it('writes the public register with the API’s filters, one row per credit, Japanese headers', async () => {
    const { stdout } = await run(process.execPath, [BUILT.cli, 'export', 'register', '--lang', 'ja', '--type', 'CFP', '--q', 'ボールペン'], { env });
    const rows: Record<string, string>[] = parse(stdout.slice(1), { columns: true });
    expect(rows).toEqual([expect.objectContaining({ 認証番号: certificationNumber, 認証取得者: '文具株式会社', '活動の境界・製品': 'ボールペン', 数量: '1' })]);
    const none: Record<string, string>[] = parse((await run(process.execPath, [BUILT.cli, 'export', 'register', '--type', 'CN'], { env })).stdout.slice(1), { columns: true });
    expect(none).toEqual([]);
  }, 60_000);
});
