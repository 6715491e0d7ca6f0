import { parse } from 'csv-parse/sync';
import ExcelJS from 'exceljs';
import { CN_DRAFT } from '../support/access-fixtures';
import { certifiedClaim } from '../support/claims';
import { binaryBody } from '../support/binary-body';
import { createOrganizationWithKey, startTestApp, type TestApp } from '../support/test-app';

describe('the public register: filters and exports (issue 15)', () => {
  let t: TestApp;
  let cn: string;
  let cfp: string;
  beforeAll(async () => {
    t = await startTestApp();
    const certifier = await createOrganizationWithKey(t, ['certifier']);
    const sakura = await createOrganizationWithKey(t, ['applicant', 'provider'], { name: '株式会社さくら' });
    const pens = await createOrganizationWithKey(t, ['applicant', 'provider'], { name: '文具株式会社' });
    cn = (await certifiedClaim(t, sakura, certifier, CN_DRAFT, 2001)).body.certificationNumber as string;
    const product = { type: 'CFP', product: { name: 'ボールペン', cfpVerificationNumber: 'CV-9' }, cfpPerUnitKg: '2.5', quantity: '400', period: { start: '2024-04-01', end: '2025-03-31' } };
    cfp = (await certifiedClaim(t, pens, certifier, product, 1)).body.certificationNumber as string;
  });
  afterAll(() => t.close());

  const numbers = async (query: Record<string, string>) =>
    ((await t.http.get('/v1/register').query(query).expect(200)).body.items as { certificationNumber: string }[]).map((e) => e.certificationNumber).sort();

  it('filters by type, status, certification date and free text (holder, product, boundary)', async () => {
    expect(await numbers({})).toEqual([cn, cfp].sort());
    expect(await numbers({ type: 'CFP' })).toEqual([cfp]);
    expect(await numbers({ status: 'revoked' })).toEqual([]);
    expect(await numbers({ q: 'さくら' })).toEqual([cn]);
    expect(await numbers({ q: 'ボールペン' })).toEqual([cfp]);
    expect(await numbers({ q: String(CN_DRAFT.boundary).slice(0, 4) })).toEqual([cn]);
    expect(await numbers({ certifiedTo: '2020-01-01' })).toEqual([]);
  });

  it('filters by applicant, product, beneficiary and the claim period, with the text search and each other', async () => {
    expect(await numbers({ applicant: 'さくら' })).toEqual([cn]);
    expect(await numbers({ applicant: '文具' })).toEqual([cfp]);
    expect(await numbers({ product: 'ボールペン' })).toEqual([cfp]);
    expect(await numbers({ product: 'さくら' })).toEqual([]);
    expect(await numbers({ beneficiary: 'own' })).toEqual([cn, cfp].sort()); // test/support/claims retires for 'own'
    expect(await numbers({ beneficiary: 'someone else' })).toEqual([]);
    expect(await numbers({ beneficiary: 'own', type: 'CFP' })).toEqual([cfp]);
    // Both periods are 2024-04-01 – 2025-03-31 (CN: targetPeriod, CFP: period): overlapping finds them, beside it does not.
    expect(await numbers({ periodFrom: '2025-03-31', periodTo: '2025-12-31' })).toEqual([cn, cfp].sort());
    expect(await numbers({ periodFrom: '2025-04-01' })).toEqual([]);
    expect(await numbers({ periodTo: '2024-03-31' })).toEqual([]);
    expect(await numbers({ periodTo: '2024-04-01', type: 'CN' })).toEqual([cn]);
    expect(await numbers({ q: 'ボールペン', applicant: 'さくら' })).toEqual([]);
    expect(await numbers({ q: 'ボールペン', applicant: '文具' })).toEqual([cfp]);
  });

  it.each([
    [{ periodFrom: '2025-02-30' }, 'periodFrom'],
    [{ periodTo: 'soon' }, 'periodTo'],
    [{ applicant: 'x'.repeat(201) }, 'applicant'],
    [{ beneficiary: 'a\u0007b' }, 'beneficiary'],
    [{ status: 'draft' }, 'status'],
    [{ certifiedFrom: '2026-13-01' }, 'certifiedFrom'],
    [{ holder: 'x' }, 'holder'],
  ])('refuses %j naming %s', async (query, field) => {
    const res = await t.http.get('/v1/register').query(query).expect(400);
    expect(res.body.errors.map((e: { field: string }) => e.field)).toContain(field);
  });

  it('exports flattened columns (no JSON cell) with Japanese headers, as CSV and xlsx', async () => {
    const csv = (await t.http.get('/v1/register').query({ format: 'csv', lang: 'ja', type: 'CN' }).buffer(true).parse(binaryBody).expect(200)).body as Buffer;
    const rows = parse(csv.toString('utf8'), { bom: true, columns: true }) as Record<string, string>[];
    expect(rows).toHaveLength(1);
    expect(rows[0]).toMatchObject({ 認証番号: cn, 認証取得者: '株式会社さくら', 数量: '2001', 検証済み: 'yes' });
    for (const cell of Object.values(rows[0]!)) expect(cell.startsWith('{')).toBe(false);
    const xlsx = (await t.http.get('/v1/register').query({ format: 'xlsx', q: 'ボールペン' }).buffer(true).parse(binaryBody).expect(200)).body as Buffer;
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load(new Uint8Array(xlsx).buffer);
    const values = workbook.worksheets[0]!.getSheetValues().filter(Boolean) as unknown[][];
    expect(values).toHaveLength(2);
    const header = values[0]!.slice(1);
    expect(values[1]![header.indexOf('Boundary or product') + 1]).toBe('ボールペン');
  });
});
