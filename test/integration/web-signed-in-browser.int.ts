import { assertJapaneseGlyphs } from '../support/browser-tools';
import { BROWSER_WIDTHS, clickThrough, describeWithChromium, expectFittingPage, openBrowserContext, SUITE_PASSWORD, webBrowserSuite } from '../support/web-browser';
import { HOSTILE_HOLDER } from '../support/web-seed';

/**
 * Signing in (issue 19) in Debian's Chromium through playwright-core, with JavaScript off as a
 * person with scripts disabled would: the sign-in form reached from a signed-in page, a refusal,
 * then /account, /holdings and /retirements in Japanese and English at 1280 and 390 px, a
 * screenshot of each in test-output/web-signed-in/, axe-core on each (no serious or critical
 * violation), and sign-out. Skipped, with a message, when chromium is missing.
 */

const ADMIN = 'web-signed-in-browser-admin-key-0123456789';

const LANGS = [
  { lang: 'ja', locale: 'ja-JP', holdings: '保有しているクレジット' },
  { lang: 'en', locale: 'en-US', holdings: 'Credits held' },
] as const;
/** The pages a signed-in provider opens, each a screenshot and an axe run. */
const SIGNED_IN_PAGES = ['account', 'holdings', 'retirements'] as const;

const { describeWithBrowser, skipNote } = describeWithChromium('web-signed-in-browser.int');

describeWithBrowser(`signed-in web pages in headless Chromium${skipNote}`, () => {
  const suite = webBrowserSuite('web-signed-in', ADMIN);
  const email = `provider.${Date.now()}@example.jp`;

  beforeAll(() => suite.addPerson(suite.seed.providerId, email, ['provider', 'applicant']));

  /** A refused sign-in (422) and a page the role may not see (403) are answered on purpose. */
  const open = (locale: string, viewport: { width: number; height: number }, javaScriptEnabled: boolean) =>
    openBrowserContext(suite.browser, { locale, viewport, javaScriptEnabled, expectedStatuses: /status of 4(22|03)/ });


  for (const { lang, locale, holdings } of LANGS) {
    for (const size of BROWSER_WIDTHS) {
      it(`signs in without JavaScript and shows /account, /holdings and /retirements in ${lang} at ${size.width} px`, async () => {
        const { context, page, problems } = await open(locale, size, false);
        const tag = `${lang}-${size.name}`;
        try {
          // A signed-in page sends the browser to the form, which brings it back.
          const redirected = await page.goto(`${suite.base}/holdings`);
          await expectFittingPage(page, redirected, 200, lang, size.width);
          expect(new URL(page.url()).pathname).toBe('/sign-in');
          await suite.shoot(page, `sign-in-${tag}`);

          await page.fill('#email', email);
          await page.fill('#password', 'not the password');
          const refused = await clickThrough(page, 'form.sign-in button[type=submit]');
          await expectFittingPage(page, refused, 422, lang, size.width);
          expect(await page.locator('#email').inputValue()).toBe(email);
          expect(await page.locator('#password').inputValue()).toBe('');
          await suite.shoot(page, `sign-in-refused-${tag}`);

          await page.fill('#password', SUITE_PASSWORD);
          const signedIn = await clickThrough(page, 'form.sign-in button[type=submit]');
          await expectFittingPage(page, signedIn, 200, lang, size.width);
          expect(new URL(page.url()).pathname).toBe('/holdings');
          expect(await page.locator('h1').textContent()).toBe(holdings);
          expect(await page.locator('table.totals tbody tr').count()).toBe(1);
          expect(await page.locator('header .account-email').textContent()).toBe(email);
          const session = (await context.cookies()).find((c) => c.name === 'session');
          expect(session).toMatchObject({ httpOnly: true, sameSite: 'Lax', path: '/' });

          for (const name of SIGNED_IN_PAGES) {
            const response = await page.goto(`${suite.base}/${name}`);
            await expectFittingPage(page, response, 200, lang, size.width);
            await suite.shoot(page, `${name}-${tag}`);
          }
          expect(await page.locator('table.retirements tbody tr').count()).toBeGreaterThan(0);
          await page.goto(`${suite.base}/account`);
          // The organisation's hostile name is text on the page, not markup.
          expect(await page.locator('dd.organization').textContent()).toBe(HOSTILE_HOLDER);
          if (lang === 'ja') await assertJapaneseGlyphs(context, page, 'main h1');

          expect(await suite.axe(context, ['/sign-in', ...SIGNED_IN_PAGES.map((name) => `/${name}`)], locale, size)).toEqual([]);

          // Sign-out (a form with the session's CSRF token): home, signed out, the cookie gone.
          const signedOut = await clickThrough(page, 'header form.sign-out button');
          await expectFittingPage(page, signedOut, 200, lang, size.width);
          expect(new URL(page.url()).pathname).toBe('/');
          expect((await context.cookies()).find((c) => c.name === 'session')).toBeUndefined();
          const again = await page.goto(`${suite.base}/account`);
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
    expect(suite.screenshotCount()).toBe((SIGNED_IN_PAGES.length + 2) * LANGS.length * BROWSER_WIDTHS.length);
  });
});
