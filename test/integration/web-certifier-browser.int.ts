import { corporateNumberCheckDigit } from '@registry/domain';
import { CreatePersonUseCase } from '@registry/ledger';
import { mkdirSync, readdirSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import type { Browser, BrowserContext, Page, Response } from 'playwright-core';
import { assertJapaneseGlyphs, inkRatio, launchChromium, readPng, waitForFiles } from '../support/browser-tools';
import { callApi } from '../support/http-client';
import { startPeopleContext, type PeopleContext } from '../support/people-context';
import { BUILT, REPO_ROOT } from '../support/processes';
import { describeWithChromium, inBrowserMatrix, openBrowserContext, seriousAxeViolations, startSeededWebApi, type WebApi, expectFittingPage, screenshotInto, axeAsSignedIn } from '../support/web-browser';

/**
 * A certification body's reviewer (issue 19) in Debian's Chromium: signs in from the queue, opens a
 * submitted claim, certifies it, has a suspension refused by CN-2.3.5-2 (no recommendation before),
 * then suspends it on urgent grounds with a reason; in Japanese and English, at 1280 and 390 px,
 * JavaScript off and on, a screenshot of each page in test-output/web-certifier/, axe-core on each.
 */

const ADMIN = 'web-certifier-browser-admin-key-0123456789';
const OUT = join(REPO_ROOT, 'test-output', 'web-certifier');
const PASSWORD = 'a long enough demo password';

const LANGS = [
  { lang: 'ja', locale: 'ja-JP', title: '審査キュー', certified: '認証済み', suspended: '一時停止' },
  { lang: 'en', locale: 'en-US', title: 'Review queue', certified: 'Certified', suspended: 'Suspended' },
] as const;
const WIDTHS = [
  { name: 'desktop', width: 1280, height: 900 },
  { name: 'mobile', width: 390, height: 844 },
] as const;
const SCRIPTS = [
  { name: 'nojs', javaScriptEnabled: false },
  { name: 'js', javaScriptEnabled: true },
] as const;
/** The screenshots each run leaves: queue, claim, certified, suspension refused, suspended. */
const SHOTS_PER_RUN = 5;

const RUNS = LANGS.flatMap((lang) => WIDTHS.flatMap((size) => SCRIPTS.map((script) => ({ ...lang, size, script, tag: `${lang.lang}-${size.name}-${script.name}` })))).filter((run) =>
  inBrowserMatrix(run.lang, run.size.width, run.script.javaScriptEnabled),
);

const { describeWithBrowser, skipNote } = describeWithChromium('web-certifier-browser.int');

describeWithBrowser(`the certifier's review in headless Chromium${skipNote}`, () => {
  let web: WebApi | undefined;
  let people: PeopleContext | undefined;
  let browser: Browser | undefined;
  let base: string;
  const email = `reviewer.${Date.now()}@example.jp`;
  /** One submitted, verified claim per run, by its boundary (the queue's link text). */
  const boundaries = new Map(RUNS.map((run) => [run.tag, `審査テスト ${run.tag}`]));

  beforeAll(async () => {
    rmSync(OUT, { recursive: true, force: true });
    mkdirSync(OUT, { recursive: true });
    await waitForFiles([BUILT.api]);
    web = await startSeededWebApi(ADMIN);
    base = web.base;
    const ok = async (method: 'GET' | 'POST', path: string, key: string, body: object | undefined, status: number) => {
      const res = await callApi(base, method, path, key, body);
      if (res.status !== status) throw new Error(`${method} ${path} answered ${res.status}, not ${status}: ${JSON.stringify(res.body)}`);
      return res.body;
    };
    const organization = async (name: string, roles: string[]) => {
      const digits = String(Math.floor(Math.random() * 1e12)).padStart(12, '0');
      const corporate = roles.includes('applicant') ? { corporateNumber: `${corporateNumberCheckDigit(digits)}${digits}` } : {};
      const org = await ok('POST', '/v1/organizations', ADMIN, { name, roles, ...corporate }, 201);
      const key = await ok('POST', `/v1/organizations/${org.id}/api-keys`, ADMIN, {}, 201);
      return { id: org.id as string, key: key.key as string };
    };
    const certifier = await organization('審査認証センター', ['certifier']);
    const applicant = await organization('東海エネルギー株式会社', ['applicant']);
    const verifier = await organization('第三者検証株式会社', ['verifier']);
    let project = 6100;
    for (const boundary of boundaries.values()) {
      const emissions = { scope1: '1200.4', scope2: '800' };
      const claim = await ok('POST', '/v1/claims', applicant.key, { type: 'CN', declarations: { independentOfCertifierAndVerifier: true }, boundary, targetPeriod: { start: '2024-04-01', end: '2025-03-31' }, baseYear: 2013, emissions }, 201);
      project += 1;
      await ok('POST', '/v1/retirements', applicant.key, { serials: [`JCL-ERL-R${project}-1-2001`], claimId: claim.id, beneficiary: '東海エネルギー株式会社', purpose: 'CN 認証', evidence: { registry: 'J-Credit registry', reference: `無効化通知 JC-${project}` } }, 201);
      await ok('POST', `/v1/claims/${claim.id}/submit`, applicant.key, undefined, 200);
      await ok('POST', `/v1/claims/${claim.id}/certifier`, ADMIN, { organizationId: certifier.id }, 200);
      await ok('POST', `/v1/claims/${claim.id}/verification`, verifier.key, { reportReference: `VR-${project}`, assurance: 'reasonable', opinion: 'unqualified', verifiedEmissions: emissions, independentOfApplicant: true }, 201);
    }
    people = await startPeopleContext({ database: web.database });
    await people.app.get(CreatePersonUseCase).execute({ organizationId: certifier.id, email, password: PASSWORD, roles: ['certifier'], actor: { kind: 'admin' } });
    browser = await launchChromium();
  }, 180_000);

  afterAll(async () => {
    await browser?.close().catch(() => undefined);
    await people?.close();
    await web?.api.stop();
    await web?.database.drop();
  });

  const expectPage = expectFittingPage;
  const shoot = (page: Page, name: string) => screenshotInto(OUT, page, name);
  const axe = (context: BrowserContext, paths: string[], locale: string, viewport: { width: number; height: number }) => axeAsSignedIn(browser!, base, context, paths, locale, viewport);

  const submit = (page: Page, selector: string) => Promise.all([page.waitForNavigation(), page.click(selector)]).then(([response]) => response);

  it.each(RUNS.map((run) => [run.tag, run] as const))('%s: queue → claim → certify, a refused suspension, then suspend with a reason', async (_tag, run) => {
    const { lang, locale, size, script, tag } = run;
    // The refused suspension (422) is answered on purpose.
    const { context, page, problems } = await openBrowserContext(browser!, { locale, viewport: size, javaScriptEnabled: script.javaScriptEnabled, expectedStatuses: /status of 422/ });
    try {
      await page.goto(`${base}/review`);
      expect(new URL(page.url()).pathname).toBe('/sign-in');
      await page.fill('#email', email);
      await page.fill('#password', PASSWORD);
      const queue = await submit(page, 'form.sign-in button[type=submit]');
      await expectPage(page, queue, 200, lang, size.width);
      expect(new URL(page.url()).pathname).toBe('/review');
      expect(await page.locator('h1').textContent()).toBe(run.title);
      await shoot(page, `queue-${tag}`);

      const boundary = boundaries.get(tag)!;
      const opened = await submit(page, `table.review-queue a:text-is("${boundary}")`);
      await expectPage(page, opened, 200, lang, size.width);
      const claimPath = new URL(page.url()).pathname;
      expect(claimPath).toMatch(/^\/review\/[0-9a-f-]{36}$/);
      expect(await page.locator('form.decision').count()).toBe(1);
      await shoot(page, `claim-${tag}`);

      const certified = await submit(page, '#decision-certify button[type=submit]');
      await expectPage(page, certified, 200, lang, size.width);
      expect(new URL(page.url()).pathname).toBe(claimPath);
      expect(await page.locator('.claim-state .badge').textContent()).toBe(run.certified);
      expect(await page.locator('table.history tr.history-certify td').last().textContent()).toContain(email);
      await shoot(page, `certified-${tag}`);

      // Suspending for an uncorrected breach needs a recommendation first (CN-2.3.5-2): refused, what was typed kept.
      await page.fill('#decision-suspend-reason', 'scope 2 of the Nagoya site left out');
      const refused = await submit(page, '#decision-suspend button[type=submit]');
      await expectPage(page, refused, 422, lang, size.width);
      expect(await page.locator('#decision-suspend-refusal').textContent()).toContain('CN-2.3.5-2');
      expect(await page.locator('#decision-suspend-reason').inputValue()).toBe('scope 2 of the Nagoya site left out');
      await shoot(page, `suspend-refused-${tag}`);
      const refusedViolations = script.javaScriptEnabled ? await seriousAxeViolations(page, `${claimPath} (refused)`) : [];

      await page.selectOption('#decision-suspend-ground', 'urgent');
      await page.fill('#decision-suspend-reason', '緊急: ラベルの誤用が報告された');
      const suspended = await submit(page, '#decision-suspend button[type=submit]');
      await expectPage(page, suspended, 200, lang, size.width);
      expect(await page.locator('.claim-state .badge').textContent()).toBe(run.suspended);
      expect(await page.locator('table.history tr.history-suspend td.reason').textContent()).toBe('緊急: ラベルの誤用が報告された');
      expect(await page.locator('#decision-reinstate').count()).toBe(1);
      await shoot(page, `suspended-${tag}`);
      if (lang === 'ja') await assertJapaneseGlyphs(context, page, 'main h1');

      expect([...refusedViolations, ...(await axe(context, ['/review', '/review?status=suspended', claimPath], locale, size))]).toEqual([]);
      expect(problems).toEqual([]);
    } finally {
      await context.close();
    }
    // Five pages, four axe runs and six form posts: minutes on a machine shared with other test runs.
  }, 300_000);

  it('left a screenshot of each page, language, width and script setting in test-output/web-certifier/', () => {
    const shots = readdirSync(OUT).filter((f) => f.endsWith('.png'));
    expect(shots.length).toBe(SHOTS_PER_RUN * RUNS.length);
  });
});
