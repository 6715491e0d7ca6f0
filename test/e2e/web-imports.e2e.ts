import { CreateHoldingsImportUseCase, JournalQueries } from '@registry/ledger';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import iconv from 'iconv-lite';
import type { Response } from 'supertest';
import { createKeyedOrganization, EVIDENCE, type KeyedOrganization } from '../support/access-fixtures';
import { registryExportsDir } from '../support/registry-exports-dir';
import { eventually, startTestApp, type TestApp } from '../support/test-app';
import { TEST_ENGINE } from '../support/test-engine';
import { signedInPerson, type SignedInPerson } from '../support/web-sign-in';

const LIMIT = 16 * 1024;
const HEADER = 'serial,scheme,registry,reference';
const row = (serial: string, reference = EVIDENCE.reference) => `${serial},,${EVIDENCE.registry},${reference}`;

/** Issue 19: a provider imports a statement through the web form and follows it to its refused rows. */
describe(`web: statement imports (${TEST_ENGINE})`, () => {
  let t: TestApp;
  let orgA: KeyedOrganization;
  let orgB: KeyedOrganization;
  let provider: SignedInPerson;
  let providerB: SignedInPerson;
  let auditor: SignedInPerson;

  const html = (url: string, who: SignedInPerson) => t.http.get(url).set({ Accept: 'text/html', Cookie: who.cookie });
  /** The form as a browser sends it: `_csrf` and the choices first, the file last. */
  const upload = (who: SignedInPerson, file: { content: string | Buffer; name: string; type?: string } | null, fields: Record<string, string | undefined> = {}) => {
    let req = t.http.post('/imports').set({ Accept: 'text/html', Cookie: who.cookie });
    for (const [name, value] of Object.entries({ _csrf: who.csrf, format: '', ...fields })) if (value !== undefined) req = req.field(name, value);
    if (file) req = req.attach('statement', Buffer.from(file.content), { filename: file.name, contentType: file.type ?? 'text/csv' });
    return req;
  };
  const importsOf = async (organizationId: string) =>
    (await t.dataSource.query(`SELECT id FROM imports WHERE organization_id = ${TEST_ENGINE === 'postgres' ? '$1' : '?'}`, [organizationId])) as { id: string }[];
  /** Follows the progress page (as the browser does on its meta refresh) until it stops refreshing. */
  const finished = (url: string, who: SignedInPerson) =>
    eventually(async () => {
      const res = await html(url, who).expect(200);
      return res.text.includes('http-equiv="refresh"') ? undefined : res;
    }, 30_000);

  beforeAll(async () => {
    t = await startTestApp({ RATE_LIMIT_PER_MINUTE: '0', WEB_UPLOAD_LIMIT_BYTES: String(LIMIT) });
    orgA = await createKeyedOrganization(t, ['provider'], 'Provider A 株式会社');
    orgB = await createKeyedOrganization(t, ['provider'], 'Provider B 株式会社');
    const audit = await createKeyedOrganization(t, ['auditor'], 'Audit LLC');
    provider = await signedInPerson(t, orgA.id, ['provider']);
    providerB = await signedInPerson(t, orgB.id, ['provider']);
    auditor = await signedInPerson(t, audit.id, ['auditor']);
    // Held by B: A's statement naming it is refused.
    await t.http.post('/v1/holdings').set(orgB.auth).send({ serial: 'JCL-ERL-R92-1-100', evidence: EVIDENCE }).expect(201);
  }, 120_000);
  afterAll(() => t?.close());

  it('GET /imports/new: a multipart form, _csrf and the choices before the file, every format the API reads', async () => {
    const res = await html('/imports/new', provider).expect(200);
    expect(res.text).toContain('<form class="upload import-form" method="post" action="/imports" enctype="multipart/form-data">');
    const order = ['name="_csrf"', 'name="format"', 'name="charset"', 'name="dryRun"', 'name="statement"'].map((mark) => res.text.indexOf(mark));
    expect(order).toEqual([...order].sort((a, b) => a - b));
    expect(res.text).toContain(`value="${provider.csrf}"`);
    for (const format of ['registry', 'verra', 'gold-standard']) expect(res.text).toContain(`<option value="${format}">`);
    expect(res.text).toContain('<option value="auto" selected>自動判別（UTF-8 または Shift_JIS）</option>');
    expect(res.text).toContain('<option value="shift_jis">Shift_JIS（日本語版 Excel が CSV を保存する形式）</option>');
    expect(res.headers['cache-control']).toBe('no-store');
  });

  it('uploads a statement: 303 to its progress page, then the counts and the refused rows with row, code and message; the journal names the person', async () => {
    const statement = [HEADER, row('JCL-ERL-R91-1-100'), row('NOT A SERIAL'), row('JCL-ERL-R92-50-60'), row('JCL-ERL-R91-101-200'), ''].join('\n');
    const res = await upload(provider, { content: statement, name: 'statement.csv' }).expect(303);
    expect(res.headers.location).toMatch(/^\/imports\/[0-9a-f-]{36}$/);
    const id = res.headers.location.split('/')[2];

    const done = await finished(res.headers.location, provider);
    expect(done.text).toContain('取り込みが終わりました。');
    expect(done.text).toContain('<progress id="import-progress" max="1" value="1"></progress>');
    expect(done.text).toMatch(/class="count-total">4</);
    expect(done.text).toMatch(/class="count-accepted">2</);
    expect(done.text).toMatch(/class="count-refused">2</);
    const refusedTable = done.text.slice(done.text.indexOf('<table class="stack refused-rows">'));
    expect(refusedTable).toMatch(/data-label="行" class="num">2<\/td><td data-label="シリアル番号" class="mono serials-cell">NOT A SERIAL<\/td><td data-label="コード" class="mono">INVALID_SERIAL</);
    expect(refusedTable).toMatch(/data-label="行" class="num">3<\/td>[^]*?SERIAL_CONFLICT/);
    expect(done.text).toContain(`href="/imports/${id}/refused.csv"`);

    const csv = await t.http.get(`/imports/${id}/refused.csv`).set('Cookie', provider.cookie).expect(200);
    expect(csv.headers['content-type']).toMatch(/^text\/csv/);
    expect(csv.headers['content-disposition']).toBe(`attachment; filename="import-${id}-refused.csv"`);
    expect(csv.text.startsWith('\uFEFF')).toBe(true);
    expect(csv.text).toContain('NOT A SERIAL');

    // The same import as the API shows it to the organisation's key.
    const api = await t.http.get(`/v1/imports/${id}`).set(orgA.auth).expect(200);
    expect(api.body).toMatchObject({ status: 'done', total: 4, accepted: 2, refused: 2 });
    const holdings = await t.http.get('/v1/holdings').set(orgA.auth).expect(200);
    expect(JSON.stringify(holdings.body)).toContain('JCL-ERL-R91-1-100');

    const label = `org:${orgA.id}/person:${provider.id}`;
    const finishedEntries = (await t.app.get(JournalQueries).entries(0, 10_000, 'import.finished')).items.filter((e) => JSON.parse(e.payload).importId === id);
    expect(finishedEntries.map((e) => e.actor)).toEqual([label]);

    const list = await html('/imports', provider).expect(200);
    expect(list.text).toContain(`href="/imports/${id}"`);
    expect(list.text).toContain('完了');
  });

  it('a CSV saved as Shift_JIS (Excel in Japanese) imports with its Japanese text intact, detected or chosen', async () => {
    for (const [n, charset] of [[87, undefined], [88, 'shift_jis']] as const) {
      const statement = [HEADER, row(`JCL-ERL-R${n}-1-10`, `無効化通知書 第${n}号 ㈱サンプル`)].join('\n');
      const res = await upload(provider, { content: iconv.encode(statement, 'shift_jis'), name: 'excel.csv' }, { charset }).expect(303);
      const id = res.headers.location.split('/')[2];
      await finished(res.headers.location, provider);
      expect((await t.http.get(`/v1/imports/${id}`).set(orgA.auth).expect(200)).body).toMatchObject({ status: 'done', accepted: 1, refused: 0 });
      const entries = (await t.app.get(JournalQueries).entries(0, 10_000, 'holdings.imported')).items.map((e) => e.payload).join('\n');
      expect(entries).toContain(`無効化通知書 第${n}号 ㈱サンプル`);
    }
  });

  it('a dry run and a named format go through to the job as the API takes them', async () => {
    const res = await upload(provider, { content: [HEADER, row('JCL-ERL-R93-1-10')].join('\n'), name: 'dry.csv' }, { format: 'registry', dryRun: 'true' }).expect(303);
    const id = res.headers.location.split('/')[2];
    await finished(res.headers.location, provider);
    const api = await t.http.get(`/v1/imports/${id}`).set(orgA.auth).expect(200);
    expect(api.body).toMatchObject({ status: 'done', format: 'registry', dryRun: true, accepted: 1 });
    expect(JSON.stringify((await t.http.get('/v1/holdings').set(orgA.auth)).body)).not.toContain('JCL-ERL-R93');
  });

  it('while the import waits or runs, the page refreshes itself every 2 s and shows an indeterminate <progress>', async () => {
    const queued = await t.app.get(CreateHoldingsImportUseCase).execute({ organizationId: orgA.id, actor: `org:${orgA.id}/person:${provider.id}`, dryRun: false });
    const res = await html(`/imports/${queued.id}`, provider).expect(200);
    expect(res.text).toContain('<meta http-equiv="refresh" content="2"/>');
    expect(res.text).toContain('<progress id="import-progress"></progress>');
    expect(res.text).toContain('取り込みを待っています。');
    expect(res.text).not.toContain('refused-rows');
    // The reader can stop the refresh (WCAG 2.2.1), and start it again.
    expect(res.text).toContain(`<a href="/imports/${queued.id}?refresh=off">自動更新を止める</a>`);
    const stopped = await html(`/imports/${queued.id}?refresh=off`, provider).expect(200);
    expect(stopped.text).not.toContain('http-equiv="refresh"');
    expect(stopped.text).toContain('自動更新を止めています。');
    expect(stopped.text).toContain(`<a href="/imports/${queued.id}">最新の状態を表示して自動更新を再開する</a>`);
    await html(`/imports/${queued.id}?refresh=on`, provider).expect(400);
  });

  it('pages the refused rows 100 at a time', async () => {
    const rows = Array.from({ length: 130 }, (_, i) => row(`BAD-${i + 1}`));
    const res = await upload(provider, { content: [HEADER, ...rows].join('\n'), name: 'many.csv' }).expect(303);
    const first = await finished(res.headers.location, provider);
    expect(first.text).toContain('>BAD-100<');
    expect(first.text).not.toContain('>BAD-101<');
    expect(first.text).toContain(`href="${res.headers.location}?after=100" rel="next"`);
    const second = await html(`${res.headers.location}?after=100`, provider).expect(200);
    expect(second.text).toContain('>BAD-101<');
    expect(second.text).toContain('>BAD-130<');
    expect(second.text).toContain(`href="${res.headers.location}"`);
    await html(`${res.headers.location}?after=x`, provider).expect(400);
  });

  it('a real registry export (ART TREES retirements): detected from its header, every retired row refused and listed', async () => {
    const dir = registryExportsDir();
    if (!dir) return console.warn('registry export fixtures not found; skipping the real-export upload');
    const content = readFileSync(path.join(dir, 'art-trees', 'retirements.csv'));
    expect(content.length).toBeLessThan(LIMIT);
    const res = await upload(provider, { content, name: 'retirements.csv' }).expect(303);
    const done = await finished(res.headers.location, provider);
    expect(done.text).toContain('<dd class="mono">art</dd>');
    expect(done.text).toMatch(/class="count-total">8</);
    expect(done.text).toMatch(/class="count-refused">8</);
    expect(done.text.match(/class="mono">NOT_A_HOLDING</g)).toHaveLength(8);
  });

  describe('refusals', () => {
    const expectForm = (res: Response, status: number, field: string, message: string) => {
      expect(res.status).toBe(status);
      expect(res.headers['content-type']).toBe('text/html; charset=utf-8');
      expect(res.text).toContain(`<p class="field-error" id="${field}-error">${message}</p>`);
      expect(res.text).toContain(`aria-invalid="true" aria-describedby="${field === 'statement' ? 'statement-hint statement-error' : `${field}-error`}"`);
    };

    it('without a CSRF token, with a wrong one, or with the token after the file: 403 before the file is read, no import', async () => {
      const before = (await importsOf(orgA.id)).length;
      const statement = { content: [HEADER, row('JCL-ERL-R94-1-10')].join('\n'), name: 's.csv' };
      for (const fields of [{ _csrf: undefined }, { _csrf: '' }, { _csrf: 'x'.repeat(43) }, { _csrf: providerB.csrf }]) {
        const res = await upload(provider, statement, fields);
        expect([fields._csrf, res.status, res.headers['content-type']]).toEqual([fields._csrf, 403, 'text/html; charset=utf-8']);
        expect(res.text).toContain('フォームを送信できませんでした');
      }
      const late = await t.http
        .post('/imports')
        .set({ Accept: 'text/html', Cookie: provider.cookie })
        .attach('statement', Buffer.from(statement.content), 's.csv')
        .field('_csrf', provider.csrf);
      expect(late.status).toBe(403);
      // Without a session the token cannot match anything: refused (never a sign-in redirect for a POST's file).
      const anonymous = await t.http.post('/imports').set('Accept', 'text/html').field('_csrf', provider.csrf).attach('statement', Buffer.from(statement.content), 's.csv');
      expect(anonymous.status).toBe(403);
      expect((await importsOf(orgA.id)).length).toBe(before);
    });

    it('no file, an empty file, a file of another type, an unknown format: 422 form naming the field, nothing started', async () => {
      const before = (await importsOf(orgA.id)).length;
      expectForm(await upload(provider, null), 422, 'statement', '取り込む明細ファイルを選んでください。');
      expectForm(await upload(provider, { content: '', name: '' }), 422, 'statement', '取り込む明細ファイルを選んでください。');
      expectForm(await upload(provider, { content: '', name: 'empty.csv' }), 422, 'statement', '選んだファイルは空です。');
      const png = Buffer.from('89504e470d0a1a0a0000000d49484452', 'hex');
      expectForm(await upload(provider, { content: png, name: 'logo.png', type: 'image/png' }), 422, 'statement', 'CSV（.csv / .txt）または Excel（.xlsx）のファイルを選んでください。');
      expectForm(await upload(provider, { content: png, name: 'renamed.csv' }), 422, 'statement', 'CSV（.csv / .txt）または Excel（.xlsx）のファイルを選んでください。');
      const unknown = await upload(provider, { content: [HEADER, row('JCL-ERL-R95-1-10')].join('\n'), name: 's.csv' }, { format: 'nonsense' });
      expectForm(unknown, 422, 'format', '一覧から形式を選んでください。');
      const formatSelect = unknown.text.slice(unknown.text.indexOf('<select id="format"'), unknown.text.indexOf('</select>', unknown.text.indexOf('<select id="format"')));
      expect(formatSelect).not.toContain('selected');
      const charset = await upload(provider, { content: [HEADER, row('JCL-ERL-R95-1-10')].join('\n'), name: 's.csv' }, { charset: 'klingon' });
      expectForm(charset, 422, 'charset', '一覧から文字コードを選んでください。');
      // A urlencoded post (no file at all) is the same refusal.
      const urlencoded = await t.http.post('/imports').set({ Accept: 'text/html', Cookie: provider.cookie, 'Content-Type': 'application/x-www-form-urlencoded' }).send(`_csrf=${provider.csrf}`);
      expectForm(urlencoded, 422, 'statement', '取り込む明細ファイルを選んでください。');
      expect((await importsOf(orgA.id)).length).toBe(before);
    });

    it('a file over the limit: 413 form naming the field, in English too', async () => {
      const big = [HEADER, ...Array.from({ length: 3000 }, (_, i) => row(`JCL-ERL-R96-${i * 10 + 1}-${i * 10 + 10}`))].join('\n');
      const before = (await importsOf(orgA.id)).length;
      const refused = await upload(provider, { content: big, name: 'big.csv' }).set('Accept-Language', 'en');
      expectForm(refused, 413, 'statement', 'The file is too large (at most 0.016 MB).');
      expect((await importsOf(orgA.id)).length).toBe(before);
      // Just over the limit (within the form's allowance for its other fields): cut at the limit while streaming, refused the same way.
      const over = big.slice(0, LIMIT + 2000);
      expectForm(await upload(provider, { content: over, name: 'over.csv' }), 413, 'statement', 'ファイルが大きすぎます（最大 0.016 MB）。');
      // The app still answers on the same connection pool afterwards.
      await html('/imports', provider).expect(200);
    });

    it('other roles get 403 on every import page; another organisation’s import is 404, its rows never shown', async () => {
      const res = await upload(provider, { content: [HEADER, row('SECRET-OF-A')].join('\n'), name: 'a.csv' }).expect(303);
      const id = res.headers.location.split('/')[2];
      await finished(res.headers.location, provider);
      for (const url of ['/imports', '/imports/new', `/imports/${id}`, `/imports/${id}/refused.csv`]) await html(url, auditor).expect(403);
      expect((await upload(auditor, { content: [HEADER, row('JCL-ERL-R97-1-10')].join('\n'), name: 'x.csv' })).status).toBe(403);
      for (const url of [`/imports/${id}`, `/imports/${id}/refused.csv`, `/imports/${id}?after=0`]) {
        const other = await html(url, providerB);
        expect([url, other.status]).toEqual([url, 404]);
        expect(other.text).not.toContain('SECRET-OF-A');
      }
      const list = await html('/imports', providerB).expect(200);
      expect(list.text).not.toContain(id);
      await html('/imports/00000000-0000-7000-8000-000000000000', provider).expect(404);
    });

    it('the API’s multipart upload is untouched: /v1/imports still takes one file without any form token', async () => {
      const res = await t.http
        .post('/v1/imports')
        .query({ kind: 'holdings' })
        .set(orgA.auth)
        .attach('file', Buffer.from([HEADER, row('JCL-ERL-R98-1-10')].join('\n')), 'statement.csv')
        .expect(202);
      const view = await eventually(async () => {
        const r = await t.http.get(`/v1/imports/${res.body.id}`).set(orgA.auth).expect(200);
        return r.body.status === 'done' ? r.body : undefined;
      });
      expect(view).toMatchObject({ accepted: 1 });
      // And a session cookie opens nothing under /v1.
      expect((await t.http.get(`/v1/imports/${res.body.id}`).set('Cookie', provider.cookie)).status).toBe(401);
    });
  });
});
