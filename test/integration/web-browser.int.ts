import { mkdirSync, readdirSync, rmSync } from 'node:fs';
import { createServer } from 'node:http';
import type { AddressInfo, Socket } from 'node:net';
import { join } from 'node:path';
import type { Browser, Page, Response } from 'playwright-core';
import { assertJapaneseGlyphs, launchChromium, pngSummary, waitForFiles } from '../support/browser-tools';
import { BUILT, freePort, REPO_ROOT } from '../support/processes';
import { describeWithChromium, expectHtmlPage, expectNoHorizontalScroll, inBrowserMatrix, browserMatrixRuns, openBrowserContext, seriousAxeViolations, startSeededWebApi, type WebApi } from '../support/web-browser';
import { HOSTILE_BENEFICIARY, type WebSeed } from '../support/web-seed';

/**
 * The public web pages (issue 19) in Debian's Chromium through playwright-core: every page in
 * Japanese and English, at a desktop width and at 390 px, with JavaScript on and off; a screenshot
 * of each in test-output/web/; axe-core on each with no serious or critical violation; the forms
 * and the language switch used as a person would, without JavaScript.
 *
 * Needs (Debian): chromium and fonts-noto-cjk. Skipped, with a message, when chromium is missing.
 */

const ADMIN = 'web-browser-test-admin-key-0123456789';
const OUT = join(REPO_ROOT, 'test-output', 'web');

const LANGS = [
  { lang: 'ja', locale: 'ja-JP' },
  { lang: 'en', locale: 'en-US' },
] as const;
const WIDTHS = [
  { name: 'desktop', width: 1280, height: 900 },
  { name: 'mobile', width: 390, height: 844 },
] as const;

const { describeWithBrowser, skipNote } = describeWithChromium('web-browser.int');

