import { CreateHoldingsImportUseCase, UnitOfWork } from '@registry/ledger';
import type { Page } from 'playwright-core';
import { callApi } from '../support/http-client';
import { BROWSER_SCRIPTS, BROWSER_WIDTHS, browserMatrixRuns, clickThrough, describeWithChromium, expectFittingPage, expectNoHorizontalScroll, inBrowserMatrix, openBrowserContext, seriousAxeViolations, webBrowserSuite } from '../support/web-browser';

/**
 * Issue 19's import and bulk check pages in Debian's Chromium (playwright-core), JavaScript off and
 * on, Japanese and English, 1280 and 390 px: a provider uploads a statement through the form
 * (setInputFiles), sees a waiting import refresh itself, then the finished import with its refused
 * rows; a file of the wrong type comes back with the reason beside the field; an auditor runs a
 * bulk check from the ledger page. A screenshot of each page in test-output/web-imports/, axe-core
 * on each (no serious or critical violation).
 */

const ADMIN = 'web-imports-browser-admin-key-0123456789ab';

const LANGS = [
  { lang: 'ja', locale: 'ja-JP', done: '取り込みが終わりました。', checkTitle: 'シリアル番号の一括照会' },
  { lang: 'en', locale: 'en-US', done: 'The import has finished.', checkTitle: 'Bulk serial check' },
] as const;
const SHOTS_PER_RUN = 7;

/** A statement of two good rows, a row that is no serial and a row of another's block (the seed's JCL-ERL-R1 block). */
const statement = (run: number) =>
  [
    'serial,scheme,registry,reference',
    `JCL-ERL-R${300 + run}-1-100,,J-Credit registry,statement ${run}`,
    'NOT A SERIAL,,J-Credit registry,statement',
    'JCL-ERL-R1-900-950,,J-Credit registry,statement',
    `JCL-ERL-R${300 + run}-101-200,,J-Credit registry,statement ${run}`,
  ].join('\n');

const { describeWithBrowser, skipNote } = describeWithChromium('web-imports-browser.int');

