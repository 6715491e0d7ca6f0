import AxeBuilder from '@axe-core/playwright';
import { existsSync, mkdirSync, readdirSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import type { Browser, BrowserContext, Page, Response } from 'playwright-core';
import { assertJapaneseGlyphs, inkRatio, launchChromium, readPng, waitForFiles, CHROMIUM_PATH } from '../support/browser-tools';
import { callApi } from '../support/http-client';
import { BUILT, freePort, REPO_ROOT, startProcess, waitForHttp, type RunningProcess } from '../support/processes';
import { createTestDatabase, type TestDatabase } from '../support/test-engine';
import { HOSTILE_BENEFICIARY, seedWebRegistry, type WebSeed } from '../support/web-seed';

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

const missing = existsSync(CHROMIUM_PATH) ? [] : [`${CHROMIUM_PATH} (apt-get install -y chromium)`];
const SKIP_NOTE = missing.length ? ` (skipped: missing ${missing.join('; ')})` : '';
if (missing.length) console.warn(`web-browser.int: browser test${SKIP_NOTE}`);
const describeWithBrowser = missing.length ? describe.skip : describe;

describeWithBrowser(`public web pages in headless Chromium${SKIP_NOTE}`, () => {
  let database: TestDatabase | undefined;
  let api: RunningProcess | undefined;
  let browser: Browser | undefined;
  let base: string;
  let seed: WebSeed;

  /** name → path of every public page (and the two error pages a person meets). */
  const pages = (): [string, string, number][] => [
    ['home', '/', 200],
    ['register', '/register', 200],
    ['register-filtered', '/register?type=CN&q=%E3%81%BF%E3%81%A9%E3%82%8A', 200],
    ['register-invalid', '/register?certifiedFrom=2026-13-01', 400],
    ['claim-cn', `/register/${seed.cn}`, 200],
    ['claim-cfp', `/register/${seed.cfp}`, 200],
    ['serials', '/serials', 200],
    ['serial-result', '/serials?serial=JCL-ERL-R1-400-1200', 200],
    ['log', '/log', 200],
    ['schemes', '/schemes', 200],
    ['not-found', '/no-such-page', 404],
  ];

  beforeAll(async () => {
    rmSync(OUT, { recursive: true, force: true });
    mkdirSync(OUT, { recursive: true });
    await waitForFiles([BUILT.api]);
    database = await createTestDatabase('sqlite');
    const port = await freePort();
    base = `http://127.0.0.1:${port}`;
    api = startProcess(BUILT.api, { ...database.env, PORT: String(port), PUBLIC_BASE_URL: base, ADMIN_API_KEY: ADMIN, RATE_LIMIT_PER_MINUTE: '0' });
    await waitForHttp(`${base}/health/ready`, 20_000, api);
    seed = await seedWebRegistry((method, path, key, body) => callApi(base, method, path, key, body), ADMIN);
    browser = await launchChromium();
  }, 60_000);

  afterAll(async () => {
    await browser?.close().catch(() => undefined);
    await api?.stop();
    await database?.drop();
  });

  /** A context as a person's browser: its language (Accept-Language), width and JavaScript setting; problems collected. */
  async function open(locale: string, viewport: { width: number; height: number }, javaScriptEnabled: boolean): Promise<{ context: BrowserContext; page: Page; problems: string[] }> {
    const context = await browser!.newContext({ locale, viewport, javaScriptEnabled });
    const page = await context.newPage();
    const problems: string[] = [];
    // A CSP violation (an inline style or script the policy refused) shows as a console error.
    page.on('console', (m) => {
      if (m.type() === 'error' && !/status of 40[04]/.test(m.text())) problems.push(`console: ${m.text()}`);
    });
    page.on('pageerror', (e) => problems.push(`pageerror: ${e.message}`));
    page.on('requestfailed', (r) => problems.push(`requestfailed: ${r.url()} ${r.failure()?.errorText}`));
    return { context, page, problems };
  }

  async function expectPage(page: Page, response: Response | null, status: number, lang: string): Promise<void> {
    expect(response?.status()).toBe(status);
    expect(response?.headers()['content-type']).toBe('text/html; charset=utf-8');
    expect(await page.locator('html').getAttribute('lang')).toBe(lang);
    expect(await page.locator('script').count()).toBe(0);
    // The stylesheet applied (the header's brand colour), so the CSP let it through.
    const headerBackground = await page.locator('.site-header').evaluate((el) => (globalThis as unknown as { getComputedStyle(e: unknown): { backgroundColor: string } }).getComputedStyle(el).backgroundColor);
    expect(headerBackground).toBe('rgb(11, 92, 67)');
  }

  /** Nothing wider than the window: no sideways scrolling at 390 px. */
  async function expectNoHorizontalScroll(page: Page, width: number): Promise<void> {
    const scrollWidth = await page.evaluate(() => (globalThis as unknown as { document: { documentElement: { scrollWidth: number } } }).document.documentElement.scrollWidth);
    expect(scrollWidth).toBeLessThanOrEqual(width);
  }

  for (const { lang, locale } of LANGS) {
    for (const size of WIDTHS) {
      it(`shows every page in ${lang} at ${size.name} width (${size.width} px), JavaScript on and off, with no serious or critical axe violation`, async () => {
        for (const javaScriptEnabled of [true, false]) {
          const { context, page, problems } = await open(locale, size, javaScriptEnabled);
          try {
            for (const [name, path, status] of pages()) {
              const response = await page.goto(`${base}${path}`);
              await expectPage(page, response, status, lang);
              await expectNoHorizontalScroll(page, size.width);
              const file = join(OUT, `${name}-${lang}-${size.name}-js-${javaScriptEnabled ? 'on' : 'off'}.png`);
              await page.screenshot({ path: file, fullPage: true });
              expect(inkRatio(readPng(file))).toBeGreaterThan(0.02);
              if (javaScriptEnabled) {
                // axe needs its script in the page; the DOM is the same with JavaScript off (the pages have none).
                const { violations } = await new AxeBuilder({ page }).withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa', 'best-practice']).analyze();
                const serious = violations.filter((v) => v.impact === 'serious' || v.impact === 'critical');
                expect(serious.map((v) => `${name}: ${v.id} (${v.impact}) ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`)).toEqual([]);
              }
            }
            if (lang === 'ja') await assertJapaneseGlyphs(context, page, 'main h1');
            expect(problems).toEqual([]);
          } finally {
            await context.close();
          }
        }
      }, 180_000);
    }
  }

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
    expect(shots.length).toBe(pages().length * LANGS.length * WIDTHS.length * 2 + 1);
  });
});