describeWithBrowser(`public web pages in headless Chromium${skipNote}`, () => {
  let web: WebApi | undefined;
  let browser: Browser | undefined;
  let base: string;
  let seed: WebSeed;

  /** name → path of every public page (and the two error pages a person meets). */
  const pages = (): [string, string, number][] => [
    ['home', '/', 200],
    ['register', '/register', 200],
    ['register-filtered', '/register?type=CN&q=%E3%81%BF%E3%81%A9%E3%82%8A', 200],
    ['register-invalid', '/register?certifiedFrom=2026-13-01', 400],
    ['register-filters', `/register?${new URLSearchParams({ applicant: '文具', product: 'ボールペン', beneficiary: '文具', periodFrom: '2024-04-01', periodTo: '2025-03-31' })}`, 200],
    ['register-filters-invalid', '/register?periodFrom=2025-04-01&periodTo=2025-03-31&applicant=%07', 400],
    ['claim-cn', `/register/${seed.cn}`, 200],
    ['claim-cfp', `/register/${seed.cfp}`, 200],
    ['serials', '/serials', 200],
    ['serial-result', '/serials?serial=JCL-ERL-R1-400-1200', 200],
    ['verify', '/verify', 200],
    ['verify-retirement', `/verify/${seed.cnRetirement}`, 200],
    ['verify-pending', `/verify/${seed.heldRetirement}`, 200],
    ['verify-claim-cn', `/verify/${seed.cn}`, 200],
    ['verify-claim-cfp', `/verify/${seed.cfp}`, 200],
    ['verify-not-found', '/verify/RC-1999-000001', 404],
    ['log', '/log', 200],
    ['schemes', '/schemes', 200],
    ['not-found', '/no-such-page', 404],
  ];

  beforeAll(async () => {
    rmSync(OUT, { recursive: true, force: true });
    mkdirSync(OUT, { recursive: true });
    await waitForFiles([BUILT.api]);
    web = await startSeededWebApi(ADMIN);
    ({ base, seed } = web);
    browser = await launchChromium();
  }, 60_000);

  afterAll(async () => {
    await browser?.close().catch(() => undefined);
    await web?.api.stop();
    await web?.database.drop();
  });

  /** The pages answer 400 and 404 on purpose (an invalid filter, an unknown page). */
  const open = (locale: string, viewport: { width: number; height: number }, javaScriptEnabled: boolean) =>
    openBrowserContext(browser!, { locale, viewport, javaScriptEnabled, expectedStatuses: /status of 40[04]/ });

  async function expectPage(page: Page, response: Response | null, status: number, lang: string): Promise<void> {
    await expectHtmlPage(page, response, status, lang);
    // The stylesheet applied (the header's brand colour), so the CSP let it through.
    const headerBackground = await page.locator('.site-header').evaluate((el) => (globalThis as unknown as { getComputedStyle(e: unknown): { backgroundColor: string } }).getComputedStyle(el).backgroundColor);
    expect(headerBackground).toBe('rgb(11, 92, 67)');
  }

  // One test per language, width and JavaScript setting: on a loaded machine each page with its axe run takes seconds.
  for (const { lang, locale } of LANGS) {
    for (const size of WIDTHS) {
      for (const javaScriptEnabled of [true, false]) {
        if (!inBrowserMatrix(lang, size.width, javaScriptEnabled)) continue;
        it(`shows every page in ${lang} at ${size.name} width (${size.width} px), JavaScript ${javaScriptEnabled ? 'on' : 'off'}, with no serious or critical axe violation`, async () => {
          const { context, page, problems } = await open(locale, size, javaScriptEnabled);
          try {
            for (const [name, path, status] of pages()) {
              const response = await page.goto(`${base}${path}`);
              await expectPage(page, response, status, lang);
              await expectNoHorizontalScroll(page, size.width);
              const file = join(OUT, `${name}-${lang}-${size.name}-js-${javaScriptEnabled ? 'on' : 'off'}.png`);
              await page.screenshot({ path: file, fullPage: true });
              expect((await pngSummary(file)).ink).toBeGreaterThan(0.02);
              if (javaScriptEnabled) {
                // axe needs its script in the page; the DOM is the same with JavaScript off (the pages have none).
                expect(await seriousAxeViolations(page, name)).toEqual([]);
              }
            }
            if (lang === 'ja') await assertJapaneseGlyphs(context, page, 'main h1');
            expect(problems).toEqual([]);
          } finally {
            await context.close();
          }
        }, 420_000);
      }
    }
  }

  it('the axe check finds what it looks for: an image without alt text and an unlabelled field are serious violations', async () => {
    const { context, page } = await open('en-US', { width: 1280, height: 900 }, true);
    try {
      await page.setContent('<!doctype html><html lang="en"><head><title>bad</title></head><body><main><h1>Bad</h1><img src="data:image/gif;base64,R0lGODlhAQABAAAAACw=" /><input type="text" /></main></body></html>');
      const found = await seriousAxeViolations(page, 'bad');
      expect(found.map((line) => line.split(' ')[1])).toEqual(expect.arrayContaining(['image-alt', 'label']));
    } finally {
      await context.close();
    }
  }, 60_000);

  it('counts a request that failed as a problem, but not one the page gave up on when it was left', async () => {
    const { context, page, problems } = await open('en-US', { width: 1280, height: 900 }, false);
    const sockets: Socket[] = [];
    // Never answers, except /no-content: 204.
    const silent = createServer((req, res) => void (req.url === '/no-content' && res.writeHead(204).end())).on('connection', (socket) => sockets.push(socket));
    try {
      await new Promise<void>((resolve) => silent.listen(0, '127.0.0.1', resolve));
      const silentPort = (silent.address() as AddressInfo).port;
      const closedPort = await freePort();
      // An image that never arrives, on a page left for another one: Chromium aborts it. (The pages
      // are about:blank: the registry's own pages forbid images from elsewhere.)
      await page.setContent(`<!doctype html><html lang="en"><body><img alt="slow" src="http://127.0.0.1:${silentPort}/never.png"></body></html>`, { waitUntil: 'domcontentloaded' });
      await page.goto(`${base}/schemes`);
      expect(problems).toEqual([]);
      // An image whose server is not there at all is a failure the test must see.
      await page.goto('about:blank');
      await page.setContent(`<!doctype html><html lang="en"><body><img alt="gone" src="http://127.0.0.1:${closedPort}/gone.png"></body></html>`);
      expect(problems).toContain(`requestfailed: http://127.0.0.1:${closedPort}/gone.png net::ERR_CONNECTION_REFUSED`);
      problems.length = 0;
      // A navigation cut short by a later one (a meta refresh interrupted by a click) is dropped too ...
      const firstSeen = page.waitForRequest(`http://127.0.0.1:${silentPort}/never`);
      const abandoned = page.goto(`http://127.0.0.1:${silentPort}/never`).catch(() => undefined);
      await firstSeen;
      await page.goto(`${base}/schemes`);
      await abandoned;
      expect(problems).toEqual([]);
      // ... but a navigation that ends aborted with nothing after it (a page answered 204) is seen.
      await page.goto(`http://127.0.0.1:${silentPort}/no-content`).catch(() => undefined);
      expect(problems).toEqual([`requestfailed: http://127.0.0.1:${silentPort}/no-content net::ERR_ABORTED`]);
    } finally {
      await context.close();
      sockets.forEach((socket) => socket.destroy());
      await new Promise((resolve) => silent.close(resolve));
    }
  }, 60_000);

  it('filters the register with the separate filters, pages keep them, and verifies a certificate by its number, without JavaScript', async () => {
    const { context, page, problems } = await open('en-US', { width: 390, height: 844 }, false);
    try {
      await page.goto(`${base}/register`);
      await page.fill('#product', 'ボールペン');
      await page.fill('#periodFrom', '2024-04-01');
      await page.selectOption('#type', 'CFP');
      const [filtered] = await Promise.all([page.waitForNavigation(), page.click('form.filters button[type=submit]')]);
      await expectPage(page, filtered, 200, 'en');
      const asked = new URL(page.url()).searchParams;
      expect([asked.get('product'), asked.get('periodFrom'), asked.get('type')]).toEqual(['ボールペン', '2024-04-01', 'CFP']);
      expect(await page.locator('table.register tbody tr').count()).toBe(1);
      expect(await page.inputValue('#product')).toBe('ボールペン');
      await page.screenshot({ path: join(OUT, 'flow-register-filtered-en-mobile.png'), fullPage: true });

      // A bad filter value: the same form, 400, the message beside the field.
      await page.fill('#periodTo', '2024-01-01');
      const [refused] = await Promise.all([page.waitForNavigation(), page.click('form.filters button[type=submit]')]);
      await expectPage(page, refused, 400, 'en');
      expect(await page.locator('#periodTo-error').textContent()).toBe('The “until” date must not be before the “from” date.');

      // The claim's page links to its certificate; the certificate page says the signature holds.
      await page.goto(`${base}/register/${seed.cfp}`);
      const [certificate] = await Promise.all([page.waitForNavigation(), page.click(`main a[href="/verify/${seed.cfp}?lang=en"]`)]);
      await expectPage(page, certificate, 200, 'en');
      expect(await page.locator('h1#cert-h').textContent()).toBe(seed.cfp);
      expect(await page.locator('.signature-check').textContent()).toContain('Signature verified');

      // The number form: a 303 to the certificate's page.
      await page.goto(`${base}/verify`);
      await page.fill('#q-number', seed.cnRetirement);
      const [verified] = await Promise.all([page.waitForNavigation(), page.click('form[action="/verify"] button[type=submit]')]);
      await expectPage(page, verified, 200, 'en');
      expect(await verified!.request().redirectedFrom()?.response().then((r) => r?.status())).toBe(303);
      expect(new URL(page.url()).pathname).toBe(`/verify/${seed.cnRetirement}`);
      expect(await page.locator('h1#cert-h').textContent()).toBe(seed.cnRetirement);
      await page.screenshot({ path: join(OUT, 'flow-verify-en-mobile.png'), fullPage: true });
      expect(problems).toEqual([]);
    } finally {
      await context.close();
    }
  }, 60_000);

  it('searches the register and a serial with the forms, and follows the language switch, without JavaScript', async () => {
    const { context, page, problems } = await open('ja-JP', { width: 390, height: 844 }, false);
    try {
      await page.goto(`${base}/`);
      await page.fill('#home-q', 'みどり');
      const [registered] = await Promise.all([page.waitForNavigation(), page.click('form[action="/register"] button[type=submit]')]);
      await expectPage(page, registered, 200, 'ja');
      expect(new URL(page.url()).searchParams.get('q')).toBe('みどり');
      expect(await page.locator('table.register tbody tr').count()).toBe(1);
      await page.click(`a[href="/register/${seed.cn}"]`);
      expect(await page.locator('h1').textContent()).toBe(seed.cn);
      // The hostile beneficiary is text on the page, not markup.
      expect(await page.locator('td.beneficiary').first().textContent()).toBe(HOSTILE_BENEFICIARY);

      await page.goto(`${base}/serials`);
      await page.fill('#serial', 'JCL-ERL-R1-400-1200');
      const [searched] = await Promise.all([page.waitForNavigation(), page.click('form[action="/serials"] button[type=submit]')]);
      await expectPage(page, searched, 200, 'ja');
      expect(await page.locator('tr.segment').count()).toBe(3);
      expect(await page.locator('tr.segment-retired td.beneficiary').textContent()).toBe(HOSTILE_BENEFICIARY);

      // The switch: English from now on (a cookie), back on the same search.
      const [switched] = await Promise.all([page.waitForNavigation(), page.click('header a.lang-switch')]);
      await expectPage(page, switched, 200, 'en');
      expect(new URL(page.url()).pathname).toBe('/serials');
      expect(new URL(page.url()).searchParams.get('serial')).toBe('JCL-ERL-R1-400-1200');
      expect((await context.cookies()).find((c) => c.name === 'lang')).toMatchObject({ value: 'en', httpOnly: true, sameSite: 'Lax' });
      const [schemes] = await Promise.all([page.waitForNavigation(), page.click('nav.site-nav a[href="/schemes"]')]);
      await expectPage(page, schemes, 200, 'en');
      expect(await page.locator('h1').textContent()).toBe('Credit schemes');
      await page.screenshot({ path: join(OUT, 'switched-to-en-mobile.png'), fullPage: true });
      expect(problems).toEqual([]);
    } finally {
      await context.close();
    }
  }, 60_000);

  it('left a screenshot of each page, language, width and JavaScript setting in test-output/web/', () => {
    const shots = readdirSync(OUT).filter((f) => f.endsWith('.png'));
    expect(shots.length).toBe(pages().length * browserMatrixRuns() + 3);
  });
});
