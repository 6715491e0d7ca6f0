import { CreateHoldingsImportUseCase, CreatePersonUseCase, UnitOfWork } from '@registry/ledger';
import { mkdirSync, readdirSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import type { Browser, BrowserContext, Page, Response } from 'playwright-core';
import { inkRatio, launchChromium, readPng, waitForFiles } from '../support/browser-tools';
import { callApi } from '../support/http-client';
import { startPeopleContext, type PeopleContext } from '../support/people-context';
import { BUILT, REPO_ROOT } from '../support/processes';
import { describeWithChromium, expectNoHorizontalScroll, inBrowserMatrix, browserMatrixRuns, openBrowserContext, seriousAxeViolations, startSeededWebApi, type WebApi, expectFittingPage, screenshotInto, axeAsSignedIn } from '../support/web-browser';

/**
 * Issue 19's import and bulk check pages in Debian's Chromium (playwright-core), JavaScript off and
 * on, Japanese and English, 1280 and 390 px: a provider uploads a statement through the form
 * (setInputFiles), sees a waiting import refresh itself, then the finished import with its refused
 * rows; a file of the wrong type comes back with the reason beside the field; an auditor runs a
 * bulk check from the ledger page. A screenshot of each page in test-output/web-imports/, axe-core
 * on each (no serious or critical violation).
 */

const ADMIN = 'web-imports-browser-admin-key-0123456789ab';
const OUT = join(REPO_ROOT, 'test-output', 'web-imports');
const PASSWORD = 'a long enough demo password';

const LANGS = [
  { lang: 'ja', locale: 'ja-JP', done: '取り込みが終わりました。', checkTitle: 'シリアル番号の一括照会' },
  { lang: 'en', locale: 'en-US', done: 'The import has finished.', checkTitle: 'Bulk serial check' },
] as const;
const WIDTHS = [
  { name: 'desktop', width: 1280, height: 900 },
  { name: 'mobile', width: 390, height: 844 },
] as const;
const SCRIPTS = [
  { name: 'nojs', enabled: false },
  { name: 'js', enabled: true },
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
  let web: WebApi | undefined;
  let people: PeopleContext | undefined;
  let browser: Browser | undefined;
  let base: string;
  let waitingImportId: string;
  const providerEmail = `importer.${Date.now()}@example.jp`;
  const auditorEmail = `auditor.${Date.now()}@example.jp`;
  let run = 0;

  beforeAll(async () => {
    rmSync(OUT, { recursive: true, force: true });
    mkdirSync(OUT, { recursive: true });
    await waitForFiles([BUILT.api]);
    web = await startSeededWebApi(ADMIN);
    base = web.base;
    const audit = await callApi(base, 'POST', '/v1/organizations', ADMIN, { name: '監査法人 テスト', roles: ['auditor'] });
    people = await startPeopleContext({ database: web.database });
    const create = people.app.get(CreatePersonUseCase);
    await create.execute({ organizationId: web.seed.providerId, email: providerEmail, password: PASSWORD, roles: ['provider'], actor: { kind: 'admin' } });
    await create.execute({ organizationId: (audit.body as { id: string }).id, email: auditorEmail, password: PASSWORD, roles: ['auditor'], actor: { kind: 'admin' } });
    // An import recorded but never queued: it waits for good, so its page shows the refreshing state.
    waitingImportId = (await new CreateHoldingsImportUseCase(people.app.get(UnitOfWork)).execute({ organizationId: web.seed.providerId, actor: 'admin', dryRun: false })).id;
    browser = await launchChromium();
  }, 90_000);

  afterAll(async () => {
    await browser?.close().catch(() => undefined);
    await people?.close();
    await web?.api.stop();
    await web?.database.drop();
  });

  const expectPage = expectFittingPage;
  const shoot = (page: Page, name: string) => screenshotInto(OUT, page, name);
  async function signIn(page: Page, email: string, path: string): Promise<void> {
    await page.goto(`${base}${path}`);
    await page.fill('#email', email);
    await page.fill('#password', PASSWORD);
    await Promise.all([page.waitForNavigation(), page.click('form.sign-in button[type=submit]')]);
    expect(new URL(page.url()).pathname).toBe(path);
  }

  const axe = (context: BrowserContext, paths: string[], locale: string, viewport: { width: number; height: number }) => axeAsSignedIn(browser!, base, context, paths, locale, viewport);

  for (const { lang, locale, done, checkTitle } of LANGS) {
    for (const size of WIDTHS) {
      for (const script of SCRIPTS) {
        if (!inBrowserMatrix(lang, size.width, script.enabled)) continue;
        const tag = `${lang}-${size.name}-${script.name}`;

        it(`provider imports a statement, auditor checks serials: ${lang}, ${size.width} px, JavaScript ${script.enabled ? 'on' : 'off'}`, async () => {
          const n = ++run;
          // The wrong-type upload is refused on purpose (422).
          const provider = await openBrowserContext(browser!, { locale, viewport: size, javaScriptEnabled: script.enabled, expectedStatuses: /status of 422/ });
          const found: string[] = [];
          try {
            const { page } = provider;
            await signIn(page, providerEmail, '/imports/new');
            await shoot(page, `import-form-${tag}`);

            // A file of another type: the form again, the reason beside the file field.
            await page.setInputFiles('#statement', { name: 'logo.png', mimeType: 'image/png', buffer: Buffer.from('89504e470d0a1a0a0000000d49484452', 'hex') });
            const [refused] = await Promise.all([page.waitForNavigation(), page.click('form.import-form button[type=submit]')]);
            await expectPage(page, refused, 422, lang, size.width);
            expect(await page.locator('#statement-error').count()).toBe(1);
            expect(await page.locator('#statement').getAttribute('aria-invalid')).toBe('true');
            await shoot(page, `import-refused-${tag}`);
            if (script.enabled) found.push(...(await seriousAxeViolations(page, 'POST /imports (refused)')));

            // While a progress page refreshes itself, a request it had started (its icon) may be cut short
            // by the reload: such aborts are the refresh's, not a problem of the page.
            const refreshing = provider.problems.length;
            await page.setInputFiles('#statement', { name: `statement-${n}.csv`, mimeType: 'text/csv', buffer: Buffer.from(statement(n)) });
            const [started] = await Promise.all([page.waitForNavigation(), page.click('form.import-form button[type=submit]')]);
            await expectPage(page, started, 200, lang, size.width);
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
            await shoot(page, `import-done-${tag}`);
            const donePath = new URL(page.url()).pathname;

            const waiting = await page.goto(`${base}/imports/${waitingImportId}`);
            await expectPage(page, waiting, 200, lang, size.width);
            expect(await page.locator('meta[http-equiv="refresh"]').getAttribute('content')).toBe('2');
            await shoot(page, `import-waiting-${tag}`);
            // Stopping the refresh (the page may reload itself meanwhile: wait for the address, not one navigation).
            await page.click('p.refresh-control a');
            await page.waitForURL(/\?refresh=off$/);
            expect(await page.locator('meta[http-equiv="refresh"]').count()).toBe(0);
            await expectNoHorizontalScroll(page, size.width);
            provider.problems.push(...provider.problems.splice(refreshing).filter((problem) => !/^requestfailed: .* net::ERR_ABORTED$/.test(problem)));

            const list = await page.goto(`${base}/imports`);
            await expectPage(page, list, 200, lang, size.width);
            expect(await page.locator(`a[href="${donePath}"]`).count()).toBe(1);
            await shoot(page, `imports-${tag}`);

            const holdings = await page.goto(`${base}/holdings`);
            await expectPage(page, holdings, 200, lang, size.width);
            expect(await page.locator('a.imports-link').count()).toBe(1);

            // The waiting page is checked in its ?refresh=off form: the refreshing one reloads under axe every
            // 2 s, and differs only by its meta refresh, which axe's meta-refresh rule flags by design (WCAG
            // 2.2.1); the link that stops it is what 2.2.1 asks for.
            found.push(...(await axe(provider.context, ['/imports', '/imports/new', donePath, `/imports/${waitingImportId}?refresh=off`], locale, size)));
            expect(provider.problems).toEqual([]);
          } finally {
            await provider.context.close();
          }

          const auditor = await openBrowserContext(browser!, { locale, viewport: size, javaScriptEnabled: script.enabled, expectedStatuses: /^$/ });
          try {
            const { page } = auditor;
            await signIn(page, auditorEmail, '/ledger');
            const [form] = await Promise.all([page.waitForNavigation(), page.click('a.bulk-check-link')]);
            await expectPage(page, form, 200, lang, size.width);
            expect(await page.locator('h1').textContent()).toBe(checkTitle);
            await shoot(page, `checks-${tag}`);

            await page.fill('#serials', 'JCL-ERL-R1-1-1000\nNOT A SERIAL');
            await page.setInputFiles('#list', { name: 'list.csv', mimeType: 'text/csv', buffer: Buffer.from(`serial\nJCL-ERL-R${300 + n}-50-150\nJCL-ERL-R999-1-5\n`) });
            const [result] = await Promise.all([page.waitForNavigation(), page.click('form.bulk-check button[type=submit]')]);
            await expectPage(page, result, 200, lang, size.width);
            const table = page.locator('table.check-table');
            expect(await table.locator('tr.check-error').count()).toBe(1);
            expect(await table.textContent()).toContain(`JCL-ERL-R${300 + n}-50-150`);
            expect(await table.locator('a[href^="/verify/"]').count()).toBeGreaterThan(0);
            await shoot(page, `checks-result-${tag}`);
            if (script.enabled) found.push(...(await seriousAxeViolations(page, 'POST /checks')));

            found.push(...(await axe(auditor.context, ['/checks', '/ledger'], locale, size)));
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
    const shots = readdirSync(OUT).filter((f) => f.endsWith('.png'));
    expect(shots.length).toBe(SHOTS_PER_RUN * browserMatrixRuns());
  });
});
