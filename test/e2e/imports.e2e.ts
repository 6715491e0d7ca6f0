import { Workbook } from 'exceljs';
import iconv from 'iconv-lite';
import { Readable } from 'node:stream';
import { CreateHoldingsImportUseCase, RunHoldingsImportUseCase, SweepImportsUseCase, UnitOfWork } from '@registry/ledger';
import { createOrganizationWithKey, eventually, startTestApp, type TestApp } from '../support/test-app';

type Org = Awaited<ReturnType<typeof createOrganizationWithKey>>;

const HEADER = 'serial,scheme,registry,reference';
const XLSX = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';

async function xlsxOf(rows: unknown[][]): Promise<Buffer> {
  const workbook = new Workbook();
  const sheet = workbook.addWorksheet('holdings');
  for (const row of rows) sheet.addRow(row);
  return Buffer.from(await workbook.xlsx.writeBuffer());
}
const row = (serial: string, reference = 'statement 2026-04', scheme = '') => `${serial},${scheme},J-Credit registry,${reference}`;

/** Holdings statements in (issue 14; API.md "Imports"): POST /v1/imports, the job, the report. */
describe('imports: holdings statements over HTTP', () => {
  let t: TestApp;
  let provider: Org;
  let other: Org;
  let auditor: Org;
  let n = 0;
  /** A fresh J-Credit certification number per test, so tests do not share serials. */
  const cert = () => `IMP${++n}`;

  beforeAll(async () => {
    t = await startTestApp();
    provider = await createOrganizationWithKey(t, ['provider']);
    other = await createOrganizationWithKey(t, ['provider']);
    auditor = await createOrganizationWithKey(t, ['auditor']);
  });
  afterAll(() => t.close());

  const post = (org: Org, csv: string, query: Record<string, string> = { kind: 'holdings' }) =>
    t.http.post('/v1/imports').query(query).set(org.auth).set('Content-Type', 'text/csv').send(csv);
  const finished = (org: Org, id: string) =>
    eventually(async () => {
      const res = await t.http.get(`/v1/imports/${id}`).set(org.auth).expect(200);
      return ['done', 'failed'].includes(res.body.status) ? res.body : undefined;
    }, 120_000);
  const importCsv = async (org: Org, csv: string, query?: Record<string, string>) => {
    const res = await post(org, csv, query).expect(202);
    expect(res.body).toEqual({ id: expect.any(String), status: 'queued' });
    return finished(org, res.body.id);
  };
  const head = async () => (await t.http.get('/v1/ledger/head').set(auditor.auth).expect(200)).body;
  /** The types of the journal entries written since `before` (the head at that time). */
  const typesSince = async (before: { sequence: number }) =>
    ((await t.http.get('/v1/ledger/entries').set(auditor.auth).query({ after: String(before.sequence), limit: '1000' }).expect(200)).body.items as { type: string }[]).map((e) => e.type);

  it('registers every row of the registry format, refuses the others with the field named, and the journal verifies', async () => {
    const c = cert();
    await t.http.post('/v1/holdings').set(other.auth).send({ serial: `JCL-ERL-${c}-901-1000`, evidence: { registry: 'J-Credit registry', reference: 'x' } }).expect(201);
    const csv = [
      HEADER,
      row(`JCL-ERL-${c}-1-100`),
      row(`JCL-ERL-${c}-101-200`, 'statement 2026-05', 'JCREDIT'),
      row('not a serial'),
      row(`JCL-ERL-${c}-201-300`, ''),
      row(`JCL-ERL-${c}-950-960`),
      row(`JCL-ERL-${c}-50-60`),
      row(`JCL-ERL-${c}-301-400`, 'statement 2026-04', 'NOPE'),
    ].join('\n');
    const result = await importCsv(provider, csv);
    expect(result).toMatchObject({ kind: 'holdings', status: 'done', format: 'registry', total: 7, accepted: 2, skipped: 0, refused: 5 });
    expect(result.refusedRows.map((r: { row: number; code: string }) => [r.row, r.code])).toEqual([
      [3, 'INVALID_SERIAL'],
      [4, 'EVIDENCE_REQUIRED'],
      [5, 'SERIAL_CONFLICT'],
      [6, 'SERIAL_CONFLICT'],
      [7, 'UNKNOWN_SCHEME'],
    ]);
    expect(result.refusedRows[1].message).toMatch(/^reference: /);
    expect(result.refusedRows[2]).toMatchObject({ serial: `JCL-ERL-${c}-950-960`, message: expect.stringMatching(/^serial: .*another organisation/) });
    expect(result.refusedRows[4].message).toMatch(/^scheme: /);
    const holdings = await t.http.get('/v1/holdings').set(provider.auth).query({ limit: 1000 }).expect(200);
    const mine = holdings.body.items.filter((h: { serial: string }) => h.serial.includes(`-${c}-`)).map((h: { start: string; end: string }) => `${h.start}-${h.end}`);
    expect(mine.sort()).toEqual(['1-100', '101-200']);
    expect((await t.http.get('/v1/ledger/verify').set(auditor.auth).expect(200)).body.ok).toBe(true);
  });

  it('importing the same file twice changes nothing the second time: every row is skipped, the journal records only that the import finished', async () => {
    const c = cert();
    const csv = [HEADER, ...Array.from({ length: 50 }, (_, i) => row(`JCL-ERL-${c}-${i * 10 + 1}-${i * 10 + 10}`))].join('\n');
    const first = await importCsv(provider, csv);
    expect(first).toMatchObject({ status: 'done', total: 50, accepted: 50, skipped: 0, refused: 0 });
    const before = await head();
    const second = await importCsv(provider, csv);
    expect(second).toMatchObject({ status: 'done', total: 50, accepted: 0, skipped: 50, refused: 0 });
    expect(await typesSince(before)).toEqual(['import.finished']);
  });

  it('decides rows in file order within each namespace, whatever order the batch inserts namespaces in', async () => {
    const [first, second] = [cert(), cert()]; // the batch writes `first`'s namespace before `second`'s
    const result = await importCsv(provider, [
      HEADER,
      row(`JCL-ERL-${second}-1-100`),
      row(`JCL-ERL-${first}-50-60`),
      row(`JCL-ERL-${second}-50-150`),
      row(`JCL-ERL-${first}-1-100`),
      row(`JCL-ERL-${first}-50-60`),
    ].join('\n'));
    expect(result).toMatchObject({ status: 'done', total: 5, accepted: 2, skipped: 1, refused: 2 });
    expect(result.refusedRows.map((r: { row: number; code: string; message: string }) => [r.row, r.code, r.message])).toEqual([
      [3, 'SERIAL_CONFLICT', 'serial: overlaps serials 1-100, which you hold as another block or under other evidence'],
      [4, 'SERIAL_CONFLICT', 'serial: overlaps serials 50-60, which you hold as another block or under other evidence'],
    ]);
  });

  it('a row already held under other evidence, or by another organisation, is refused, never a second holding', async () => {
    const c = cert();
    await importCsv(provider, [HEADER, row(`JCL-ERL-${c}-1-10`, 'statement A')].join('\n'));
    const again = await importCsv(provider, [HEADER, row(`JCL-ERL-${c}-1-10`, 'statement B')].join('\n'));
    expect(again).toMatchObject({ accepted: 0, skipped: 0, refused: 1, refusedRows: [{ row: 1, code: 'SERIAL_CONFLICT' }] });
    const theirs = await importCsv(other, [HEADER, row(`JCL-ERL-${c}-1-10`, 'statement A')].join('\n'));
    expect(theirs).toMatchObject({ accepted: 0, skipped: 0, refused: 1, refusedRows: [{ code: 'SERIAL_CONFLICT', message: expect.stringContaining('another organisation') }] });
  });

  it('refuses rows overlapping retired serials with SERIAL_CONFLICT', async () => {
    const c = cert();
    await t.http.post('/v1/holdings').set(other.auth).send({ serial: `JCL-ERL-${c}-1-100`, evidence: { registry: 'J-Credit registry', reference: 'x' } }).expect(201);
    await t.http.post('/v1/retirements').set(other.auth).send({ serials: [`JCL-ERL-${c}-1-100`], beneficiary: 'b', purpose: 'p' }).expect(201);
    const result = await importCsv(provider, [HEADER, row(`JCL-ERL-${c}-1-100`)].join('\n'));
    expect(result).toMatchObject({ accepted: 0, refused: 1, refusedRows: [{ code: 'SERIAL_CONFLICT', message: expect.stringContaining('already retired') }] });
  });

  it('a dry run reports what would happen and registers nothing', async () => {
    const c = cert();
    const before = await head();
    const result = await importCsv(provider, [HEADER, row(`JCL-ERL-${c}-1-10`), row('bad')].join('\n'), { kind: 'holdings', dryRun: 'true' });
    expect(result).toMatchObject({ status: 'done', dryRun: true, total: 2, accepted: 1, refused: 1 });
    expect(await typesSince(before)).toEqual(['import.finished']);
    const status = await t.http.get('/v1/serials/status').query({ serial: `JCL-ERL-${c}-1-10` }).expect(200);
    expect(JSON.stringify(status.body)).not.toContain('"held"');
  });

  it('GET /v1/imports/{id}/refused.csv lists every refused row: UTF-8 BOM, formula cells neutralised', async () => {
    const result = await importCsv(provider, [HEADER, row('=HYPERLINK("http://x")'), row('@SUM(1)'), row('+1')].join('\n'));
    expect(result.refused).toBe(3);
    const res = await t.http.get(`/v1/imports/${result.id}/refused.csv`).set(provider.auth).buffer(true).parse((r, done) => {
      const chunks: Buffer[] = [];
      r.on('data', (d: Buffer) => chunks.push(d));
      r.on('end', () => done(null, Buffer.concat(chunks).toString('utf8')));
    }).expect(200);
    expect(res.headers['content-type']).toMatch(/^text\/csv/);
    const text = res.body as string;
    expect(text.startsWith('\ufeffrow,serial,code,message\n')).toBe(true);
    const lines = text.trim().split('\n');
    expect(lines).toHaveLength(4);
    expect(lines[1]).toMatch(/^1,"'=HYPERLINK\(""http:\/\/x""\)",INVALID_SERIAL,/);
    expect(lines[2]).toMatch(/^2,'@SUM\(1\),/);
  });

  it("another organisation's import is 404, the view and the CSV alike", async () => {
    const result = await importCsv(provider, [HEADER, row(`JCL-ERL-${cert()}-1-10`)].join('\n'));
    await t.http.get(`/v1/imports/${result.id}`).set(other.auth).expect(404);
    await t.http.get(`/v1/imports/${result.id}/refused.csv`).set(other.auth).expect(404);
  });

  it('a header no format knows fails the import, naming the header', async () => {
    const result = await importCsv(provider, 'a,b,c\n1,2,3\n');
    expect(result).toMatchObject({ status: 'failed', total: 0, error: expect.stringMatching(/^header: no known statement format/) });
  });

  it('refuses bad requests with 400 naming the field: kind, format, dryRun, Content-Type, unknown parameters', async () => {
    const csv = [HEADER, row('JCL-ERL-X1-1-10')].join('\n');
    expect((await post(provider, csv, {}).expect(400)).body).toMatchObject({ code: 'VALIDATION_FAILED', errors: [{ field: 'kind' }] });
    expect((await post(provider, csv, { kind: 'holdings', format: 'nope' }).expect(400)).body).toMatchObject({ errors: [{ field: 'format' }] });
    expect((await post(provider, csv, { kind: 'holdings', dryRun: 'yes' }).expect(400)).body).toMatchObject({ errors: [{ field: 'dryRun' }] });
    expect((await post(provider, csv, { kind: 'holdings', color: 'red' }).expect(400)).body).toMatchObject({ errors: [{ field: 'color' }] });
    const other = await t.http.post('/v1/imports?kind=holdings').set(provider.auth).set('Content-Type', 'application/pdf').send(Buffer.from('%PDF')).expect(400);
    expect(other.body).toMatchObject({ code: 'VALIDATION_FAILED', errors: [{ field: 'Content-Type' }] });
  });

  it('reads a text/csv statement in the charset its Content-Type names (Shift_JIS as Excel saves it), and refuses one it does not know', async () => {
    const c = cert();
    const before = await head();
    const csv = [HEADER, row(`JCL-ERL-${c}-1-10`, '無効化通知書 第7号 ㈱サンプル'), row(`JCL-ERL-${c}-11-20`, '保有明細 ①')].join('\n');
    const sent = await t.http.post('/v1/imports?kind=holdings').set(provider.auth).set('Content-Type', 'text/csv; charset=Shift_JIS').send(iconv.encode(csv, 'shift_jis')).expect(202);
    expect(await finished(provider, sent.body.id)).toMatchObject({ status: 'done', total: 2, accepted: 2, refused: 0 });
    // The evidence the journal recorded is the statement's text, not its bytes read as UTF-8.
    const journaled = JSON.stringify((await t.http.get('/v1/ledger/entries').set(auditor.auth).query({ after: String(before.sequence), limit: '1000' }).expect(200)).body.items);
    expect(journaled).toContain('無効化通知書 第7号 ㈱サンプル');
    expect(journaled).toContain('保有明細 ①');
    expect(journaled).not.toContain('\ufffd');
    const unknown = await t.http.post('/v1/imports?kind=holdings').set(provider.auth).set('Content-Type', 'text/csv; charset=klingon').send(csv).expect(400);
    expect(unknown.body).toMatchObject({ code: 'VALIDATION_FAILED', errors: [{ field: 'Content-Type', message: 'charset klingon is not known' }] });
    // `auto` is the form's and the CLI's choice to detect, not a charset a Content-Type may name.
    const auto = await t.http.post('/v1/imports?kind=holdings').set(provider.auth).set('Content-Type', 'text/csv; charset=auto').send(csv).expect(400);
    expect(auto.body).toMatchObject({ code: 'VALIDATION_FAILED', errors: [{ field: 'Content-Type', message: 'charset auto is not known' }] });
  });

  it('takes the statement as the one file of a multipart/form-data upload, CSV or .xlsx', async () => {
    const c = cert();
    const res = await t.http
      .post('/v1/imports?kind=holdings')
      .set(provider.auth)
      .field('note', 'ignored')
      .attach('file', Buffer.from([HEADER, row(`JCL-ERL-${c}-1-10`), row(`JCL-ERL-${c}-11-20`)].join('\n')), { filename: 'statement.csv', contentType: 'text/csv' })
      .expect(202);
    expect(await finished(provider, res.body.id)).toMatchObject({ status: 'done', total: 2, accepted: 2 });
    const workbook = await t.http
      .post('/v1/imports?kind=holdings')
      .set(provider.auth)
      .attach('file', await xlsxOf([['serial', 'scheme', 'registry', 'reference'], [`JCL-ERL-${c}-21-30`, '', 'J-Credit registry', 'statement 2026-04']]), { filename: 'statement.xlsx', contentType: XLSX })
      .expect(202);
    const read = await finished(provider, workbook.body.id);
    expect(read.error).toBeUndefined(); // first, so that a failure shows why the import failed
    expect(read).toMatchObject({ status: 'done', total: 1, accepted: 1 });
    const empty = await t.http.post('/v1/imports?kind=holdings').set(provider.auth).field('note', 'no file').expect(400);
    expect(empty.body).toMatchObject({ code: 'VALIDATION_FAILED', errors: [{ field: 'file' }] });
  });

  it('reads an .xlsx workbook of the same columns (first worksheet; numbers, rich text and formulas as their text); a broken one fails naming file', async () => {
    const c = cert();
    const rows: unknown[][] = [
      ['Serial', 'Scheme', 'Registry', 'Reference'],
      [`JCL-ERL-${c}-1-10`, null, 'J-Credit registry', 'statement 2026-04'],
      [{ richText: [{ text: `JCL-ERL-${c}-` }, { text: '11-20' }] }, 'JCREDIT', 'J-Credit registry', { formula: '"statement "&"2026-04"', result: 'statement 2026-04' }],
      [`JCL-ERL-${c}-21-30`, null, 'J-Credit registry', 20260401],
      ['not a serial', null, 'J-Credit registry', 'statement 2026-04'],
    ];
    const body = await xlsxOf(rows);
    const res = await t.http.post('/v1/imports?kind=holdings').set(provider.auth).set('Content-Type', XLSX).send(body).expect(202);
    const result = await finished(provider, res.body.id);
    expect(result).toMatchObject({ status: 'done', format: 'registry', total: 4, accepted: 3, refused: 1, refusedRows: [{ row: 4, code: 'INVALID_SERIAL' }] });
    const again = await t.http.post('/v1/imports?kind=holdings').set(provider.auth).set('Content-Type', XLSX).send(body).expect(202);
    expect(await finished(provider, again.body.id)).toMatchObject({ accepted: 0, skipped: 3, refused: 1 });
    const broken = await t.http.post('/v1/imports?kind=holdings').set(provider.auth).set('Content-Type', XLSX).send(Buffer.concat([Buffer.from('PK\u0003\u0004'), Buffer.alloc(64, 7)])).expect(202);
    expect(await finished(provider, broken.body.id)).toMatchObject({ status: 'failed', error: expect.stringMatching(/^file: the .xlsx workbook cannot be read/) });
  });

  it('an import whose run failed for a reason not in the file waits as queued while it will be tried again; its last attempt ends it failed', async () => {
    const c = cert();
    const run = t.app.get(RunHoldingsImportUseCase);
    const create = () => t.app.get(CreateHoldingsImportUseCase).execute({ organizationId: provider.id, actor: 'test', dryRun: false });
    const unreadable = () => new Readable({ read() { this.destroy(new Error('the stored upload could not be read')); } });
    const show = async (id: string) => (await t.http.get(`/v1/imports/${id}`).set(provider.auth).expect(200)).body;

    const retried = await create();
    await expect(run.execute({ importId: retried.id, source: unreadable(), triedAgain: true })).rejects.toThrow('the stored upload could not be read');
    expect(await show(retried.id)).toMatchObject({ status: 'queued', error: 'the stored upload could not be read' });
    // The next attempt reads the statement: done, and the earlier attempt's error is gone.
    await run.execute({ importId: retried.id, source: Readable.from([Buffer.from([HEADER, row(`JCL-ERL-${c}-1-10`)].join('\n'))]), triedAgain: true });
    const done = await show(retried.id);
    expect(done).toMatchObject({ status: 'done', total: 1, accepted: 1 });
    expect(done.error).toBeUndefined();

    const lastAttempt = await create();
    await expect(run.execute({ importId: lastAttempt.id, source: unreadable(), triedAgain: false })).rejects.toThrow('the stored upload could not be read');
    expect(await show(lastAttempt.id)).toMatchObject({ status: 'failed', error: 'the stored upload could not be read' });
  });

  it('the repair sweep runs a stored upload whose job was lost (the in-process queue dies with its process), once', async () => {
    const c = cert();
    const record = await t.app.get(CreateHoldingsImportUseCase).execute({ organizationId: provider.id, actor: 'test', dryRun: false });
    const uow = t.app.get(UnitOfWork);
    await uow.write((stores) => stores.imports.appendSourceChunk(record.id, 0, Buffer.from([HEADER, row(`JCL-ERL-${c}-1-10`), row(`JCL-ERL-${c}-11-20`)].join('\n'))));
    await uow.write((stores) => stores.imports.setStatus(record.id, 'queued', '2026-01-01T00:00:00.000Z'));
    const sweep = t.app.get(SweepImportsUseCase);
    expect(await sweep.execute()).not.toContain(record.id); // an upload not wholly stored: never read half a file
    await uow.write((stores) => stores.imports.markSourceComplete(record.id, '2026-01-01T00:00:00.000Z'));
    expect(await sweep.execute()).toContain(record.id);
    expect(await finished(provider, record.id)).toMatchObject({ status: 'done', total: 2, accepted: 2 });
    expect(await sweep.execute()).not.toContain(record.id);
  });

  it('takes a statement larger than the JSON body limit (streamed, never parsed whole)', async () => {
    const c = cert();
    const rows = Array.from({ length: 22_000 }, (_, i) => row(`JCL-ERL-${c}-${i * 10 + 1}-${i * 10 + 10}`));
    const csv = [HEADER, ...rows].join('\n');
    expect(Buffer.byteLength(csv)).toBeGreaterThan(t.config.bodyLimitBytes);
    const result = await importCsv(provider, csv);
    expect(result).toMatchObject({ status: 'done', total: 22_000, accepted: 22_000 });
  }, 180_000);
});
