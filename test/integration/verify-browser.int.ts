import { mkdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Browser, BrowserContext, Page, Response } from 'playwright-core';
import {
  assertJapaneseGlyphs,
  decodeQr,
  launchChromium,
  missingBrowserTools,
  pdfFirstPageToPng,
  pngSummary,
  recordFailedRequests,
  waitForFiles,
} from '../support/browser-tools';
import { callApi } from '../support/http-client';
import { BUILT, freePort, REPO_ROOT, startProcess, waitForHttp, type RunningProcess } from '../support/processes';
import { createTestDatabase, type TestDatabase } from '../support/test-engine';

/**
 * The public verify pages (web pages since issue 19) in a real headless Chromium (Debian's `chromium`, driven by
 * playwright-core) with JavaScript disabled: from the QR code printed on the certificate PDF to
 * the certificate page, on to the serial page, the certificate-number search, and a revoked
 * certificate. The PNGs it leaves in test-output/browser/ are meant to be looked at.
 *
 * Needs (Debian): chromium, poppler-utils (pdftoppm), fonts-noto-cjk (Japanese glyphs in Chromium).
 * Skipped, with a message, when chromium or pdftoppm is missing; fails when Japanese text would
 * be drawn as tofu boxes.
 */

const ADMIN = 'browser-test-admin-key-0123456789';
const OUT = join(REPO_ROOT, 'test-output', 'browser');
const BENEFICIARY = '株式会社みどり製菓';
const PURPOSE = 'カーボン・ニュートラル認証';
const VOID_REASON = '受益者の誤記による取消';

const missing = missingBrowserTools();
const SKIP_NOTE = missing.length ? ` (skipped: missing ${missing.join('; ')})` : '';
if (missing.length) console.warn(`verify-browser.int: browser test${SKIP_NOTE}`);
const describeWithBrowser = missing.length ? describe.skip : describe;

