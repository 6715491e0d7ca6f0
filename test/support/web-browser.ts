import AxeBuilder from '@axe-core/playwright';
import { corporateNumberCheckDigit, type Role } from '@registry/domain';
import { CreatePersonUseCase } from '@registry/ledger';
import { existsSync, mkdirSync, readdirSync, rmSync } from 'node:fs';
import type { Browser, BrowserContext, Page, Response } from 'playwright-core';
import { join } from 'node:path';
import { CHROMIUM_PATH, launchChromium, pngSummary, recordFailedRequests, waitForFiles } from './browser-tools';
import { callApi } from './http-client';
import { startPeopleContext, type PeopleContext } from './people-context';
import { BUILT, freePort, REPO_ROOT, startProcess, waitForHttp, type RunningProcess } from './processes';
import { createTestDatabase, type TestDatabase } from './test-engine';
import { seedWebRegistry, type WebSeed } from './web-seed';

/** The web pages' browser tests: what each of them needs the same way. */

/**
 * Issue 19's matrix (ja/en × 1280/390 px × JavaScript on/off) in four runs that hold every pair of
 * the three: each language at both widths, each language and each width with JavaScript on and off.
 * `BROWSER_MATRIX=full` runs all eight (twice the time: CI keeps to the four).
 */
export function inBrowserMatrix(lang: string, width: number, javaScriptEnabled: boolean): boolean {
  if (process.env.BROWSER_MATRIX === 'full') return true;
  return (lang === 'ja') === (width >= 1000) ? !javaScriptEnabled : javaScriptEnabled;
}

/** The matrix's two widths, named as the screenshots are. */
export const BROWSER_WIDTHS = [
  { name: 'desktop', width: 1280, height: 900 },
  { name: 'mobile', width: 390, height: 844 },
] as const;

/** JavaScript off and on, named as the screenshots are. */
export const BROWSER_SCRIPTS = [
  { name: 'nojs', enabled: false },
  { name: 'js', enabled: true },
] as const;

/** How many runs inBrowserMatrix lets through. */
export function browserMatrixRuns(): number {
  return process.env.BROWSER_MATRIX === 'full' ? 8 : 4;
}

/** describe, or describe.skip with a note when Debian's chromium is missing. */
export function describeWithChromium(testName: string): { describeWithBrowser: jest.Describe; skipNote: string } {
  const missing = existsSync(CHROMIUM_PATH) ? [] : [`${CHROMIUM_PATH} (apt-get install -y chromium)`];
  const skipNote = missing.length ? ` (skipped: missing ${missing.join('; ')})` : '';
  if (missing.length) console.warn(`${testName}: browser test${skipNote}`);
  return { describeWithBrowser: missing.length ? describe.skip : describe, skipNote };
}

export interface WebApi {
  database: TestDatabase;
  api: RunningProcess;
  base: string;
  seed: WebSeed;
}

/** The built API on a fresh SQLite ledger, seeded with the web pages' registry through its HTTP API. */
export async function startSeededWebApi(adminKey: string): Promise<WebApi> {
  const database = await createTestDatabase('sqlite');
  const port = await freePort();
  const base = `http://127.0.0.1:${port}`;
  const api = startProcess(BUILT.api, { ...database.env, PORT: String(port), PUBLIC_BASE_URL: base, ADMIN_API_KEY: adminKey, RATE_LIMIT_PER_MINUTE: '0' });
  await waitForHttp(`${base}/health/ready`, 20_000, api);
  const seed = await seedWebRegistry((method, path, key, body) => callApi(base, method, path, key, body), adminKey);
  return { database, api, base, seed };
}

/**
 * A context as a person's browser: its language (Accept-Language), width and JavaScript setting, with
 * the problems it meets collected. A CSP violation (an inline style or script the policy refused)
 * shows as a console error; `expectedStatuses` are the error answers the test itself asks for.
 */
