import { CreateOrganizationUseCase, CreatePersonUseCase } from '@registry/ledger';
import { mkdirSync, readdirSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import type { Browser, BrowserContext, Page, Response } from 'playwright-core';
import { inkRatio, launchChromium, readPng, waitForFiles } from '../support/browser-tools';
import { callApi } from '../support/http-client';
import { startPeopleContext, type PeopleContext } from '../support/people-context';
import { BUILT, REPO_ROOT } from '../support/processes';
import { describeWithChromium, expectHtmlPage, expectNoHorizontalScroll, inBrowserMatrix, browserMatrixRuns, openBrowserContext, seriousAxeViolations, startSeededWebApi, type WebApi } from '../support/web-browser';

/**
 * The administrator's main path (issue 19) in Debian's Chromium: sign in, the overview, the
 * organisations, a refused then an accepted registration, a person opened with a generated
 * password (shown once), an API key issued (shown once, then working against /v1), revoked (then
 * refused), and a password reset, in Japanese and English, at 1280 and 390 px, JavaScript off and
 * on. A screenshot of each page in test-output/web-admin/, axe-core on each (no serious or critical
 * violation). Skipped, with a message, when chromium is missing.
 */

const ADMIN_KEY = 'web-admin-browser-admin-key-0123456789';
const OUT = join(REPO_ROOT, 'test-output', 'web-admin');
const PASSWORD = 'a long enough admin password';

const LANGS = [
  { lang: 'ja', locale: 'ja-JP', organizations: '組織', keyIssued: 'API キーを発行しました' },
  { lang: 'en', locale: 'en-US', organizations: 'Organisations', keyIssued: 'The API key is issued' },
] as const;
const WIDTHS = [
  { name: 'desktop', width: 1280, height: 900 },
  { name: 'mobile', width: 390, height: 844 },
] as const;
const SCRIPTS = [false, true] as const;
/** The pages each run shoots: overview, list, refused form, organisation, person's password, key, revoked, reset. */
const SHOTS_PER_RUN = 8;

const { describeWithBrowser, skipNote } = describeWithChromium('web-admin-browser.int');

describeWithBrowser(`administrator web pages in headless Chromium${skipNote}`, () => {
  let web: WebApi | undefined;
  let people: PeopleContext | undefined;
  let browser: Browser | undefined;
  let base: string;
  const email = `admin.${Date.now()}@example.jp`;

  beforeAll(async () => {
    rmSync(OUT, { recursive: true, force: true });
    mkdirSync(OUT, { recursive: true });
    await waitForFiles([BUILT.api]);
    web = await startSeededWebApi(ADMIN_KEY);
    base = web.base;
    // The administrator is opened beside the running API, on its database, as `people create-admin` does.
    people = await startPeopleContext({ database: web.database });
    const operator = await people.app.get(CreateOrganizationUseCase).execute({ name: 'Registry operator', roles: [] });
    await people.app.get(CreatePersonUseCase).execute({ organizationId: operator.id, email, password: PASSWORD, roles: ['admin'], actor: { kind: 'admin' } });
    browser = await launchChromium();
  }, 90_000);

  afterAll(async () => {
    await browser?.close().catch(() => undefined);
    await people?.close();
    await web?.api.stop();
    await web?.database.drop();
  });

  const me = (key: string) => callApi(base, 'GET', '/v1/me', key);

  for (const { lang, locale, organizations, keyIssued } of LANGS) {
    for (const size of WIDTHS) {
      for (const javaScriptEnabled of SCRIPTS) {
        if (!inBrowserMatrix(lang, size.width, javaScriptEnabled)) continue;
        const tag = `${lang}-${size.name}-${javaScriptEnabled ? 'js' : 'nojs'}`;
        it(`an administrator's path in ${lang} at ${size.width} px, JavaScript ${javaScriptEnabled ? 'on' : 'off'}`, async () => {
          // The refused registration (422) is answered on purpose.
          const { context, page, problems } = await openBrowserContext(browser!, { locale, viewport: size, javaScriptEnabled, expectedStatuses: /status of 422/ });
          const violations: string[] = [];
          const visited: string[] = [];
          /** Checks the page, shoots it, and runs axe here when scripts run (else later, on the GET pages, in a context of its own). */
          const check = async (name: string, response: Response | null, status = 200) => {
            await expectHtmlPage(page, response, status, lang);
            await expectNoHorizontalScroll(page, size.width);
            const file = join(OUT, `${name}-${tag}.png`);
            await page.screenshot({ path: file, fullPage: true });
            expect(inkRatio(readPng(file))).toBeGreaterThan(0.02);
            if (javaScriptEnabled) violations.push(...(await seriousAxeViolations(page, name)));
            else visited.push(new URL(page.url()).pathname + new URL(page.url()).search);
          };
          const submit = (selector: string) => Promise.all([page.waitForNavigation(), page.click(selector)]).then(([response]) => response);
          try {
            await page.goto(`${base}/admin`);
            expect(new URL(page.url()).pathname).toBe('/sign-in');
            await page.fill('#email', email);
            await page.fill('#password', PASSWORD);
            await check('overview', await submit('form.sign-in button[type=submit]'));
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
            await page.goto(`${base}${organizationPath}`);
            await page.fill('#create-key-label', 'browser test');
            await check('key', await submit('form[action$="/keys"] button[type=submit]'));
            expect(await page.locator('h1').textContent()).toBe(keyIssued);
            const key = (await page.locator('.secret-value').textContent())!;
            expect((await me(key)).status).toBe(200);
            await page.goto(`${base}${organizationPath}`);
            expect(await page.content()).not.toContain(key);
            await check('revoked', await submit('form[action*="/revoke"] button[type=submit]'));
            expect((await me(key)).status).toBe(401);

            await check('password-reset', await submit('form[action*="/reset-password"] button[type=submit]'));
            expect(await page.locator('.secret-value').textContent()).toMatch(/^[A-Za-z0-9_-]{20}$/);

            if (!javaScriptEnabled) {
              const checker = await browser!.newContext({ locale, viewport: size, javaScriptEnabled: true });
              try {
                await checker.addCookies(await context.cookies());
                const axePage = await checker.newPage();
                // The answers to POSTs that have no GET (a secret shown once) are checked in the runs with scripts on.
                for (const path of visited.filter((p) => !/\/(people|keys|reset-password)$/.test(p))) {
                  await axePage.goto(`${base}${path}`);
                  violations.push(...(await seriousAxeViolations(axePage, path)));
                }
              } finally {
                await checker.close();
              }
            }
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
    const shots = readdirSync(OUT).filter((f) => f.endsWith('.png'));
    expect(shots.length).toBe(SHOTS_PER_RUN * browserMatrixRuns());
  });
});
