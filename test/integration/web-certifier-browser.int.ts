import { assertJapaneseGlyphs } from '../support/browser-tools';
import { callApi } from '../support/http-client';
import { BROWSER_SCRIPTS, BROWSER_WIDTHS, clickThrough, describeWithChromium, expectFittingPage, inBrowserMatrix, openBrowserContext, organizationWithKey, seriousAxeViolations, webBrowserSuite } from '../support/web-browser';

/**
 * A certification body's reviewer (issue 19) in Debian's Chromium: signs in from the queue, opens a
 * submitted claim, certifies it, has a suspension refused by CN-2.3.5-2 (no recommendation before),
 * then suspends it on urgent grounds with a reason; in Japanese and English, at 1280 and 390 px,
 * JavaScript off and on, a screenshot of each page in test-output/web-certifier/, axe-core on each.
 */

const ADMIN = 'web-certifier-browser-admin-key-0123456789';

const LANGS = [
  { lang: 'ja', locale: 'ja-JP', title: '審査キュー', certified: '認証済み', suspended: '一時停止' },
  { lang: 'en', locale: 'en-US', title: 'Review queue', certified: 'Certified', suspended: 'Suspended' },
] as const;
/** The screenshots each run leaves: queue, claim, certified, suspension refused, suspended. */
const SHOTS_PER_RUN = 5;

const RUNS = LANGS.flatMap((lang) => BROWSER_WIDTHS.flatMap((size) => BROWSER_SCRIPTS.map((script) => ({ ...lang, size, script, tag: `${lang.lang}-${size.name}-${script.name}` })))).filter((run) =>
  inBrowserMatrix(run.lang, run.size.width, run.script.enabled),
);

const { describeWithBrowser, skipNote } = describeWithChromium('web-certifier-browser.int');

describeWithBrowser(`the certifier's review in headless Chromium${skipNote}`, () => {
  const suite = webBrowserSuite('web-certifier', ADMIN);
  const email = `reviewer.${Date.now()}@example.jp`;
  /** One submitted, verified claim per run, by its boundary (the queue's link text). */
  const boundaries = new Map(RUNS.map((run) => [run.tag, `審査テスト ${run.tag}`]));

  beforeAll(async () => {
    const ok = async (method: 'GET' | 'POST', path: string, key: string, body: object | undefined, status: number) => {
      const res = await callApi(suite.base, method, path, key, body);
      if (res.status !== status) throw new Error(`${method} ${path} answered ${res.status}, not ${status}: ${JSON.stringify(res.body)}`);
      return res.body;
    };
    const organization = (name: string, roles: string[]) => organizationWithKey(ok, ADMIN, name, roles);
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
    await suite.addPerson(certifier.id, email, ['certifier']);
  }, 180_000);

  it.each(RUNS.map((run) => [run.tag, run] as const))('%s: queue → claim → certify, a refused suspension, then suspend with a reason', async (_tag, run) => {
    const { lang, locale, size, script, tag } = run;
    // The refused suspension (422) is answered on purpose.
    const { context, page, problems } = await openBrowserContext(suite.browser, { locale, viewport: size, javaScriptEnabled: script.enabled, expectedStatuses: /status of 422/ });
    try {
      const queue = await suite.signIn(page, '/review', email);
      await expectFittingPage(page, queue, 200, lang, size.width);
      expect(new URL(page.url()).pathname).toBe('/review');
      expect(await page.locator('h1').textContent()).toBe(run.title);
      await suite.shoot(page, `queue-${tag}`);

      const boundary = boundaries.get(tag)!;
      const opened = await clickThrough(page, `table.review-queue a:text-is("${boundary}")`);
      await expectFittingPage(page, opened, 200, lang, size.width);
      const claimPath = new URL(page.url()).pathname;
      expect(claimPath).toMatch(/^\/review\/[0-9a-f-]{36}$/);
      expect(await page.locator('form.decision').count()).toBe(1);
      await suite.shoot(page, `claim-${tag}`);

      const certified = await clickThrough(page, '#decision-certify button[type=submit]');
      await expectFittingPage(page, certified, 200, lang, size.width);
      expect(new URL(page.url()).pathname).toBe(claimPath);
      expect(await page.locator('.claim-state .badge').textContent()).toBe(run.certified);
      expect(await page.locator('table.history tr.history-certify td').last().textContent()).toContain(email);
      await suite.shoot(page, `certified-${tag}`);

      // Suspending for an uncorrected breach needs a recommendation first (CN-2.3.5-2): refused, what was typed kept.
      await page.fill('#decision-suspend-reason', 'scope 2 of the Nagoya site left out');
      const refused = await clickThrough(page, '#decision-suspend button[type=submit]');
      await expectFittingPage(page, refused, 422, lang, size.width);
      expect(await page.locator('#decision-suspend-refusal').textContent()).toContain('CN-2.3.5-2');
      expect(await page.locator('#decision-suspend-reason').inputValue()).toBe('scope 2 of the Nagoya site left out');
      await suite.shoot(page, `suspend-refused-${tag}`);
      const refusedViolations = script.enabled ? await seriousAxeViolations(page, `${claimPath} (refused)`) : [];

      await page.selectOption('#decision-suspend-ground', 'urgent');
      await page.fill('#decision-suspend-reason', '緊急: ラベルの誤用が報告された');
      const suspended = await clickThrough(page, '#decision-suspend button[type=submit]');
      await expectFittingPage(page, suspended, 200, lang, size.width);
      expect(await page.locator('.claim-state .badge').textContent()).toBe(run.suspended);
      expect(await page.locator('table.history tr.history-suspend td.reason').textContent()).toBe('緊急: ラベルの誤用が報告された');
      expect(await page.locator('#decision-reinstate').count()).toBe(1);
      await suite.shoot(page, `suspended-${tag}`);
      if (lang === 'ja') await assertJapaneseGlyphs(context, page, 'main h1');

      expect([...refusedViolations, ...(await suite.axe(context, ['/review', '/review?status=suspended', claimPath], locale, size))]).toEqual([]);
      expect(problems).toEqual([]);
    } finally {
      await context.close();
    }
    // Five pages, four axe runs and six form posts: minutes on a machine shared with other test runs.
  }, 300_000);

  it('left a screenshot of each page, language, width and script setting in test-output/web-certifier/', () => {
    expect(suite.screenshotCount()).toBe(SHOTS_PER_RUN * RUNS.length);
  });
});