export async function openBrowserContext(
  browser: Browser,
  options: { locale: string; viewport: { width: number; height: number }; javaScriptEnabled: boolean; expectedStatuses: RegExp },
): Promise<{ context: BrowserContext; page: Page; problems: string[] }> {
  const context = await browser.newContext({ locale: options.locale, viewport: options.viewport, javaScriptEnabled: options.javaScriptEnabled });
  const page = await context.newPage();
  const problems: string[] = [];
  page.on('console', (m) => {
    if (m.type() === 'error' && !options.expectedStatuses.test(m.text())) problems.push(`console: ${m.text()}`);
  });
  page.on('pageerror', (e) => problems.push(`pageerror: ${e.message}`));
  recordFailedRequests(page, problems);
  return { context, page, problems };
}

/** An HTML page of the registry in the expected language, with no script on it. */
export async function expectHtmlPage(page: Page, response: Response | null, status: number, lang: string): Promise<void> {
  expect(response?.status()).toBe(status);
  expect(response?.headers()['content-type']).toBe('text/html; charset=utf-8');
  expect(await page.locator('html').getAttribute('lang')).toBe(lang);
  expect(await page.locator('script').count()).toBe(0);
}

/** Nothing wider than the window: no sideways scrolling at 390 px. */
export async function expectNoHorizontalScroll(page: Page, width: number): Promise<void> {
  const scrollWidth = await page.evaluate(() => (globalThis as unknown as { document: { documentElement: { scrollWidth: number } } }).document.documentElement.scrollWidth);
  expect(scrollWidth).toBeLessThanOrEqual(width);
}

/** An HTML page of the registry (expectHtmlPage) that fits `width` without scrolling sideways. */
export async function expectFittingPage(page: Page, response: Response | null, status: number, lang: string, width: number): Promise<void> {
  await expectHtmlPage(page, response, status, lang);
  await expectNoHorizontalScroll(page, width);
}

/** A full-page screenshot into `dir` as `<name>.png`, checked to show something (not a blank page). */
export async function screenshotInto(dir: string, page: Page, name: string): Promise<void> {
  const file = join(dir, `${name}.png`);
  await page.screenshot({ path: file, fullPage: true });
  expect((await pngSummary(file)).ink).toBeGreaterThan(0.02);
}

/**
 * axe on `paths` of `base` as the person of `context` sees them: in a second context with JavaScript
 * on (axe injects its script) and the same cookies, so JavaScript-off runs are checked too.
 */
export async function axeAsSignedIn(
  browser: Browser,
  base: string,
  context: BrowserContext,
  paths: readonly string[],
  locale: string,
  viewport: { width: number; height: number },
): Promise<string[]> {
  const checker = await browser.newContext({ locale, viewport, javaScriptEnabled: true });
  try {
    await checker.addCookies(await context.cookies());
    const page = await checker.newPage();
    const found: string[] = [];
    for (const path of paths) {
      await page.goto(`${base}${path}`);
      found.push(...(await seriousAxeViolations(page, path)));
    }
    return found;
  } finally {
    await checker.close();
  }
}

/** axe-core's serious and critical violations on the page (WCAG 2.0–2.2 A/AA and best practice), one line each. */
export async function seriousAxeViolations(page: Page, label: string): Promise<string[]> {
  // Legacy mode runs axe once in the page: the default also opens a blank page per run to merge the
  // frames' results (the pages have no frames), and reporting only violations skips collecting passes.
  const { violations } = await new AxeBuilder({ page })
    .withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa', 'best-practice'])
    .options({ resultTypes: ['violations'] })
    .setLegacyMode()
    .analyze();
  return violations
    .filter((v) => v.impact === 'serious' || v.impact === 'critical')
    .map((v) => `${label}: ${v.id} (${v.impact}) ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`);
}

/** The password of every person a browser suite opens (suite.addPerson). */
export const SUITE_PASSWORD = 'a long enough demo password';

