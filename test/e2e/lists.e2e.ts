import ExcelJS from 'exceljs';
import { parse } from 'csv-parse/sync';
import { CN_DRAFT } from '../support/access-fixtures';
import { assignCertifier } from '../support/claims';
import { binaryBody } from '../support/binary-body';
import { createOrganizationWithKey, startTestApp, type TestApp } from '../support/test-app';

type Org = Awaited<ReturnType<typeof createOrganizationWithKey>>;
const EVIDENCE = { registry: 'J-Credit registry', reference: 'statement 1' };

describe('lists: filters, cursors and exports (API.md "Lists")', () => {
  let t: TestApp;
  let provider: Org;
  let other: Org;
  let applicant: Org;
  let auditor: Org;
  let certifier: Org;
  let claimId: string;

  beforeAll(async () => {
    t = await startTestApp();
    provider = await createOrganizationWithKey(t, ['provider']);
    other = await createOrganizationWithKey(t, ['provider']);
    applicant = await createOrganizationWithKey(t, ['applicant'], { corporateNumber: '7000012050002' });
    auditor = await createOrganizationWithKey(t, ['auditor']);
    certifier = await createOrganizationWithKey(t, ['certifier']);
    claimId = (await t.http.post('/v1/claims').set(applicant.auth).send(CN_DRAFT).expect(201)).body.id;
    await t.http.post(`/v1/claims/${claimId}/providers`).set(applicant.auth).send({ providerId: provider.id }).expect(201);
    await assignCertifier(t, claimId, certifier.id);
    await t.http.post('/v1/holdings').set(provider.auth).send({ serial: 'JCL-ERL-R800-1-1000', evidence: EVIDENCE }).expect(201);
    await t.http.post('/v1/holdings').set(other.auth).send({ serial: 'JCL-ERL-R801-1-100', evidence: EVIDENCE }).expect(201);
    const retire = (org: Org, serial: string, beneficiary: string, extra: Record<string, unknown> = {}) =>
      t.http.post('/v1/retirements').set(org.auth).send({ serials: [serial], beneficiary, purpose: '=SUM(A1)', ...extra }).expect(201);
    for (let i = 0; i < 5; i++) await retire(provider, `JCL-ERL-R800-${i * 10 + 1}-${i * 10 + 10}`, i % 2 ? '株式会社さくら' : 'Example KK');
    await retire(provider, 'JCL-ERL-R800-101-110', '株式会社さくら', { claimId });
    await retire(other, 'JCL-ERL-R801-1-10', '他社');
  });
  afterAll(() => t.close());

  const list = (org: Org | { auth: Record<string, string> }, query: Record<string, string> = {}) => t.http.get('/v1/retirements').set(org.auth).query(query);

  it('a provider lists its own retirements newest first; another provider’s are not in it', async () => {
    const res = await list(provider).expect(200);
    expect(res.body.items).toHaveLength(6);
    expect(res.body.items.map((r: { serials: string[] }) => r.serials[0])).toEqual([
      'JCL-ERL-R800-101-110', 'JCL-ERL-R800-41-50', 'JCL-ERL-R800-31-40', 'JCL-ERL-R800-21-30', 'JCL-ERL-R800-11-20', 'JCL-ERL-R800-1-10',
    ]);
    expect(res.body.nextCursor).toBeUndefined();
  });

  it('filters change the result: beneficiary (part of the name), claimId, scheme, retirement period', async () => {
    expect((await list(provider, { beneficiary: 'さくら' }).expect(200)).body.items).toHaveLength(3);
    expect((await list(provider, { claimId }).expect(200)).body.items.map((r: { claimId: string }) => r.claimId)).toEqual([claimId]);
    expect((await list(provider, { scheme: 'JCREDIT' }).expect(200)).body.items).toHaveLength(6);
    expect((await list(provider, { scheme: 'JVER' }).expect(200)).body.items).toHaveLength(0);
    const today = new Date().toLocaleDateString('sv-SE', { timeZone: 'Asia/Tokyo' });
    expect((await list(provider, { retiredFrom: today, retiredTo: today }).expect(200)).body.items).toHaveLength(6);
    expect((await list(provider, { retiredTo: '2020-01-01' }).expect(200)).body.items).toHaveLength(0);
  });

  it('the applicant sees the retirement backing its claim; an auditor sees all and may filter by organisation', async () => {
    expect((await list(applicant).expect(200)).body.items.map((r: { claimId: string }) => r.claimId)).toEqual([claimId]);
    expect((await list(auditor).expect(200)).body.items).toHaveLength(7);
    expect((await list(auditor, { organizationId: other.id }).expect(200)).body.items).toHaveLength(1);
    expect((await list(provider, { organizationId: other.id }).expect(403)).body.code).toBe('FORBIDDEN');
  });

  it('cursors tile the list: pages of 4 and 2, no item twice, none missing', async () => {
    const first = (await list(auditor, { limit: '4' }).expect(200)).body;
    expect(first.items).toHaveLength(4);
    const second = (await list(auditor, { limit: '4', cursor: first.nextCursor }).expect(200)).body;
    expect(second.items).toHaveLength(3);
    expect(second.nextCursor).toBeUndefined();
    const all = (await list(auditor).expect(200)).body.items.map((r: { id: string }) => r.id);
    expect([...first.items, ...second.items].map((r: { id: string }) => r.id)).toEqual(all);
  });

  it.each([
    [{ colour: 'red' }, 'colour'],
    [{ limit: '0' }, 'limit'],
    [{ limit: '1001' }, 'limit'],
    [{ limit: '2.5' }, 'limit'],
    [{ scheme: 'GOLD' }, 'scheme'],
    [{ retiredFrom: '2025-02-29' }, 'retiredFrom'],
    [{ cursor: 'abc' }, 'cursor'],
    [{ format: 'pdf' }, 'format'],
    [{ lang: 'fr' }, 'lang'],
  ])('refuses %j with 400 naming %s', async (query, field) => {
    const res = await list(provider, query as Record<string, string>).expect(400);
    expect(res.body.code).toBe('VALIDATION_FAILED');
    expect(res.body.errors.map((e: { field: string }) => e.field)).toContain(field);
  });

  it('exports the whole filtered list as CSV with Japanese headers, a BOM and formula cells neutralised', async () => {
    const res = await list(provider, { format: 'csv', lang: 'ja', limit: '2' }).buffer(true).parse(binaryBody).expect(200);
    expect(res.headers['content-type']).toMatch(/^text\/csv/);
    const text = (res.body as Buffer).toString('utf8');
    expect(text.startsWith('\ufeff')).toBe(true);
    const rows: string[][] = parse(text.slice(1));
    expect(rows[0]).toEqual(expect.arrayContaining(['証明書番号', 'クレジット利用者', 'シリアル番号']));
    expect(rows).toHaveLength(3);
    const all = parse((await list(provider).set('Accept', 'text/csv').buffer(true).parse(binaryBody).expect(200)).body.toString('utf8').slice(1), { columns: true });
    expect(all).toHaveLength(6);
    expect(all.map((r: Record<string, string>) => r['Beneficiary'])).toContain('株式会社さくら');
    expect(new Set(all.map((r: Record<string, string>) => r['Purpose']))).toEqual(new Set(["'=SUM(A1)"]));
  });

  it('exports .xlsx that reads back with the same library, Japanese text intact', async () => {
    const res = await list(provider, { format: 'xlsx', lang: 'ja', beneficiary: 'さくら' }).buffer(true).parse(binaryBody).expect(200);
    expect(res.headers['content-type']).toBe('application/vnd.openxmlformats-officedocument.spreadsheetml.sheet');
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load(new Uint8Array(res.body as Buffer).buffer);
    const sheet = workbook.worksheets[0];
    const rows = sheet.getSheetValues().filter(Boolean) as unknown[][];
    expect(rows).toHaveLength(4);
    const header = rows[0].slice(1);
    expect(header).toContain('クレジット利用者');
    const beneficiaryColumn = header.indexOf('クレジット利用者') + 1;
    expect(rows.slice(1).map((row) => row[beneficiaryColumn])).toEqual(['株式会社さくら', '株式会社さくら', '株式会社さくら']);
  });

  describe('claims', () => {
    it('each role sees the claims it works on: applicant, authorised provider, assigned certifier, auditor', async () => {
      for (const who of [applicant, provider, certifier, auditor]) {
        expect((await t.http.get('/v1/claims').set(who.auth).expect(200)).body.items.map((c: { id: string }) => c.id)).toEqual([claimId]);
      }
      expect((await t.http.get('/v1/claims').set(other.auth).expect(200)).body.items).toEqual([]);
    });

    it('filters by type and status, and refuses unknown values and filters', async () => {
      expect((await t.http.get('/v1/claims').set(applicant.auth).query({ type: 'CN', status: 'draft' }).expect(200)).body.items[0]).toMatchObject({
        id: claimId, type: 'CN', status: 'draft', subject: CN_DRAFT.boundary, certifierId: certifier.id,
      });
      expect((await t.http.get('/v1/claims').set(applicant.auth).query({ type: 'CFP' }).expect(200)).body.items).toEqual([]);
      expect((await t.http.get('/v1/claims').set(applicant.auth).query({ status: 'lost' }).expect(400)).body.errors[0].field).toBe('status');
      expect((await t.http.get('/v1/claims').set(applicant.auth).query({ applicantId: applicant.id }).expect(400)).body.errors[0].field).toBe('applicantId');
    });
  });

  describe('cursors tile every list', () => {
    async function walk(path: string, auth: Record<string, string>, limit: string, query: Record<string, string> = {}): Promise<string[][]> {
      const pages: string[][] = [];
      let cursor: string | undefined;
      do {
        const body = (await t.http.get(path).set(auth).query({ ...query, limit, ...(cursor ? { cursor } : {}) }).expect(200)).body as { items: { id: string }[]; nextCursor?: string };
        pages.push(body.items.map((item) => item.id));
        cursor = body.nextCursor;
      } while (cursor && pages.length < 50);
      return pages;
    }

    it.each([
      ['/v1/claims', () => applicant.auth],
      ['/v1/holdings', () => other.auth],
      ['/v1/organizations', () => t.admin],
    ])('%s: pages of 2 give every item once, in the order of the whole list', async (path, auth) => {
      if (path === '/v1/claims') for (let i = 0; i < 3; i++) await t.http.post('/v1/claims').set(applicant.auth).send(CN_DRAFT).expect(201);
      if (path === '/v1/holdings') await t.http.post('/v1/holdings').set(other.auth).send({ serial: 'JCL-ERL-R802-1-10', evidence: EVIDENCE }).expect(201);
      const whole = (await t.http.get(path).set(auth()).query({ limit: '1000' }).expect(200)).body.items.map((item: { id: string }) => item.id);
      expect(whole.length).toBeGreaterThanOrEqual(2);
      const pages = await walk(path, auth(), '2');
      expect(pages.slice(0, -1).every((page) => page.length === 2)).toBe(true);
      expect(pages.flat()).toEqual(whole);
    });
  });

  describe('holdings', () => {
    it('filters by scheme and totals per scheme over the whole list', async () => {
      const res = await t.http.get('/v1/holdings').set(provider.auth).query({ limit: '1' }).expect(200);
      expect(res.body.items).toHaveLength(1);
      expect(res.body.totals).toEqual([{ scheme: 'JCREDIT', blocks: expect.any(Number), quantity: '940' }]);
      expect((await t.http.get('/v1/holdings').set(provider.auth).query({ scheme: 'JVER' }).expect(200)).body).toEqual({ items: [], totals: [] });
    });
  });

  describe('journal entries', () => {
    const entries = (query: Record<string, string>) => t.http.get('/v1/ledger/entries').set(auditor.auth).query(query);

    it('filter by one type or a family, page with the cursor, and refuse what they do not know', async () => {
      const retirements = (await entries({ type: 'retirement.created', limit: '1000' }).expect(200)).body.items as { type: string; seq: number }[];
      expect(retirements).toHaveLength(7);
      expect(new Set(retirements.map((e) => e.type))).toEqual(new Set(['retirement.created']));
      const family = (await entries({ type: 'claim', limit: '1000' }).expect(200)).body.items as { type: string }[];
      expect(family.length).toBeGreaterThan(0);
      expect(family.every((e) => e.type.startsWith('claim.'))).toBe(true);
      const first = (await entries({ type: 'retirement', limit: '4' }).expect(200)).body;
      const rest = (await entries({ type: 'retirement', limit: '4', cursor: first.nextCursor }).expect(200)).body;
      expect([...first.items, ...rest.items].map((e: { seq: number }) => e.seq)).toEqual(retirements.map((e) => e.seq));
      expect((await entries({ type: 'retire' }).expect(200)).body.items).toEqual([]);
      expect((await entries({ type: "x' OR 1=1 --" }).expect(400)).body.errors[0].field).toBe('type');
      expect((await entries({ after: '1', cursor: '2' }).expect(400)).body.errors[0].field).toBe('cursor');
      expect((await entries({ actor: 'admin' }).expect(400)).body.errors[0].field).toBe('actor');
    });
  });

  describe('every list exports', () => {
    it('the organisation directory as CSV with Japanese headers, and the journal as xlsx, both read back', async () => {
      const csv = (await t.http.get('/v1/organizations').query({ format: 'csv', lang: 'ja', role: 'certifier' }).buffer(true).parse(binaryBody).expect(200)).body as Buffer;
      expect(parse(csv.toString('utf8'), { bom: true, columns: true })).toEqual([{ 組織ID: certifier.id, 名称: 'org certifier', 法人番号: '', 役割: 'certifier' }]);
      const xlsx = (await t.http.get('/v1/ledger/entries').set(auditor.auth).query({ format: 'xlsx', type: 'retirement.created' }).buffer(true).parse(binaryBody).expect(200)).body as Buffer;
      const workbook = new ExcelJS.Workbook();
      await workbook.xlsx.load(new Uint8Array(xlsx).buffer);
      const rows = workbook.worksheets[0]!.getSheetValues().filter(Boolean) as unknown[][];
      expect(rows[0]!.slice(1)).toEqual(['Sequence', 'Type', 'Recorded at (UTC)', 'Actor', 'Payload (JSON)', 'Previous hash', 'Hash']);
      expect(rows.slice(1).map((row) => row[2])).toEqual(Array(7).fill('retirement.created'));
      expect(JSON.parse(String(rows[1]![5]))).toMatchObject({ beneficiary: expect.any(String) });
    });
  });

  describe('organisations', () => {
    it('anyone finds providers and certifiers with their corporate numbers; auditors and applicants stay out of the public directory', async () => {
      const res = await t.http.get('/v1/organizations').expect(200);
      const ids = res.body.items.map((o: { id: string }) => o.id);
      expect(ids).toEqual(expect.arrayContaining([provider.id, other.id, certifier.id]));
      expect(ids).not.toContain(auditor.id);
      expect(ids).not.toContain(applicant.id);
      expect((await t.http.get('/v1/organizations').query({ role: 'certifier' }).expect(200)).body.items.map((o: { id: string }) => o.id)).toEqual([certifier.id]);
    });

    it('the admin sees every organisation and may search by name', async () => {
      const all = (await t.http.get('/v1/organizations').set(t.admin).expect(200)).body.items.map((o: { id: string }) => o.id);
      expect(all).toEqual(expect.arrayContaining([auditor.id, applicant.id]));
      expect((await t.http.get('/v1/organizations').set(t.admin).query({ name: 'auditor' }).expect(200)).body.items.map((o: { id: string }) => o.id)).toEqual([auditor.id]);
    });
  });
});
