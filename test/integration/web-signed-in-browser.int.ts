import { CreatePersonUseCase } from '@registry/ledger';
import { mkdirSync, readdirSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import type { Browser, BrowserContext, Page, Response } from 'playwright-core';
import { assertJapaneseGlyphs, inkRatio, launchChromium, readPng, waitForFiles } from '../support/browser-tools';
import { startPeopleContext, type PeopleContext } from '../support/people-context';
import { BUILT, REPO_ROOT } from '../support/processes';
import { describeWithChromium, openBrowserContext, startSeededWebApi, type WebApi, expectFittingPage, screenshotInto, axeAsSignedIn } from '../support/web-browser';
import { HOSTILE_HOLDER, type WebSeed } from '../support/web-seed';

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

const { describeWithBrowser, skipNote } = describeWithChromium('web-signed-in-browser.int');

describeWithBrowser(`signed-in web pages in headless Chromium${skipNote}`, () => {
  let web: WebApi | undefined;
  let people: PeopleContext | undefined;
  let browser: Browser | undefined;
  let base: string;
  let seed: WebSeed;
  const email = `provider.${Date.now()}@example.jp`;

  beforeAll(async () => {
    rmSync(OUT, { recursive: true, force: true });
    mkdirSync(OUT, { recursive: true });
    await waitForFiles([BUILT.api]);
    web = await startSeededWebApi(ADMIN);
    ({ base, seed } = web);
    // The person is opened beside the running API, on its database, as `people` commands do.
    people = await startPeopleContext({ database: web.database });
    await people.app.get(CreatePersonUseCase).execute({ organizationId: seed.providerId, email, password: PASSWORD, roles: ['provider', 'applicant'], actor: { kind: 'admin' } });
    browser = await launchChromium();
  }, 90_000);

  afterAll(async () => {
    await browser?.close().catch(() => undefined);
    await people?.close();
    await web?.api.stop();
    await web?.database.drop();
  });

  /** A refused sign-in (422) and a page the role may not see (403) are answered on purpose. */
  const open = (locale: string, viewport: { width: number; height: number }, javaScriptEnabled: boolean) =>
    openBrowserContext(browser!, { locale, viewport, javaScriptEnabled, expectedStatuses: /status of 4(22|03)/ });

  const expectPage = expectFittingPage;
  const shoot = (page: Page, name: string) => screenshotInto(OUT, page, name);
  const axe = (context: BrowserContext, paths: string[], locale: string, viewport: { width: number; height: number }) => axeAsSignedIn(browser!, base, context, paths, locale, viewport);

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