describeWithBrowser(`verify pages in headless Chromium, JavaScript disabled${SKIP_NOTE}`, () => {
  let database: TestDatabase | undefined;
  let api: RunningProcess | undefined;
  let browser: Browser | undefined;
  let context: BrowserContext;
  let page: Page;
  let base: string;
  let number: string;
  let retirementId: string;
  let verifyUrl: string | undefined;
  /** Console errors (e.g. CSP violations), page errors and failed requests, checked after every step. */
  const problems: string[] = [];

  const out = (name: string) => join(OUT, name);
  const text = async (selector: string) => ((await page.locator(selector).first().textContent()) ?? '').replace(/\s+/g, ' ').trim();
  /** The <dd> next to the <dt> labelled `label` in the certificate's field list. */
  const field = async (label: string) =>
    ((await page.locator(`xpath=//dl[contains(@class,"fields")]/dt[normalize-space(.)="${label}"]/following-sibling::dd[1]`).textContent()) ?? '').trim();
  // Runs in the page; this project's tsconfig has no DOM lib, hence the local type for getComputedStyle.
  const backgroundOf = (selector: string) =>
    page
      .locator(selector)
      .first()
      .evaluate((el) => (globalThis as unknown as { getComputedStyle(e: unknown): { backgroundColor: string } }).getComputedStyle(el).backgroundColor);

  async function screenshot(name: string): Promise<void> {
    const file = out(name);
    await page.screenshot({ path: file, fullPage: true });
    const png = await pngSummary(file);
    expect(png.width).toBeGreaterThanOrEqual(800);
    expect(png.ink).toBeGreaterThan(0.05); // not a blank page
  }

  /** Every page the user sees: HTML with the web pages' CSP and no script at all. */
  async function expectVerifyDocument(response: Response | null, status = 200): Promise<void> {
    expect(response).not.toBeNull();
    expect(response!.status()).toBe(status);
    expect(response!.headers()['content-type']).toMatch(/^text\/html/);
    expect(response!.headers()['content-security-policy']).toMatch(/default-src 'none'/);
    expect(await page.locator('script').count()).toBe(0);
  }

  beforeAll(async () => {
    rmSync(OUT, { recursive: true, force: true });
    mkdirSync(OUT, { recursive: true });
    await waitForFiles([BUILT.api]);

    database = await createTestDatabase('sqlite');
    const port = await freePort();
    base = `http://127.0.0.1:${port}`;
    api = startProcess(BUILT.api, {
      ...database.env,
      PORT: String(port),
      PUBLIC_BASE_URL: base,
      ADMIN_API_KEY: ADMIN,
      RATE_LIMIT_PER_MINUTE: '0',
    });
    await waitForHttp(`${base}/health/ready`, 20_000, api);

    const org = await callApi(base, 'POST', '/v1/organizations', ADMIN, { name: '株式会社サンプル', roles: ['provider'] });
    expect(org.status).toBe(201);
    const key = await callApi(base, 'POST', `/v1/organizations/${org.body.id}/api-keys`, ADMIN, {});
    expect(key.status).toBe(201);
    const holding = await callApi(base, 'POST', '/v1/holdings', key.body.key, { serial: 'JCL-ERL-R1-1-1000', evidence: { registry: 'J-Credit registry', reference: 'account statement 0001' } });
    expect(holding.status).toBe(201);
    const retirement = await callApi(base, 'POST', '/v1/retirements', key.body.key, {
      serials: ['JCL-ERL-R1-1-500'],
      beneficiary: BENEFICIARY,
      purpose: PURPOSE,
    });
    expect(retirement.status).toBe(201);
    number = retirement.body.certificateNumber;
    retirementId = retirement.body.id;
    expect(number).toEqual(expect.any(String));

    browser = await launchChromium();
    // A Japanese phone scanning the QR code: Accept-Language ja; no JavaScript at all.
    context = await browser.newContext({ javaScriptEnabled: false, locale: 'ja-JP', viewport: { width: 1000, height: 800 } });
    page = await context.newPage();
    page.on('console', (m) => {
      if (m.type() === 'error') problems.push(`console: ${m.text()} (${m.location().url})`);
    });
    page.on('pageerror', (e) => problems.push(`pageerror: ${e.message}`));
    recordFailedRequests(page, problems);
  }, 45_000);

  afterAll(async () => {
    await browser?.close().catch(() => undefined);
    await api?.stop();
    await database?.drop();
  });

  afterEach(() => {
    expect(problems.splice(0)).toEqual([]);
  });

  it('prints a QR code on the PDF that points to this server’s verify page', async () => {
    const pdfUrl = `${base}/v1/certificates/${encodeURIComponent(number)}.pdf`;
    const deadline = Date.now() + 30_000;
    let res = await fetch(pdfUrl);
    while (res.status === 202) {
      expect(Number(res.headers.get('retry-after'))).toBeGreaterThan(0);
      if (Date.now() > deadline) throw new Error(`the PDF of ${number} was still rendering after 30 s\n${api?.output()}`);
      await new Promise((r) => setTimeout(r, 250));
      res = await fetch(pdfUrl);
    }
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toBe('application/pdf');
    const pdf = Buffer.from(await res.arrayBuffer());
    expect(pdf.subarray(0, 5).toString('latin1')).toBe('%PDF-');
    writeFileSync(out('certificate.pdf'), pdf);

    const png = pdfFirstPageToPng(out('certificate.pdf'), out('certificate-page1'), 100);
    expect(png).toBe(out('certificate-page1.png'));
    expect(statSync(png).size).toBeGreaterThan(10_000);
    expect((await pngSummary(png)).ink).toBeGreaterThan(0.01);

    verifyUrl = (await decodeQr(png)) ?? undefined;
    expect(verifyUrl).toBe(`${base}/verify/${encodeURIComponent(number)}`);
  });

  it('opens the QR URL and shows a valid certificate', async () => {
    if (!verifyUrl) throw new Error('needs the verify URL decoded from the PDF (previous test)');
    const response = await page.goto(verifyUrl);
    await expectVerifyDocument(response);
    expect(await page.locator('html').getAttribute('lang')).toBe('ja');
    expect(await text('.status-line .badge')).toBe('有効');
    expect(await page.locator('.status-line .badge').getAttribute('class')).toContain('badge-ok');
    expect(await backgroundOf('.status-line .badge-ok')).toBe('rgb(230, 244, 234)'); // the stylesheet passed the CSP
    expect(await text('.signature-check')).toContain('署名を確認しました');
    expect(await text('h1#cert-h')).toBe(number);
    expect(await field('証明書番号')).toBe(number);
    expect(await field('受益者')).toBe(BENEFICIARY);
    expect(await field('償却の目的')).toBe(PURPOSE);
    expect(await page.locator('.revocation').count()).toBe(0);
    expect(await page.locator('table.stack tbody tr').allTextContents()).toEqual([expect.stringContaining('JCL-ERL-R1-1-500')]);
    await screenshot('verify-valid.png');
    await assertJapaneseGlyphs(context, page, '.status-line + p.note');
  });

  it('goes on to the serial page, searches a serial there and shows retired and held segments', async () => {
    const [serialPage] = await Promise.all([page.waitForNavigation(), page.click('main a[href="/serials"]')]);
    await expectVerifyDocument(serialPage);
    await page.fill('#serial', 'JCL-ERL-R1-400-700');
    const [response] = await Promise.all([page.waitForNavigation(), page.click('form[action="/serials"] button[type=submit]')]);
    await expectVerifyDocument(response);
    const url = new URL(page.url());
    expect(url.pathname).toBe('/serials');
    expect(url.searchParams.get('serial')).toBe('JCL-ERL-R1-400-700');
    expect(await text('h2#result-h')).toContain('JCL-ERL-R1-400-700');

    const rows = page.locator('tr.segment');
    expect(await rows.count()).toBe(2);
    const retired = rows.nth(0);
    expect(await retired.getAttribute('class')).toContain('segment-retired');
    expect((await retired.locator('td').nth(0).textContent())?.trim()).toBe('400 – 500');
    expect((await retired.locator('td').nth(1).textContent())?.trim()).toBe('101');
    expect((await retired.locator('.badge').textContent())?.trim()).toBe('償却済み');
    expect(await retired.locator('a').textContent()).toBe(number);
    expect(await retired.locator('a').getAttribute('href')).toBe(`/verify/${encodeURIComponent(number)}?lang=ja`);
    expect(await retired.textContent()).toContain(BENEFICIARY);
    const held = rows.nth(1);
    expect(await held.getAttribute('class')).toContain('segment-held');
    expect((await held.locator('td').nth(0).textContent())?.trim()).toBe('501 – 700');
    expect((await held.locator('td').nth(1).textContent())?.trim()).toBe('200');
    expect((await held.locator('.badge').textContent())?.trim()).toBe('保有中');
    expect(await held.locator('a').count()).toBe(0);
    await screenshot('verify-serial.png');
    await assertJapaneseGlyphs(context, page, 'tr.segment-held .badge');

    // The segment's certificate link leads to the certificate.
    const [linked] = await Promise.all([page.waitForNavigation(), retired.locator('a').click()]);
    await expectVerifyDocument(linked);
    expect(await text('h1#cert-h')).toBe(number);
  });

  it('searches a certificate number with the form: a 303 redirect to the certificate page', async () => {
    const search = await page.goto(`${base}/verify`);
    await expectVerifyDocument(search);
    expect(await page.locator('form input[name=number]#q-number').count()).toBe(1);
    expect(await page.locator('label[for=q-number]').textContent()).toBe('証明書番号');
    await page.fill('#q-number', number);
    const [response] = await Promise.all([page.waitForNavigation(), page.click('form:has(#q-number) button[type=submit]')]);
    await expectVerifyDocument(response);
    const redirect = await response!.request().redirectedFrom()?.response();
    expect(redirect?.status()).toBe(303);
    expect(new URL(redirect!.url()).searchParams.get('number')).toBe(number);
    expect(page.url()).toBe(`${base}/verify/${encodeURIComponent(number)}`);
    expect(await text('h1#cert-h')).toBe(number);
    expect(await text('.status-line .badge')).toBe('有効');
  });

  it('shows the certificate as revoked once its retirement is voided, in Japanese and English', async () => {
    const voided = await callApi(base, 'POST', `/v1/retirements/${retirementId}/void`, ADMIN, { reason: VOID_REASON });
    expect([200, 201]).toContain(voided.status);
    expect(voided.body.status).toBe('voided');

    const response = await page.reload();
    await expectVerifyDocument(response);
    expect(await text('h1#cert-h')).toBe(number);
    expect(await text('.status-line .badge')).toBe('取消');
    expect(await page.locator('.status-line .badge').getAttribute('class')).toContain('badge-bad');
    expect(await backgroundOf('.status-line .badge-bad')).toBe('rgb(253, 236, 234)');
    expect(await text('.revocation')).toContain('この証明書は取り消されました。');
    expect(await text('.revocation')).toContain(`理由: ${VOID_REASON}`);
    expect(await page.locator('.status-line + p.note').count()).toBe(0); // no "valid" note any more
    await screenshot('verify-revoked.png');
    await assertJapaneseGlyphs(context, page, '.revocation p');

    // The language switch of the page itself: back to the same certificate, in English.
    expect(await text('header a.lang-switch')).toBe('English');
    const [english] = await Promise.all([page.waitForNavigation(), page.click('header a.lang-switch')]);
    await expectVerifyDocument(english);
    expect(new URL(page.url()).pathname).toBe(`/verify/${encodeURIComponent(number)}`);
    expect(await page.locator('html').getAttribute('lang')).toBe('en');
    expect(await text('.status-line .badge')).toBe('Revoked');
    expect(await text('.revocation')).toContain('This certificate has been revoked.');
    expect(await text('.revocation')).toContain(`Reason: ${VOID_REASON}`);
    expect(await field('Beneficiary')).toBe(BENEFICIARY);
    expect(await text('header a.lang-switch')).toBe('日本語');
    await screenshot('verify-revoked-en.png');

    // The voided retirement's serials went back to their holder: the serial page no longer shows them
    // retired (reached by the old verify pages' serial address, which now leads there).
    const serial = await page.goto(`${base}/verify?serial=JCL-ERL-R1-400-700&lang=en`);
    await expectVerifyDocument(serial);
    const rows = page.locator('tr.segment');
    const segments = await rows.evaluateAll((trs) => trs.map((tr) => ({ status: tr.className, range: tr.querySelector('td')?.textContent?.trim(), links: tr.querySelectorAll('a').length })));
    // One segment: the held blocks the void gave back look alike to an anonymous reader, so they merge.
    expect(segments).toEqual([{ status: 'segment segment-held', range: '400 – 700', links: 0 }]);
  });

  it('left the PNGs of this run in test-output/browser/', () => {
    for (const name of ['certificate-page1.png', 'verify-valid.png', 'verify-serial.png', 'verify-revoked.png', 'verify-revoked-en.png']) {
      expect(readFileSync(out(name)).subarray(1, 4).toString('latin1')).toBe('PNG');
    }
  });
});
