import AxeBuilder from '@axe-core/playwright';
import { CreatePersonUseCase } from '@registry/ledger';
import { existsSync, mkdirSync, readdirSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import type { Browser, BrowserContext, Page, Response } from 'playwright-core';
import { assertJapaneseGlyphs, CHROMIUM_PATH, inkRatio, launchChromium, readPng, waitForFiles } from '../support/browser-tools';
import { callApi } from '../support/http-client';
import { startPeopleContext, type PeopleContext } from '../support/people-context';
import { BUILT, freePort, REPO_ROOT, startProcess, waitForHttp, type RunningProcess } from '../support/processes';
import { createTestDatabase, type TestDatabase } from '../support/test-engine';
import { HOSTILE_HOLDER, seedWebRegistry, type WebSeed } from '../support/web-seed';

/**
 * Signing in (issue 19) in Debian's Chromium through playwright-core, with JavaScript off as a
 * person with scripts disabled would: the sign-in form reached from a signed-in page, a refusal,
 * then /account, /holdings and /retirements in Japanese and English at 1280 and 390 px, a
 * screenshot of each in test-output/web-signed-in/, axe-core on each (no serious or critical
 * violation), and sign-out. Skipped, with a message, when chromium is missing.
 */

const ADMIN = 'web-signed-in-browser-admin-key-0123456789';
const OUT = join(REPO_ROOT, 'test-output', 'web-signed-in');
const PASSWORD = 'a long enough demo password';

const LANGS = [
  { lang: 'ja', locale: 'ja-JP', holdings: '保有しているクレジット' },
  { lang: 'en', locale: 'en-US', holdings: 'Credits held' },
] as const;
const WIDTHS = [
  { name: 'desktop', width: 1280, height: 900 },
  { name: 'mobile', width: 390, height: 844 },
] as const;
/** The pages a signed-in provider opens, each a screenshot and an axe run. */
const SIGNED_IN_PAGES = ['account', 'holdings', 'retirements'] as const;

const missing = existsSync(CHROMIUM_PATH) ? [] : [`${CHROMIUM_PATH} (apt-get install -y chromium)`];
const SKIP_NOTE = missing.length ? ` (skipped: missing ${missing.join('; ')})` : '';
if (missing.length) console.warn(`web-signed-in-browser.int: browser test${SKIP_NOTE}`);
const describeWithBrowser = missing.length ? describe.skip : describe;

describeWithBrowser(`signed-in web pages in headless Chromium${SKIP_NOTE}`, () => {
  let database: TestDatabase | undefined;
  let api: RunningProcess | undefined;
  let people: PeopleContext | undefined;
  let browser: Browser | undefined;
  let base: string;
  let seed: WebSeed;
  const email = `provider.${Date.now()}@example.jp`;

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
    // The person is opened beside the running API, on its database, as `people` commands do.
    people = await startPeopleContext({ database });
    await people.app.get(CreatePersonUseCase).execute({ organizationId: seed.providerId, email, password: PASSWORD, roles: ['provider', 'applicant'], actor: { kind: 'admin' } });
    browser = await launchChromium();
  }, 90_000);

  afterAll(async () => {
    await browser?.close().catch(() => undefined);
    await people?.close();
    await api?.stop();
    await database?.drop();
  });

  async function open(locale: string, viewport: { width: number; height: number }, javaScriptEnabled: boolean): Promise<{ context: BrowserContext; page: Page; problems: string[] }> {
    const context = await browser!.newContext({ locale, viewport, javaScriptEnabled });
    const page = await context.newPage();
    const problems: string[] = [];
    page.on('console', (m) => {
      if (m.type() === 'error' && !/status of 4(22|03)/.test(m.text())) problems.push(`console: ${m.text()}`);
    });
    page.on('pageerror', (e) => problems.push(`pageerror: ${e.message}`));
    page.on('requestfailed', (r) => problems.push(`requestfailed: ${r.url()} ${r.failure()?.errorText}`));
    return { context, page, problems };
  }

  async function expectPage(page: Page, response: Response | null, status: number, lang: string, width: number): Promise<void> {
    expect(response?.status()).toBe(status);
    expect(response?.headers()['content-type']).toBe('text/html; charset=utf-8');
    expect(await page.locator('html').getAttribute('lang')).toBe(lang);
    expect(await page.locator('script').count()).toBe(0);
    const scrollWidth = await page.evaluate(() => (globalThis as unknown as { document: { documentElement: { scrollWidth: number } } }).document.documentElement.scrollWidth);
    expect(scrollWidth).toBeLessThanOrEqual(width);
  }

  async function shoot(page: Page, name: string): Promise<void> {
    const file = join(OUT, `${name}.png`);
    await page.screenshot({ path: file, fullPage: true });
    expect(inkRatio(readPng(file))).toBeGreaterThan(0.02);
  }

  /** axe runs in a context with JavaScript on (it injects its script), on the same pages with the same cookies. */
  async function axe(context: BrowserContext, paths: string[], locale: string, viewport: { width: number; height: number }): Promise<string[]> {
    const checker = await browser!.newContext({ locale, viewport, javaScriptEnabled: true });
    try {
      await checker.addCookies(await context.cookies());
      const page = await checker.newPage();
      const found: string[] = [];
      for (const path of paths) {
        await page.goto(`${base}${path}`);
        const { violations } = await new AxeBuilder({ page }).withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa', 'best-practice']).analyze();
        for (const v of violations.filter((v) => v.impact === 'serious' || v.impact === 'critical')) found.push(`${path}: ${v.id} (${v.impact}) ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`);
      }
      return found;
    } finally {
      await checker.close();
    }
  }

  for (const { lang, locale, holdings } of LANGS) {
    for (const size of WIDTHS) {
      it(`signs in without JavaScript and shows /account, /holdings and /retirements in ${lang} at ${size.width} px`, async () => {
        const { context, page, problems } = await open(locale, size, false);
        const tag = `${lang}-${size.name}`;
        try {
          // A signed-in page sends the browser to the form, which brings it back.
          const redirected = await page.goto(`${base}/holdings`);
          await expectPage(page, redirected, 200, lang, size.width);
          expect(new URL(page.url()).pathname).toBe('/sign-in');
          await shoot(page, `sign-in-${tag}`);

          await page.fill('#email', email);
          await page.fill('#password', 'not the password');
          const [refused] = await Promise.all([page.waitForNavigation(), page.click('form.sign-in button[type=submit]')]);
          await expectPage(page, refused, 422, lang, size.width);
          expect(await page.locator('#email').inputValue()).toBe(email);
          expect(await page.locator('#password').inputValue()).toBe('');
          await shoot(page, `sign-in-refused-${tag}`);

          await page.fill('#password', PASSWORD);
          const [signedIn] = await Promise.all([page.waitForNavigation(), page.click('form.sign-in button[type=submit]')]);
          await expectPage(page, signedIn, 200, lang, size.width);
          expect(new URL(page.url()).pathname).toBe('/holdings');
          expect(await page.locator('h1').textContent()).toBe(holdings);
          expect(await page.locator('table.totals tbody tr').count()).toBe(1);
          expect(await page.locator('header .account-email').textContent()).toBe(email);
          const session = (await context.cookies()).find((c) => c.name === 'session');
          expect(session).toMatchObject({ httpOnly: true, sameSite: 'Lax', path: '/' });

          for (const name of SIGNED_IN_PAGES) {
            const response = await page.goto(`${base}/${name}`);
            await expectPage(page, response, 200, lang, size.width);
            await shoot(page, `${name}-${tag}`);
          }
          expect(await page.locator('table.retirements tbody tr').count()).toBeGreaterThan(0);
          await page.goto(`${base}/account`);
          // The organisation's hostile name is text on the page, not markup.
          expect(await page.locator('dd.organization').textContent()).toBe(HOSTILE_HOLDER);
          if (lang === 'ja') await assertJapaneseGlyphs(context, page, 'main h1');

          expect(await axe(context, ['/sign-in', ...SIGNED_IN_PAGES.map((name) => `/${name}`)], locale, size)).toEqual([]);

          // Sign-out (a form with the session's CSRF token): home, signed out, the cookie gone.
          const [signedOut] = await Promise.all([page.waitForNavigation(), page.click('header form.sign-out button')]);
          await expectPage(page, signedOut, 200, lang, size.width);
          expect(new URL(page.url()).pathname).toBe('/');
          expect((await context.cookies()).find((c) => c.name === 'session')).toBeUndefined();
          const again = await page.goto(`${base}/account`);
          expect(new URL(page.url()).pathname).toBe('/sign-in');
          expect(again?.status()).toBe(200);
          expect(problems).toEqual([]);
        } finally {
          await context.close();
        }
      }, 120_000);
    }
  }

  it('left a screenshot of each signed-in page, language and width in test-output/web-signed-in/', () => {
    const shots = readdirSync(OUT).filter((f) => f.endsWith('.png'));
    expect(shots.length).toBe((SIGNED_IN_PAGES.length + 2) * LANGS.length * WIDTHS.length);
  });
});