describeWithBrowser(`import and bulk check pages in headless Chromium${skipNote}`, () => {
  const suite = webBrowserSuite('web-imports', ADMIN);
  let waitingImportId: string;
  const providerEmail = `importer.${Date.now()}@example.jp`;
  const auditorEmail = `auditor.${Date.now()}@example.jp`;
  let run = 0;

  beforeAll(async () => {
    const audit = await callApi(suite.base, 'POST', '/v1/organizations', ADMIN, { name: '監査法人 テスト', roles: ['auditor'] });
    await suite.addPerson(suite.seed.providerId, providerEmail, ['provider']);
    await suite.addPerson((audit.body as { id: string }).id, auditorEmail, ['auditor']);
    // An import recorded but never queued: it waits for good, so its page shows the refreshing state.
    waitingImportId = (await new CreateHoldingsImportUseCase(suite.people.app.get(UnitOfWork)).execute({ organizationId: suite.seed.providerId, actor: 'admin', dryRun: false })).id;
  });

  async function signIn(page: Page, email: string, path: string): Promise<void> {
    await suite.signIn(page, path, email);
    expect(new URL(page.url()).pathname).toBe(path);
  }

  for (const { lang, locale, done, checkTitle } of LANGS) {
    for (const size of BROWSER_WIDTHS) {
      for (const script of BROWSER_SCRIPTS) {
        if (!inBrowserMatrix(lang, size.width, script.enabled)) continue;
        const tag = `${lang}-${size.name}-${script.name}`;

        it(`provider imports a statement, auditor checks serials: ${lang}, ${size.width} px, JavaScript ${script.enabled ? 'on' : 'off'}`, async () => {
          const n = ++run;
          // The wrong-type upload is refused on purpose (422).
          const provider = await openBrowserContext(suite.browser, { locale, viewport: size, javaScriptEnabled: script.enabled, expectedStatuses: /status of 422/ });
          const found: string[] = [];
          try {
            const { page } = provider;
            await signIn(page, providerEmail, '/imports/new');
            await suite.shoot(page, `import-form-${tag}`);

            // A file of another type: the form again, the reason beside the file field.
            await page.setInputFiles('#statement', { name: 'logo.png', mimeType: 'image/png', buffer: Buffer.from('89504e470d0a1a0a0000000d49484452', 'hex') });
            const refused = await clickThrough(page, 'form.import-form button[type=submit]');
            await expectFittingPage(page, refused, 422, lang, size.width);
            expect(await page.locator('#statement-error').count()).toBe(1);
            expect(await page.locator('#statement').getAttribute('aria-invalid')).toBe('true');
            await suite.shoot(page, `import-refused-${tag}`);
            if (script.enabled) found.push(...(await seriousAxeViolations(page, 'POST /imports (refused)')));

            await page.setInputFiles('#statement', { name: `statement-${n}.csv`, mimeType: 'text/csv', buffer: Buffer.from(statement(n)) });
            const started = await clickThrough(page, 'form.import-form button[type=submit]');
            await expectFittingPage(page, started, 200, lang, size.width);
            expect(new URL(page.url()).pathname).toMatch(/^\/imports\/[0-9a-f-]{36}$/);
            // The page refreshes itself (a meta refresh, no script) until the import has ended.
            await page.locator('p.alert.ok').waitFor({ timeout: 30_000 });
            expect(await page.locator('p.alert.ok').textContent()).toBe(done);
            expect(await page.locator('meta[http-equiv="refresh"]').count()).toBe(0);
            expect(await page.locator('dd.count-accepted').textContent()).toBe('2');
            expect(await page.locator('dd.count-refused').textContent()).toBe('2');
            expect(await page.locator('table.refused-rows tbody tr').count()).toBe(2);
            expect(await page.locator('table.refused-rows tbody tr').first().textContent()).toContain('NOT A SERIAL');
            await expectNoHorizontalScroll(page, size.width);
            await suite.shoot(page, `import-done-${tag}`);
            const donePath = new URL(page.url()).pathname;

            const waiting = await page.goto(`${suite.base}/imports/${waitingImportId}`);
            await expectFittingPage(page, waiting, 200, lang, size.width);
            expect(await page.locator('meta[http-equiv="refresh"]').getAttribute('content')).toBe('2');
            await suite.shoot(page, `import-waiting-${tag}`);
            // Stopping the refresh (the page may reload itself meanwhile: wait for the address, not one navigation).
            await page.click('p.refresh-control a');
            await page.waitForURL(/\?refresh=off$/);
            expect(await page.locator('meta[http-equiv="refresh"]').count()).toBe(0);
            await expectNoHorizontalScroll(page, size.width);

            const list = await page.goto(`${suite.base}/imports`);
            await expectFittingPage(page, list, 200, lang, size.width);
            expect(await page.locator(`a[href="${donePath}"]`).count()).toBe(1);
            await suite.shoot(page, `imports-${tag}`);

            const holdings = await page.goto(`${suite.base}/holdings`);
            await expectFittingPage(page, holdings, 200, lang, size.width);
            expect(await page.locator('a.imports-link').count()).toBe(1);

            // The waiting page is checked in its ?refresh=off form: the refreshing one reloads under axe every
            // 2 s, and differs only by its meta refresh, which axe's meta-refresh rule flags by design (WCAG
            // 2.2.1); the link that stops it is what 2.2.1 asks for.
            found.push(...(await suite.axe(provider.context, ['/imports', '/imports/new', donePath, `/imports/${waitingImportId}?refresh=off`], locale, size)));
            expect(provider.problems).toEqual([]);
          } finally {
            await provider.context.close();
          }

          const auditor = await openBrowserContext(suite.browser, { locale, viewport: size, javaScriptEnabled: script.enabled, expectedStatuses: /^$/ });
          try {
            const { page } = auditor;
            await signIn(page, auditorEmail, '/ledger');
            const form = await clickThrough(page, 'a.bulk-check-link');
            await expectFittingPage(page, form, 200, lang, size.width);
            expect(await page.locator('h1').textContent()).toBe(checkTitle);
            await suite.shoot(page, `checks-${tag}`);

            await page.fill('#serials', 'JCL-ERL-R1-1-1000\nNOT A SERIAL');
            await page.setInputFiles('#list', { name: 'list.csv', mimeType: 'text/csv', buffer: Buffer.from(`serial\nJCL-ERL-R${300 + n}-50-150\nJCL-ERL-R999-1-5\n`) });
            const result = await clickThrough(page, 'form.bulk-check button[type=submit]');
            await expectFittingPage(page, result, 200, lang, size.width);
            const table = page.locator('table.check-table');
            expect(await table.locator('tr.check-error').count()).toBe(1);
            expect(await table.textContent()).toContain(`JCL-ERL-R${300 + n}-50-150`);
            expect(await table.locator('a[href^="/verify/"]').count()).toBeGreaterThan(0);
            await suite.shoot(page, `checks-result-${tag}`);
            if (script.enabled) found.push(...(await seriousAxeViolations(page, 'POST /checks')));

            found.push(...(await suite.axe(auditor.context, ['/checks', '/ledger'], locale, size)));
            expect(auditor.problems).toEqual([]);
          } finally {
            await auditor.context.close();
          }
          expect(found).toEqual([]);
        }, 180_000);
      }
    }
  }

  it('left a screenshot of each page, language, width and script setting in test-output/web-imports/', () => {
    expect(suite.screenshotCount()).toBe(SHOTS_PER_RUN * browserMatrixRuns());
  });
});
