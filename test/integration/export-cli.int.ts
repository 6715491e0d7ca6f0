import { parse } from 'csv-parse/sync';
import ExcelJS from 'exceljs';
import { execFile } from 'node:child_process';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
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
  }, 60_000);
  afterAll(async () => {
    await t.close();
    await database.drop();
  });

  it('writes retirements as CSV to standard output with Japanese headers, filtered like the API', async () => {
    const { stdout } = await run(process.execPath, [BUILT.cli, 'export', 'retirements', '--lang', 'ja', '--beneficiary', 'さくら'], { env });
    expect(stdout.startsWith('\ufeff')).toBe(true);
    const rows: Record<string, string>[] = parse(stdout.slice(1), { columns: true });
    expect(rows).toEqual([expect.objectContaining({ クレジット利用者: '株式会社さくら', シリアル番号: 'JCL-ERL-R850-1-10', 数量: '10' })]);
    const all: Record<string, string>[] = parse((await run(process.execPath, [BUILT.cli, 'export', 'retirements'], { env })).stdout.slice(1), { columns: true });
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
});
