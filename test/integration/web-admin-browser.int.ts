import { CreateOrganizationUseCase } from '@registry/ledger';
import type { Response } from 'playwright-core';
import { callApi } from '../support/http-client';
import { BROWSER_SCRIPTS, BROWSER_WIDTHS, browserMatrixRuns, clickThrough, describeWithChromium, expectFittingPage, inBrowserMatrix, openBrowserContext, seriousAxeViolations, webBrowserSuite } from '../support/web-browser';

/**
 * The administrator's main path (issue 19) in Debian's Chromium: sign in, the overview, the
 * organisations, a refused then an accepted registration, a person opened with a generated
 * password (shown once), an API key issued (shown once, then working against /v1), revoked (then
 * refused), and a password reset, in Japanese and English, at 1280 and 390 px, JavaScript off and
 * on. A screenshot of each page in test-output/web-admin/, axe-core on each (no serious or critical
 * violation). Skipped, with a message, when chromium is missing.
 */

const ADMIN_KEY = 'web-admin-browser-admin-key-0123456789';

const LANGS = [
  { lang: 'ja', locale: 'ja-JP', organizations: '組織', keyIssued: 'API キーを発行しました' },
  { lang: 'en', locale: 'en-US', organizations: 'Organisations', keyIssued: 'The API key is issued' },
] as const;
/** The pages each run shoots: overview, list, refused form, organisation, person's password, key, revoked, reset. */
const SHOTS_PER_RUN = 8;

const { describeWithBrowser, skipNote } = describeWithChromium('web-admin-browser.int');

describeWithBrowser(`administrator web pages in headless Chromium${skipNote}`, () => {
  const suite = webBrowserSuite('web-admin', ADMIN_KEY);
  const email = `admin.${Date.now()}@example.jp`;

  // The administrator is opened beside the running API, on its database, as `people create-admin` does.
  beforeAll(async () => {
    const operator = await suite.people.app.get(CreateOrganizationUseCase).execute({ name: 'Registry operator', roles: [] });
    await suite.addPerson(operator.id, email, ['admin']);
  });

  const me = (key: string) => callApi(suite.base, 'GET', '/v1/me', key);

  for (const { lang, locale, organizations, keyIssued } of LANGS) {
    for (const size of BROWSER_WIDTHS) {
      for (const { name: script, enabled: javaScriptEnabled } of BROWSER_SCRIPTS) {
        if (!inBrowserMatrix(lang, size.width, javaScriptEnabled)) continue;
        const tag = `${lang}-${size.name}-${script}`;
        it(`an administrator's path in ${lang} at ${size.width} px, JavaScript ${javaScriptEnabled ? 'on' : 'off'}`, async () => {
          // The refused registration (422) is answered on purpose.
          const { context, page, problems } = await openBrowserContext(suite.browser, { locale, viewport: size, javaScriptEnabled, expectedStatuses: /status of 422/ });
          const violations: string[] = [];
          const visited: string[] = [];
          /** Checks the page, shoots it, and runs axe here when scripts run (else later, on the GET pages, in a context of its own). */
          const check = async (name: string, response: Response | null, status = 200) => {
            await expectFittingPage(page, response, status, lang, size.width);
            await suite.shoot(page, `${name}-${tag}`);
            if (javaScriptEnabled) violations.push(...(await seriousAxeViolations(page, name)));
            else visited.push(new URL(page.url()).pathname + new URL(page.url()).search);
          };
          const submit = (selector: string) => clickThrough(page, selector);
          try {
            await check('overview', await suite.signIn(page, '/admin', email));
            expect(new URL(page.url()).pathname).toBe('/admin');

            await check('organizations', await submit('a[href^="/admin/organizations"]'));
            expect(await page.locator('h1').textContent()).toBe(organizations);

            // No role ticked: the form comes back with the message beside the roles, the name kept.
            const name = `管理<b>テスト</b> ${tag}`;
            await page.fill('#create-organization-name', name);
            await check('organization-refused', await submit('form.admin-form button[type=submit]'), 422);
            expect(await page.locator('#create-organization-roles-error').count()).toBe(1);
            expect(await page.locator('#create-organization-name').inputValue()).toBe(name);
            await page.check('input[name=roles][value=provider]');
            await check('organization', await submit('form.admin-form button[type=submit]'));
            expect(new URL(page.url()).pathname).toMatch(/^\/admin\/organizations\/[0-9a-f-]{36}$/);
            expect(await page.locator('h1').textContent()).toContain(name);
            const organizationPath = new URL(page.url()).pathname;

            // A person with a generated password, shown once.
            const person = `person.${tag}.${Date.now()}@example.jp`;
            await page.fill('#create-person-email', person);
            await page.check('form[action$="/people"] input[name=roles][value=provider]');
            await check('person-password', await submit('form[action$="/people"] button[type=submit]'));
            expect(await page.locator('.secret-value').textContent()).toMatch(/^[A-Za-z0-9_-]{20}$/);

            // An API key, shown once, that works against the API until it is revoked.
            await page.goto(`${suite.base}${organizationPath}`);
            await page.fill('#create-key-label', 'browser test');
            await check('key', await submit('form[action$="/keys"] button[type=submit]'));
            expect(await page.locator('h1').textContent()).toBe(keyIssued);
            const key = (await page.locator('.secret-value').textContent())!;
            expect((await me(key)).status).toBe(200);
            await page.goto(`${suite.base}${organizationPath}`);
            expect(await page.content()).not.toContain(key);
            await check('revoked', await submit('form[action*="/revoke"] button[type=submit]'));
            expect((await me(key)).status).toBe(401);

            await check('password-reset', await submit('form[action*="/reset-password"] button[type=submit]'));
            expect(await page.locator('.secret-value').textContent()).toMatch(/^[A-Za-z0-9_-]{20}$/);

            // The answers to POSTs that have no GET (a secret shown once) are checked in the runs with scripts on.
            if (!javaScriptEnabled) violations.push(...(await suite.axe(context, visited.filter((p) => !/\/(people|keys|reset-password)$/.test(p)), locale, size)));
            expect(violations).toEqual([]);
            expect(problems).toEqual([]);
          } finally {
            await context.close();
          }
        }, 300_000);
      }
    }
  }

  it('left a screenshot of each page, language, width and script setting in test-output/web-admin/', () => {
    expect(suite.screenshotCount()).toBe(SHOTS_PER_RUN * browserMatrixRuns());
  });
});
