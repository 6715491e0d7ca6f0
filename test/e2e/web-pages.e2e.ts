import type { Response } from 'supertest';
import { SCHEMES } from '@registry/domain';
import { startTestApp, TEST_ADMIN_KEY, type TestApp } from '../support/test-app';
import { TEST_ENGINE } from '../support/test-engine';
import { HOSTILE_BENEFICIARY, HOSTILE_HOLDER, HOSTILE_PURPOSE, seedWebRegistry, type WebSeed } from '../support/web-seed';

const WEB_CSP_PARTS = ["default-src 'none'", "style-src 'self'", "img-src 'self'", "base-uri 'none'", "frame-ancestors 'none'"];

/** What HTML escaping makes of text (@kitajs/html escapes &, <, " and '; a lone > cannot open markup). */
const escaped = (text: string) => text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/"/g, '&#34;').replace(/'/g, '&#39;');

/** Issue 19's public web pages, in-process: headers, escaping, languages, errors. */
describe(`web pages (${TEST_ENGINE})`, () => {
  let t: TestApp;
  let seed: WebSeed;

  beforeAll(async () => {
    t = await startTestApp({ RATE_LIMIT_PER_MINUTE: '0' });
    seed = await seedWebRegistry(async (method, path, key, body) => {
      const res = await (method === 'GET' ? t.http.get(path) : t.http.post(path).send(body ?? {})).set('Authorization', `Bearer ${key}`);
      return { status: res.status, body: res.body };
    }, TEST_ADMIN_KEY);
  }, 60_000);
  afterAll(() => t.close());

  const page = (path: string, headers: Record<string, string> = {}) => t.http.get(path).set({ Accept: 'text/html', ...headers });

  /** A web page: HTML, the strict CSP (no inline style, no script allowed), no script element, the layout's landmarks. */
  function expectWebPage(res: Response, status = 200, lang = 'ja'): void {
    expect(res.status).toBe(status);
    expect(res.headers['content-type']).toBe('text/html; charset=utf-8');
    const csp = res.headers['content-security-policy'] as string;
    for (const part of WEB_CSP_PARTS) expect(csp.split('; ')).toContain(part);
    expect(csp).not.toMatch(/unsafe-inline|script-src/);
    expect(res.headers.vary).toBe('Accept-Language, Cookie');
    expect(res.text.startsWith('<!doctype html><html lang="')).toBe(true);
    expect(res.text).toContain(`<html lang="${lang}">`);
    expect(res.text).not.toMatch(/<script|style=/i);
    for (const landmark of ['<header', '<nav', '<main id="main"', '<footer']) expect(res.text).toContain(landmark);
  }

  const publicPages = () => [
    '/',
    '/register',
    `/register/${seed.cn}`,
    `/register/${seed.cfp}`,
    '/serials',
    '/serials?serial=JCL-ERL-R1-1-1000',
    '/verify',
    `/verify/${seed.cn}`,
    `/verify/${seed.cfp}`,
    `/verify/${seed.cnRetirement}`,
    `/verify/${seed.heldRetirement}`,
    '/log',
    '/schemes',
  ];

  it('answers every public page as HTML with the strict CSP, in Japanese by default', async () => {
    for (const path of publicPages()) expectWebPage(await page(path));
  });

  it('serves the one stylesheet under a content-hashed name, cached for a year; any other name is a 404 page', async () => {
    const home = await page('/');
    const href = /<link rel="stylesheet" href="(\/assets\/site-[0-9a-f]{12}\.css)"\/>/.exec(home.text)?.[1];
    expect(href).toBeDefined();
    const css = await t.http.get(href!).expect(200);
    expect(css.headers['content-type']).toBe('text/css; charset=utf-8');
    expect(css.headers['cache-control']).toBe('public, max-age=31536000, immutable');
    expect(css.text).toContain(':focus-visible');
    expectWebPage(await page('/assets/site-000000000000.css'), 404);
  });

  it('shows hostile text typed by people escaped, never as markup', async () => {
    const pages = {
      register: await page('/register'),
      claim: await page(`/register/${seed.cn}`),
      serial: await page('/serials?serial=JCL-ERL-R1-1-1000'),
      home: await page('/'),
      certificate: await page(`/verify/${seed.cnRetirement}`),
      held: await page(`/verify/${seed.heldRetirement}`),
      claimCertificate: await page(`/verify/${seed.cn}`),
    };
    for (const res of Object.values(pages)) {
      expect(res.text).not.toContain(HOSTILE_BENEFICIARY);
      expect(res.text).not.toContain('<b onmouseover');
      expect(res.text).not.toContain('<img src=x');
    }
    expect(pages.register.text).toContain(escaped(HOSTILE_HOLDER));
    expect(pages.home.text).toContain(escaped(HOSTILE_HOLDER));
    expect(pages.claim.text).toContain(escaped(HOSTILE_HOLDER));
    expect(pages.claim.text).toContain(`<td data-label="受益者" class="beneficiary">${escaped(HOSTILE_BENEFICIARY)}</td>`);
    expect(pages.claim.text).toContain(escaped(HOSTILE_PURPOSE));
    expect(pages.serial.text).toContain(`class="beneficiary">${escaped(HOSTILE_BENEFICIARY)}</td>`);
    expect(pages.certificate.text).toContain(`<dt>受益者</dt><dd>${escaped(HOSTILE_BENEFICIARY)}</dd>`);
    expect(pages.held.text).toContain(`<dt>償却の目的</dt><dd>${escaped(HOSTILE_PURPOSE)}</dd>`);
    expect(pages.claimCertificate.text).toContain(escaped(HOSTILE_HOLDER));
  });

  it('shows what was typed into a field back exactly, quotes and ampersands included', async () => {
    const typed = 'a&amp;"><script>x</script>';
    const res = await page(`/register?q=${encodeURIComponent(typed)}`).expect(200);
    expect(res.text).toContain(`name="q" value="${escaped(typed)}"`);
    const serial = await page(`/serials?serial=${encodeURIComponent(typed)}`).expect(400);
    expect(serial.text).toContain(`name="serial" value="${escaped(typed)}"`);
    expect(serial.text).not.toContain('<script>x');
  });

  it('lists the register with the filters the register query has, and refuses unreadable ones with the form', async () => {
    const numbers = async (query: string) => [...(await page(`/register?${query}`).expect(200)).text.matchAll(/href="\/register\/([A-Z]+-\d{4}-\d+)"/g)].map((m) => m[1]).sort();
    expect(await numbers('')).toEqual([seed.cn, seed.cfp].sort());
    expect(await numbers('type=CFP')).toEqual([seed.cfp]);
    expect(await numbers(`q=${encodeURIComponent('みどり')}`)).toEqual([seed.cn]);
    expect(await numbers(`q=${encodeURIComponent('ボールペン')}`)).toEqual([seed.cfp]);
    expect(await numbers('status=revoked')).toEqual([]);
    expect(await numbers('certifiedTo=2020-01-01')).toEqual([]);
    // The form shows what was asked.
    const filtered = await page('/register?type=CFP&q=%E3%83%9C').expect(200);
    expect(filtered.text).toContain('<option value="CFP" selected>');
    expect(filtered.text).toMatch(/<input type="search" id="q" name="q" value="ボ"/);
    expect(filtered.text).toContain(`href="/v1/register?q=%E3%83%9C&type=CFP&format=csv&lang=ja"`);

    const bad = await page('/register?certifiedFrom=2026-13-01&type=XYZ');
    expectWebPage(bad, 400);
    expect(bad.text).toMatch(/id="certifiedFrom" name="certifiedFrom" value="2026-13-01" aria-invalid="true" aria-describedby="date-hint certifiedFrom-error"/);
    expect(bad.text).toContain('<p class="field-error" id="certifiedFrom-error">日付は 年-月-日（例: 2026-04-01）で入力してください。</p>');
    expect(bad.text).toContain('<p class="field-error" id="type-error">一覧から選んでください。</p>');
    expect(bad.text).not.toContain('<table');
    const reversed = await page('/register?certifiedFrom=2026-04-01&certifiedTo=2026-03-31&lang=en');
    expectWebPage(reversed, 400, 'en');
    expect(reversed.text).toContain('The “until” date must not be before the “from” date.');
  });

  it('refuses unknown and repeated query parameters with a 400 page, as the API does', async () => {
    const unknown = await page('/register?holder=x');
    expectWebPage(unknown, 400);
    expect(unknown.text).toContain('query parameter holder is not a known query parameter here');
    expectWebPage(await page('/register?q=a&q=b'), 400);
    expectWebPage(await page('/schemes?x=1'), 400);
  });

  describe('register filters', () => {
    const numbers = async (query: string) => [...(await page(`/register?${query}`).expect(200)).text.matchAll(/href="\/register\/([A-Z]+-\d{4}-\d+)"/g)].map((m) => m[1]).sort();
    const q = (params: Record<string, string>) => new URLSearchParams(params).toString();

    it('filters by applicant, product, beneficiary and the claim period, each on its own and with the text search', async () => {
      expect(await numbers(q({ applicant: 'みどり' }))).toEqual([seed.cn]);
      expect(await numbers(q({ applicant: '文具' }))).toEqual([seed.cfp]);
      expect(await numbers(q({ product: 'ボールペン' }))).toEqual([seed.cfp]);
      expect(await numbers(q({ product: 'みどり' }))).toEqual([]); // the holder's name is not a product
      expect(await numbers(q({ beneficiary: 'alert(1)' }))).toEqual([seed.cn]);
      expect(await numbers(q({ beneficiary: '文具' }))).toEqual([seed.cfp]);
      // Both claims' periods are 2024-04-01 – 2025-03-31: a period overlapping it finds them, one beside it does not.
      expect(await numbers(q({ periodFrom: '2025-03-31' }))).toEqual([seed.cn, seed.cfp].sort());
      expect(await numbers(q({ periodFrom: '2025-04-01' }))).toEqual([]);
      expect(await numbers(q({ periodTo: '2024-04-01' }))).toEqual([seed.cn, seed.cfp].sort());
      expect(await numbers(q({ periodTo: '2024-03-31' }))).toEqual([]);
      expect(await numbers(q({ periodFrom: '2024-06-01', periodTo: '2024-06-30', type: 'CFP' }))).toEqual([seed.cfp]);
      // Combined with the text search and with each other: every filter must hold.
      expect(await numbers(q({ q: 'ボールペン', applicant: '文具' }))).toEqual([seed.cfp]);
      expect(await numbers(q({ q: 'ボールペン', applicant: 'みどり' }))).toEqual([]);
      expect(await numbers(q({ applicant: 'みどり', beneficiary: '文具' }))).toEqual([]);
    });

    it('answers the same claims as the API route with the same filters', async () => {
      const filters: Record<string, string>[] = [{ applicant: 'みどり' }, { product: 'ボールペン' }, { beneficiary: '文具' }, { periodFrom: '2025-04-01' }, { periodTo: '2024-04-01', type: 'CN' }];
      for (const params of filters) {
        const api = ((await t.http.get('/v1/register').query(params).expect(200)).body.items as { certificationNumber: string }[]).map((e) => e.certificationNumber).sort();
        expect(await numbers(q(params))).toEqual(api);
      }
    });

    it('shows the filters back in the form, and carries them into the CSV link and the paging links', async () => {
      const none = await page(`/register?${q({ product: 'x&y' })}`).expect(200);
      expect(none.text).toContain(`<input type="search" id="product" name="product" value="${escaped('x&y')}"`);
      expect(none.text).toContain('条件に合う認証はありません。');
      const res = await page(`/register?${q({ applicant: 'みどり', periodFrom: '2024-01-01', lang: 'en' })}`).expect(200);
      expect(res.text).toContain('<input type="search" id="applicant" name="applicant" value="みどり"');
      expect(res.text).toContain('<input type="date" id="periodFrom" name="periodFrom" value="2024-01-01"');
      expect(res.text).toContain('<label for="beneficiary">Beneficiary</label>');
      expect(res.text).toContain(`href="/v1/register?applicant=${encodeURIComponent('みどり')}&periodFrom=2024-01-01&format=csv&lang=en"`);
      // A later page links back to the first one with the same filters.
      const later = await page(`/register?${q({ applicant: 'みどり', type: 'CN', cursor: '0', lang: 'en' })}`).expect(200);
      expect(later.text).toContain(`<a href="/register?applicant=${encodeURIComponent('みどり')}&type=CN&lang=en">`);
    });

    it('refuses a bad filter value with a 400 page naming the field beside it', async () => {
      const bad = await page(`/register?${q({ periodFrom: '2025-02-30', applicant: 'a\u0007b', lang: 'en' })}`);
      expectWebPage(bad, 400, 'en');
      expect(bad.text).toMatch(/id="periodFrom" name="periodFrom" value="2025-02-30" aria-invalid="true" aria-describedby="period-hint periodFrom-error"/);
      expect(bad.text).toContain('<p class="field-error" id="periodFrom-error">Enter a date as year-month-day (e.g. 2026-04-01).</p>');
      expect(bad.text).toMatch(/id="applicant" name="applicant" value="[^"]*" maxlength="200" aria-invalid="true" aria-describedby="applicant-error"/);
      expect(bad.text).not.toContain('<table');
      const reversed = await page(`/register?${q({ periodFrom: '2025-04-01', periodTo: '2025-03-31' })}`);
      expectWebPage(reversed, 400);
      expect(reversed.text).toContain('<p class="field-error" id="periodTo-error">「まで」の日付は「から」の日付以降にしてください。</p>');
      const long = await page(`/register?${q({ beneficiary: 'x'.repeat(201) })}`);
      expectWebPage(long, 400);
      expect(long.text).toContain('id="beneficiary-error"');
    });
  });

  describe('verify pages', () => {
    it('shows the search form, and sends a certificate number to its page (303), keeping ?lang=', async () => {
      const search = await page('/verify?lang=en');
      expectWebPage(search, 200, 'en');
      expect(search.text).toContain('<a href="/verify?lang=en" aria-current="page">Verify a certificate</a>');
      expect(search.text).toContain('<form class="search" method="get" action="/verify" role="search" aria-labelledby="verify-h"><input type="hidden" name="lang" value="en"/>');
      expect(search.text).toMatch(/<input type="text" id="q-number" name="number"/);
      expect((await page(`/verify?number=%20${seed.cn}%20`).expect(303)).headers.location).toBe(`/verify/${seed.cn}`);
      expect((await page(`/verify?number=${seed.cn}&lang=en`).expect(303)).headers.location).toBe(`/verify/${seed.cn}?lang=en`);
      expect((await page('/verify?number=a%2Fb').expect(303)).headers.location).toBe('/verify/a%2Fb');
    });

    it('sends the serial searches of the old verify pages to the serial page (301), cursor and language kept', async () => {
      const res = await page('/verify?serial=JCL-ERL-R1-1-10&cursor=abc&lang=en').expect(301);
      expect(res.headers.location).toBe('/serials?serial=JCL-ERL-R1-1-10&cursor=abc&lang=en');
    });

    it("shows a retirement certificate: status, fields, the claim certificate it backs, the signature checked, JSON and PDF", async () => {
      const res = await page(`/verify/${seed.cnRetirement}?lang=en`);
      expectWebPage(res, 200, 'en');
      expect(res.text).toContain(`<h1 id="cert-h" class="mono">${seed.cnRetirement}</h1>`);
      expect(res.text).toContain('<span class="badge badge-ok">Valid</span>');
      expect(res.text).toContain('<dt>Managing registry’s record</dt><dd>J-Credit registry (無効化通知 JC-5001)</dd>');
      expect(res.text).toContain(`<a class="mono" href="/verify/${seed.cn}?lang=en">${seed.cn}</a>`);
      expect(res.text).toContain(`href="/register/${seed.cn}?lang=en"`);
      expect(res.text).toContain('Signature verified: this content is as the registry signed it.');
      expect(res.text).toContain(`href="/v1/certificates/${seed.cnRetirement}.pdf"`);
      expect(res.text).toContain(`href="/v1/certificates/${seed.cnRetirement}"`);
      expect(res.text).toContain('href="/v1/certificate-keys"');
      expect(res.text).toContain('<a href="/serials?serial=JCL-ERL-R5001-1-2001&lang=en">JCL-ERL-R5001-1-2001</a>');
      expect(res.text).not.toContain('version 2');
    });

    it('says a retirement without the official record is pending, in Japanese and English', async () => {
      const ja = await page(`/verify/${seed.heldRetirement}`);
      expectWebPage(ja);
      expect(ja.text).toContain('<dt>管理レジストリの記録</dt><dd>保留中 / Pending');
      expect(ja.text).toContain('署名を確認しました');
      const en = await page(`/verify/${seed.heldRetirement}`, { 'Accept-Language': 'en' });
      expectWebPage(en, 200, 'en');
      expect(en.text).toContain('<dd>Pending / 保留中');
    });

    it("shows a claim's certificate with its program, status and the retirement certificates behind it", async () => {
      const res = await page(`/verify/${seed.cn}?lang=en`);
      expectWebPage(res, 200, 'en');
      expect(res.text).toContain('Certificate of the claim · Carbon Neutral certification');
      expect(res.text).toContain('<span class="badge badge-ok">Valid</span>');
      expect(res.text).toContain(`<a class="mono" href="/verify/${seed.cnRetirement}?lang=en">${seed.cnRetirement}</a>`);
      expect(res.text).toContain('<dt>Required retirement</dt><dd>2,001 t-CO2</dd>');
      expect(res.text).toContain('Signature verified');
      expect(res.text).toContain(`href="/v1/certificates/${seed.cn}.pdf"`);
      const cfp = await page(`/verify/${seed.cfp}?lang=en`);
      expect(cfp.text).toContain('<dt>Product</dt><dd>ボールペン</dd>');
    });

    it('answers an unknown number with a 404 page that names it (escaped) and offers the form again', async () => {
      const res = await page('/verify/%3Cb%3ERC-1999-000001');
      expectWebPage(res, 404);
      expect(res.text).toContain('証明書番号「&lt;b>RC-1999-000001」の証明書は登録されていません。');
      expect(res.text).toContain('name="number" value="&lt;b>RC-1999-000001"');
    });

    it('refuses unknown and repeated query parameters with a 400 page naming them', async () => {
      const unknown = await page('/verify/RC-1999-000001?version=1');
      expectWebPage(unknown, 400);
      expect(unknown.text).toContain('query parameter version is not a known query parameter here');
      const twice = await page('/verify?number=a&number=b');
      expectWebPage(twice, 400);
      expect(twice.text).toContain('query parameter number must be given at most once');
    });
  });

  it("shows a claim's certificate, its links and the retirements behind it", async () => {
    const res = await page(`/register/${seed.cn}?lang=en`);
    expectWebPage(res, 200, 'en');
    expect(res.text).toContain(`<h1 class="mono">${seed.cn}</h1>`);
    expect(res.text).toContain(`href="/verify/${seed.cn}?lang=en"`);
    expect(res.text).toContain(`href="/v1/certificates/${seed.cn}.pdf"`);
    expect(res.text).toContain('<span class="badge badge-ok">Valid</span>');
    expect(res.text).toContain('<dt>Required retirement</dt><dd>2,001 t-CO2</dd>');
    expect(res.text).toContain('<dt>Verification</dt><dd>検証センター株式会社 (VR-2026-001,');
    expect(res.text).toContain(`<a class="mono" href="/verify/${seed.cnRetirement}?lang=en">${seed.cnRetirement}</a>`);
    expect(res.text).toContain('J-Credit registry (無効化通知 JC-5001)');
    expect(res.text).toContain('<td data-label="Serial numbers" class="mono">JCL-ERL-R5001-1-2001</td>');
    // The page's own links keep ?lang=en, so the language stays without a cookie.
    expect(res.text).toContain('<a href="/register?lang=en" aria-current="page">Register</a>');
  });

  it('answers an unknown certification number with a 404 page naming it (escaped)', async () => {
    const res = await page('/register/%3Cb%3ECN-2099-9999');
    expectWebPage(res, 404);
    expect(res.text).toContain('認証番号「&lt;b>CN-2099-9999」の認証は登録簿にありません。');
    // A retirement certificate is not a claim of the register.
    expectWebPage(await page(`/register/${seed.heldRetirement}`), 404);
  });

  it('searches a serial and shows its segments; an unreadable serial is a 400 page with the form', async () => {
    const res = await page('/serials?serial=JCL-ERL-R1-400-1200&lang=en');
    expectWebPage(res, 200, 'en');
    const rows = [...res.text.matchAll(/<tr class="segment segment-(\w+)"><td data-label="Range" class="mono">([^<]+)<\/td>/g)].map((m) => [m[1], m[2]]);
    expect(rows).toEqual([
      ['retired', '400 – 500'],
      ['held', '501 – 1000'],
      ['unknown', '1001 – 1200'],
    ]);
    expect(res.text).toContain(`href="/verify/${seed.heldRetirement}?lang=en"`);
    expect(res.text).not.toContain('rel="next"'); // one page

    const bad = await page('/serials?serial=NOT-A-SERIAL');
    expectWebPage(bad, 400);
    expect(bad.text).toContain('value="NOT-A-SERIAL"');
    expect(bad.text).toContain('aria-invalid="true" aria-describedby="serial-hint serial-error"');
    expect(bad.text).toContain('<p class="field-error" id="serial-error">シリアル番号を読み取れませんでした: ');
    const badCursor = await page('/serials?serial=JCL-ERL-R1-1-1000&cursor=zzz');
    expectWebPage(badCursor, 400);
    expect(badCursor.text).toContain('ページの指定を読み取れませんでした');
  });

  it("shows the log's latest checkpoint and the scheme list", async () => {
    const checkpoint = (await t.http.get('/v1/log/checkpoint').expect(200)).text;
    const [origin, size, root] = checkpoint.split('\n');
    const log = await page('/log');
    expectWebPage(log);
    expect(log.text).toContain(`<dd class="mono origin">${origin}</dd>`);
    expect(log.text).toMatch(/<dd class="tree-size">[\d,]+<\/dd>/);
    expect(Number(/<dd class="tree-size">([\d,]+)<\/dd>/.exec(log.text)![1].replace(/,/g, ''))).toBeGreaterThanOrEqual(Number(size));
    expect(root).toMatch(/=$/);

    const schemes = await page('/schemes?lang=en');
    expectWebPage(schemes, 200, 'en');
    for (const scheme of SCHEMES) expect(schemes.text).toContain(`<td data-label="Code" class="mono">${scheme.code}</td>`);
  });

  describe('language', () => {
    const langOf = async (path: string, headers: Record<string, string>) => /<html lang="(\w+)">/.exec((await page(path, headers).expect(200)).text)?.[1];

    it('is Japanese by default, English by ?lang=, by the cookie or by Accept-Language, in that order', async () => {
      expect(await langOf('/', {})).toBe('ja');
      expect(await langOf('/?lang=en', {})).toBe('en');
      expect(await langOf('/', { Cookie: 'other=1; lang=en' })).toBe('en');
      expect(await langOf('/', { 'Accept-Language': 'en-US,en;q=0.9' })).toBe('en');
      expect(await langOf('/', { 'Accept-Language': 'fr-FR, de' })).toBe('ja');
      expect(await langOf('/', { 'Accept-Language': 'en;q=0.5, ja;q=0.8' })).toBe('ja');
      expect(await langOf('/?lang=ja', { Cookie: 'lang=en', 'Accept-Language': 'en' })).toBe('ja');
      expect(await langOf('/', { Cookie: 'lang=ja', 'Accept-Language': 'en' })).toBe('ja');
      expect(await langOf('/', { Cookie: 'lang=xx', 'Accept-Language': 'en' })).toBe('en');
      const english = await page('/schemes', { Cookie: 'lang=en' });
      expect(english.text).toContain('<h1>Credit schemes</h1>');
      expect(english.text).toContain('<a class="lang-switch" href="/language/ja?next=%2Fschemes" lang="ja" hreflang="ja">日本語</a>');
    });

    it('is switched by a link that sets the cookie and goes back to the same page (local paths only)', async () => {
      const res = await t.http.get('/language/en').query({ next: '/register?q=x&lang=ja' }).expect(303);
      expect(res.headers.location).toBe('/register?q=x');
      expect(res.headers['set-cookie']).toEqual(['lang=en; Path=/; Max-Age=31536000; SameSite=Lax; HttpOnly']);
      for (const next of ['//evil.example/x', '/\\evil.example', 'https://evil.example/', '/\t/evil.example']) {
        expect((await t.http.get('/language/ja').query({ next }).expect(303)).headers.location).toBe('/');
      }
      expectWebPage(await page('/language/fr'), 404);
    });
  });

  describe('errors', () => {
    it('answers an address no route takes with a 404 page for browsers, problem+json for API clients', async () => {
      const html = await page('/no-such-page', { 'Accept-Language': 'en' });
      expectWebPage(html, 404, 'en');
      expect(html.text).toContain('<h1>Page not found</h1>');
      const json = await t.http.get('/no-such-page').set('Accept', 'application/json').expect(404);
      expect(json.headers['content-type']).toMatch(/^application\/problem\+json/);
      expect(json.body.code).toBe('NOT_FOUND');
      const api = await page('/v1/no-such-endpoint').expect(404);
      expect(api.headers['content-type']).toMatch(/^application\/problem\+json/);
    });

    it('keeps web routes out of the OpenAPI document', async () => {
      const paths = Object.keys((await t.http.get('/docs-json').expect(200)).body.paths as object);
      for (const web of ['/', '/register', '/register/{number}', '/serials', '/verify', '/verify/{number}', '/log', '/schemes', '/language/{lang}', '/assets/{name}']) expect(paths).not.toContain(web);
    });
  });
});
