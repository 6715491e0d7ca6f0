import { assertJapaneseGlyphs } from '../support/browser-tools';
import { BROWSER_SCRIPTS, BROWSER_WIDTHS, browserMatrixRuns, clickThrough, describeWithChromium, expectFittingPage, inBrowserMatrix, openBrowserContext, seriousAxeViolations, webBrowserSuite } from '../support/web-browser';

/**
 * A provider's retire path (issue 19) in Debian's Chromium through playwright-core: holdings → the
 * retire form → a refused check (422) → a passing check with its verdict per serial → confirm → the
 * retirement's page → its official reference recorded; in Japanese and English, at 1280 and 390 px,
 * JavaScript off and on. A screenshot of each page goes to test-output/web-retire/; axe-core runs on
 * each page in the runs with JavaScript on (it injects a script). Skipped when chromium is missing.
 */

const ADMIN = 'web-retire-browser-admin-key-0123456789';

const LANGS = [
  { lang: 'ja', locale: 'ja-JP', retire: 'クレジットを償却する', recorded: '登録済み' },
  { lang: 'en', locale: 'en-US', retire: 'Retire credits', recorded: 'Recorded' },
] as const;
/** The pages of one run, each a screenshot. */
const SHOTS = ['holdings', 'retire', 'check-refused', 'check', 'retirement', 'retirement-recorded'] as const;

const { describeWithBrowser, skipNote } = describeWithChromium('web-retire-browser.int');

describeWithBrowser(`the retire path in headless Chromium${skipNote}`, () => {
  const suite = webBrowserSuite('web-retire', ADMIN);
  const email = `retire.provider.${Date.now()}@example.jp`;
  let run = 0;

  beforeAll(() => suite.addPerson(suite.seed.providerId, email, ['provider', 'applicant']));

  for (const { lang, locale, retire, recorded } of LANGS) {
    for (const size of BROWSER_WIDTHS) {
      for (const script of BROWSER_SCRIPTS) {
        if (!inBrowserMatrix(lang, size.width, script.enabled)) continue;
        it(`retires from the holdings page and records the reference in ${lang} at ${size.width} px, JavaScript ${script.enabled ? 'on' : 'off'}`, async () => {
          // The seed's provider holds JCL-ERL-R1-501-1000: each run retires ten units of its own.
          const first = 501 + 10 * run++;
          const serial = `JCL-ERL-R1-${first}-${first + 9}`;
          const { context, page, problems } = await open(locale, size, script.enabled);
          const tag = `${lang}-${size.name}-${script.name}`;
          const violations: string[] = [];
          const check = async (name: string) => {
            await suite.shoot(page, `${name}-${tag}`);
            if (script.enabled) violations.push(...(await seriousAxeViolations(page, `${name} ${tag}`)));
          };
          try {
            await expectFittingPage(page, await suite.signIn(page, '/holdings', email), 200, lang, size.width);
            expect(new URL(page.url()).pathname).toBe('/holdings');
            expect(await page.locator('table.totals tbody tr').count()).toBe(1);
            await check('holdings');

            await expectFittingPage(page, await clickThrough(page, 'a.action-link[href="/retire"]'), 200, lang, size.width);
            expect(await page.locator('h1').textContent()).toBe(retire);
            await check('retire');

            // Already retired by the seed: the check refuses it, naming the serials field.
            await page.fill('#serials', 'JCL-ERL-R1-1-5');
            await page.fill('#beneficiary', '株式会社サンプル <b>');
            await page.fill('#purpose', 'CN FY2024');
            await page.selectOption('#claimId', { index: 1 });
            await expectFittingPage(page, await clickThrough(page, 'form.retire button[type=submit]'), 422, lang, size.width);
            expect(await page.locator('tr[data-verdict="ALREADY_RETIRED"]').count()).toBe(1);
            expect(await page.locator('#serials-error').count()).toBe(1);
            expect(await page.locator('form.confirm-retire').count()).toBe(0);
            expect(await page.locator('#beneficiary').inputValue()).toBe('株式会社サンプル <b>');
            await check('check-refused');

            await page.fill('#serials', `${serial}\n`);
            await expectFittingPage(page, await clickThrough(page, 'form.retire button[type=submit]'), 200, lang, size.width);
            expect(await page.locator('tr[data-verdict="ok"]').count()).toBe(1);
            expect(await page.locator('tr[data-verdict="ok"] .rule').textContent()).toMatch(/^CN-/);
            await check('check');

            await expectFittingPage(page, await clickThrough(page, 'form.confirm-retire button[type=submit]'), 200, lang, size.width);
            expect(new URL(page.url()).pathname).toMatch(/^\/retirements\/[0-9a-f-]{36}$/);
            expect(await page.locator('dd.serials').textContent()).toBe(serial);
            expect(await page.locator('dd.beneficiary').textContent()).toBe('株式会社サンプル <b>');
            await check('retirement');

            await page.fill('#registry', 'J-Credit registry');
            await page.fill('#reference', `MK-${first}`);
            await expectFittingPage(page, await clickThrough(page, 'form.attach-evidence button[type=submit]'), 200, lang, size.width);
            expect(await page.locator('dd.reference .badge').textContent()).toBe(recorded);
            expect(await page.locator('form.attach-evidence').count()).toBe(0);
            await check('retirement-recorded');
            if (lang === 'ja') await assertJapaneseGlyphs(context, page, 'main h1');

            expect(violations).toEqual([]);
            expect(problems).toEqual([]);
          } finally {
            await context.close();
          }
        }, 180_000);
      }
    }
  }

  /** The refused check (422) is answered on purpose. */
  function open(locale: string, viewport: { width: number; height: number }, javaScriptEnabled: boolean) {
    return openBrowserContext(suite.browser, { locale, viewport, javaScriptEnabled, expectedStatuses: /status of 422/ });
  }

  it('left a screenshot of each page, language, width and script setting in test-output/web-retire/', () => {
    expect(suite.screenshotCount()).toBe(SHOTS.length * browserMatrixRuns());
  });
});