/** What a signed-in role's browser suite works with; set by its beforeAll, before any test runs. */
export interface WebBrowserSuite extends WebApi {
  /** The people use cases on the API's database: accounts are opened beside it, as `people` commands do. */
  people: PeopleContext;
  browser: Browser;
  /** test-output/<name>/: the suite's screenshots, emptied before it runs. */
  out: string;
  /** A person of `organizationId` with `roles` and SUITE_PASSWORD. */
  addPerson(organizationId: string, email: string, roles: Role[]): Promise<void>;
  /** Goes to `path`, is sent to the sign-in form, signs in as `email`: the response of the page it lands on. */
  signIn(page: Page, path: string, email: string): Promise<Response | null>;
  /** screenshotInto the suite's folder. */
  shoot(page: Page, name: string): Promise<void>;
  /** axeAsSignedIn on this suite's API. */
  axe(context: BrowserContext, paths: readonly string[], locale: string, viewport: { width: number; height: number }): Promise<string[]>;
  /** How many screenshots the suite has left. */
  screenshotCount(): number;
}

/**
 * A signed-in role's browser suite, from inside its describe: beforeAll empties test-output/<name>/,
 * starts the built API on a seeded ledger (startSeededWebApi), the people context on its database and
 * Chromium; afterAll stops them. The suite's own set-up (accounts, claims) goes in a beforeAll after it.
 */
export function webBrowserSuite(name: string, adminKey: string): WebBrowserSuite {
  const out = join(REPO_ROOT, 'test-output', name);
  const started: Partial<WebApi & { people: PeopleContext; browser: Browser }> = {};
  const suite: WebBrowserSuite = {
    get database() {
      return started.database!;
    },
    get api() {
      return started.api!;
    },
    get base() {
      return started.base!;
    },
    get seed() {
      return started.seed!;
    },
    get people() {
      return started.people!;
    },
    get browser() {
      return started.browser!;
    },
    out,
    addPerson: async (organizationId, email, roles) => {
      await suite.people.app.get(CreatePersonUseCase).execute({ organizationId, email, password: SUITE_PASSWORD, roles, actor: { kind: 'admin' } });
    },
    signIn: async (page, path, email) => {
      await page.goto(`${suite.base}${path}`);
      expect(new URL(page.url()).pathname).toBe('/sign-in');
      await page.fill('#email', email);
      await page.fill('#password', SUITE_PASSWORD);
      return clickThrough(page, 'form.sign-in button[type=submit]');
    },
    shoot: (page, shot) => screenshotInto(out, page, shot),
    axe: (context, paths, locale, viewport) => axeAsSignedIn(suite.browser, suite.base, context, paths, locale, viewport),
    screenshotCount: () => readdirSync(out).filter((f) => f.endsWith('.png')).length,
  };

  beforeAll(async () => {
    rmSync(out, { recursive: true, force: true });
    mkdirSync(out, { recursive: true });
    await waitForFiles([BUILT.api]);
    Object.assign(started, await startSeededWebApi(adminKey));
    started.people = await startPeopleContext({ database: started.database });
    started.browser = await launchChromium();
  }, 90_000);

  afterAll(async () => {
    await started.browser?.close().catch(() => undefined);
    await started.people?.close();
    await started.api?.stop();
    await started.database?.drop();
  });
  return suite;
}

/** Clicks `selector` (a link, a form's button): the response of the page the browser lands on (after a 303, the page it was sent to). */
export async function clickThrough(page: Page, selector: string): Promise<Response | null> {
  const [response] = await Promise.all([page.waitForNavigation(), page.click(selector)]);
  return response;
}

/** An organisation registered by the administrator, with an API key of its own; applicants get a valid corporate number. */
export async function organizationWithKey(
  call: (method: 'POST', path: string, key: string, body: object, status: number) => Promise<Record<string, any>>,
  adminKey: string,
  name: string,
  roles: string[],
): Promise<{ id: string; key: string }> {
  const digits = String(Math.floor(Math.random() * 1e12)).padStart(12, '0');
  const corporate = roles.includes('applicant') ? { corporateNumber: `${corporateNumberCheckDigit(digits)}${digits}` } : {};
  const org = await call('POST', '/v1/organizations', adminKey, { name, roles, ...corporate }, 201);
  const key = await call('POST', `/v1/organizations/${org.id}/api-keys`, adminKey, {}, 201);
  return { id: org.id as string, key: key.key as string };
}
