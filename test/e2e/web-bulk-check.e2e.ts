import type { Response } from 'supertest';
import { createKeyedOrganization, EVIDENCE, type KeyedOrganization } from '../support/access-fixtures';
import { startTestApp, type TestApp } from '../support/test-app';
import { TEST_ENGINE } from '../support/test-engine';
import { signedInPerson, type SignedInPerson } from '../support/web-sign-in';

const BODY_LIMIT = 4096;

/** Issue 19: an auditor checks many serials at once through a form, pasted or uploaded, and downloads the answer. */
describe(`web: bulk serial check (${TEST_ENGINE})`, () => {
  let t: TestApp;
  let orgA: KeyedOrganization;
  let auditKey: KeyedOrganization;
  let auditor: SignedInPerson;
  let provider: SignedInPerson;
  let certificateNumber: string;

  const html = (url: string, who: SignedInPerson) => t.http.get(url).set({ Accept: 'text/html', Cookie: who.cookie });
  const check = (who: SignedInPerson, fields: Record<string, string | undefined>, file?: { content: string | Buffer; name: string; type?: string }) => {
    let req = t.http.post('/checks').set({ Accept: 'text/html', Cookie: who.cookie });
    for (const [name, value] of Object.entries({ _csrf: who.csrf, ...fields })) if (value !== undefined) req = req.field(name, value);
    if (file) req = req.attach('list', Buffer.from(file.content), { filename: file.name, contentType: file.type ?? 'text/plain' });
    return req;
  };
  const resultTable = (res: Response) => res.text.slice(res.text.indexOf('<table class="stack check-table">'), res.text.indexOf('</table>'));

  beforeAll(async () => {
    t = await startTestApp({ RATE_LIMIT_PER_MINUTE: '0', BODY_LIMIT_BYTES: String(BODY_LIMIT) });
    orgA = await createKeyedOrganization(t, ['provider'], 'Provider A 株式会社');
    auditKey = await createKeyedOrganization(t, ['auditor'], 'Audit LLC');
    auditor = await signedInPerson(t, auditKey.id, ['auditor']);
    provider = await signedInPerson(t, orgA.id, ['provider']);
    await t.http.post('/v1/holdings').set(orgA.auth).send({ serial: 'JCL-ERL-R81-1-1000', evidence: EVIDENCE }).expect(201);
    const retired = await t.http.post('/v1/retirements').set(orgA.auth).send({ serials: ['JCL-ERL-R81-1-10'], beneficiary: '受益者 A', purpose: 'offset' }).expect(201);
    certificateNumber = retired.body.certificateNumber;
  }, 120_000);
  afterAll(() => t?.close());

  it('GET /checks: a multipart form (paste box and file), linked from the ledger page', async () => {
    const ledger = await html('/ledger', auditor).expect(200);
    expect(ledger.text).toContain('href="/checks"');
    const res = await html('/checks', auditor).expect(200);
    expect(res.text).toContain('<form class="upload bulk-check" method="post" action="/checks" enctype="multipart/form-data">');
    const order = ['name="_csrf"', 'name="serials"', 'name="list"'].map((mark) => res.text.indexOf(mark));
    expect(order).toEqual([...order].sort((a, b) => a - b));
    expect(res.headers['cache-control']).toBe('no-store');
  });

  it('pasted serials: each one’s segments with state, holder and retirement, as POST /v1/serials/check answers them', async () => {
    const serials = ['JCL-ERL-R81-1-20', 'JCL-ERL-R82-1-5', 'NOT A SERIAL'];
    const res = await check(auditor, { serials: serials.join('\r\n') }).expect(200);
    const table = resultTable(res);
    const api = await t.http.post('/v1/serials/check').set(auditKey.auth).send({ serials }).expect(200);
    for (const item of api.body.items as { serial: string; segments?: { start: string; end: string; status: string; holderId?: string }[]; error?: { code: string } }[]) {
      expect(table).toContain(`>${item.serial}<`);
      for (const segment of item.segments ?? []) {
        expect(table).toContain(`>${segment.start}–${segment.end}<`);
        if (segment.holderId) expect(table).toContain(`>${segment.holderId}<`);
      }
      if (item.error) expect(table).toContain(`>${item.error.code}<`);
    }
    expect(table).toContain('>償却済み<');
    expect(table).toContain('>保有中<');
    expect(table).toContain('>記録なし<');
    expect(table).toContain(`href="/verify/${certificateNumber}"`);
    expect(table).toContain('>受益者 A<');
    expect(table).toContain('>状態または保有者が分かれています<');
    expect(table).toContain('>読み取れません<');
    expect(res.text).toContain('3 件: 償却済みを含む 1 件、保有中を含む 1 件、記録のない部分を含む 1 件、読み取れない 1 件。');
    // The list stays in the box, and the download form carries it.
    expect(res.text).toContain('JCL-ERL-R82-1-5\r\nNOT A SERIAL</textarea>');
    expect(res.text).toContain('<form method="post" action="/checks.csv" class="check-csv">');
  });

  it('an uploaded file: text with one serial a line, or a CSV with a serial column (as the API takes text/csv)', async () => {
    const text = await check(auditor, {}, { content: '\uFEFFJCL-ERL-R81-1-5\n\nJCL-ERL-R81-500-600\n', name: 'list.txt' }).expect(200);
    expect(resultTable(text)).toContain('>JCL-ERL-R81-1-5<');
    expect(resultTable(text)).toContain('>JCL-ERL-R81-500-600<');
    const csv = await check(auditor, {}, { content: 'note,serial\nfirst,JCL-ERL-R81-7-8\nsecond,"JCL-ERL-R83-1-2"\n', name: 'list.csv', type: 'text/csv' }).expect(200);
    expect(resultTable(csv)).toContain('>JCL-ERL-R81-7-8<');
    expect(resultTable(csv)).toContain('>JCL-ERL-R83-1-2<');
    expect(resultTable(csv)).not.toContain('>first<');
    // Pasted and uploaded together: both lists, pasted first.
    const both = await check(auditor, { serials: 'JCL-ERL-R84-1-1' }, { content: 'JCL-ERL-R85-1-1', name: 'more.txt' }).expect(200);
    expect(resultTable(both).indexOf('JCL-ERL-R84-1-1')).toBeLessThan(resultTable(both).indexOf('JCL-ERL-R85-1-1'));
  });

  it('the result as CSV: a UTF-8 BOM, one line per segment, formula cells neutralised', async () => {
    const res = await t.http
      .post('/checks.csv')
      .set({ Accept: 'text/html', Cookie: auditor.cookie, 'Content-Type': 'application/x-www-form-urlencoded' })
      .send(new URLSearchParams({ _csrf: auditor.csrf, serials: 'JCL-ERL-R81-1-20\n=HYPERLINK("x")' }).toString())
      .expect(200);
    expect(res.headers['content-type']).toMatch(/^text\/csv/);
    expect(res.headers['content-disposition']).toBe('attachment; filename="serial-check.csv"');
    const lines = res.text.replace(/^\uFEFF/, '').trim().split('\n');
    expect(lines[0]).toBe('serial,scheme,namespace,start,end,status,holderId,retirementId,certificateNumber,claimId,retiredOn,beneficiary,error');
    expect(lines.filter((line) => line.startsWith('JCL-ERL-R81-1-20,'))).toHaveLength(2);
    expect(res.text).toContain(`,${orgA.id},`);
    expect(res.text).toContain(certificateNumber);
    expect(res.text).toContain(`"'=HYPERLINK(""x"")"`);
  });

  describe('refusals', () => {
    const expectForm = (res: Response, status: number, field: string, message: string) => {
      expect(res.status).toBe(status);
      expect(res.headers['content-type']).toBe('text/html; charset=utf-8');
      expect(res.text).toContain(`<p class="field-error" id="${field}-error">${message}</p>`);
      expect(res.text).toContain(`aria-invalid="true" aria-describedby="${field}-hint ${field}-error"`);
    };

    it('without a valid CSRF token: 403 before the file is read', async () => {
      for (const csrf of [undefined, '', provider.csrf]) {
        const res = await check(auditor, { _csrf: csrf, serials: 'JCL-ERL-R81-1-2' }, { content: 'JCL-ERL-R81-1-2', name: 'l.txt' });
        expect([csrf, res.status]).toEqual([csrf, 403]);
        expect(res.text).toContain('フォームを送信できませんでした');
      }
      const csv = await t.http.post('/checks.csv').set({ Accept: 'text/html', Cookie: auditor.cookie, 'Content-Type': 'application/x-www-form-urlencoded' }).send('serials=JCL-ERL-R81-1-2');
      expect(csv.status).toBe(403);
    });

    it('nothing to check, an empty file, a file of another type, text not UTF-8, a CSV without a serial column, too many serials: 422 naming the field', async () => {
      expectForm(await check(auditor, { serials: ' \n ' }), 422, 'serials', 'シリアル番号を入力するか、ファイルを選んでください。');
      expectForm(await check(auditor, {}, { content: '', name: 'empty.txt' }), 422, 'list', '選んだファイルは空です。');
      expectForm(await check(auditor, {}, { content: Buffer.from('89504e470d0a1a0a', 'hex'), name: 'x.png', type: 'image/png' }), 422, 'list', 'テキスト（.txt）または CSV（.csv）のファイルを選んでください。');
      expectForm(await check(auditor, {}, { content: Buffer.from([0x82, 0xa0, 0x0a]), name: 'sjis.txt' }), 422, 'list', 'ファイルを UTF-8 のテキストとして読み取れませんでした。');
      expectForm(await check(auditor, {}, { content: 'serial,"unterminated\nx', name: 'bad.csv', type: 'text/csv' }), 422, 'list', 'CSV の 1 行目に serial 列がありません。');
      const many = Array.from({ length: 1001 }, (_, i) => `JCL-ERL-R86-${i + 1}-${i + 1}`).join('\n');
      expectForm(await check(auditor, { serials: many }), 422, 'serials', 'シリアル番号が多すぎます（1 回に最大 1,000 件）。');
      const csvNothing = await t.http
        .post('/checks.csv')
        .set({ Accept: 'text/html', Cookie: auditor.cookie, 'Content-Type': 'application/x-www-form-urlencoded' })
        .send(`_csrf=${auditor.csrf}`);
      expectForm(csvNothing, 422, 'serials', 'シリアル番号を入力するか、ファイルを選んでください。');
    });

    it('a file over BODY_LIMIT_BYTES: 413 naming the file field, in English too', async () => {
      const big = Array.from({ length: 600 }, (_, i) => `JCL-ERL-R87-${i + 1}-${i + 1}`).join('\n');
      expectForm(await check(auditor, {}, { content: big, name: 'big.txt' }).set('Accept-Language', 'en'), 413, 'list', 'The file is too large (at most 4 KB).');
      expectForm(await check(auditor, {}, { content: big.slice(0, BODY_LIMIT + 500), name: 'over.txt' }), 413, 'list', 'ファイルが大きすぎます（最大 4 KB）。');
      await html('/checks', auditor).expect(200);
    });

    it('a provider gets 403 on the form, the check and the CSV', async () => {
      await html('/checks', provider).expect(403);
      expect((await check(provider, { serials: 'JCL-ERL-R81-1-2' })).status).toBe(403);
      const csv = await t.http
        .post('/checks.csv')
        .set({ Accept: 'text/html', Cookie: provider.cookie, 'Content-Type': 'application/x-www-form-urlencoded' })
        .send(`_csrf=${provider.csrf}&serials=JCL-ERL-R81-1-2`);
      expect(csv.status).toBe(403);
    });
  });
});
