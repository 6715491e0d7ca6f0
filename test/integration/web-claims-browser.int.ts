import { randomUUID } from 'node:crypto';
import { clickThrough, describeWithChromium, expectFittingPage, openBrowserContext, organizationWithKey, webBrowserSuite } from '../support/web-browser';

/**
 * The applicant's and the verifier's pages (issue 19) in Debian's Chromium: an applicant signs in,
 * files a CN draft through the form (a refusal citing its rule first), authorises a provider from
 * the directory, is refused on submit while short (CN-2.1.6), sees the bar full once the provider
 * retired, and submits; the verifier opens the claim by id and records a verification. Japanese and
 * English, 1280 and 390 px, JavaScript off and on (each language and width once each way), a
 * screenshot of each page in test-output/web-claims/, axe-core on each (no serious or critical).
 */

const ADMIN = 'web-claims-browser-admin-key-0123456789';

/** Each language at each width, JavaScript off for one width and on for the other. */
const RUNS = [
  { lang: 'ja', locale: 'ja-JP', width: 1280, height: 900, js: false, covered: '充足' },
  { lang: 'ja', locale: 'ja-JP', width: 390, height: 844, js: true, covered: '充足' },
  { lang: 'en', locale: 'en-US', width: 1280, height: 900, js: true, covered: 'Covered' },
  { lang: 'en', locale: 'en-US', width: 390, height: 844, js: false, covered: 'Covered' },
] as const;
const SHOTS = ['claims-empty', 'claim-new', 'claim-refused', 'claim-created', 'claim-authorized', 'claim-short', 'claim-submitted', 'claims', 'verifications', 'verification-form', 'verification-refused', 'verification-recorded'];

const { describeWithBrowser, skipNote } = describeWithChromium('web-claims-browser.int');

describeWithBrowser(`applicant and verifier web pages in headless Chromium${skipNote}`, () => {
  const suite = webBrowserSuite('web-claims', ADMIN);
  let provider: { id: string; key: string };
  let serial = 0;
  const accounts: { lang: string; applicant: string; verifier: string }[] = [];

  /**
   * One API call; a connection the server closed as it was reused (undici's "other side closed", seen
   * on this loaded machine) is tried again under the same Idempotency-Key, so nothing is made twice.
   */
  const api = async (method: 'GET' | 'POST', path: string, key: string, body: object | undefined, status: number) => {
    const idempotencyKey = `web-claims-${randomUUID()}`;
    for (let attempt = 1; ; attempt++) {
      try {
        const res = await fetch(`${suite.base}${path}`, {
          method,
          headers: { Authorization: `Bearer ${key}`, 'Content-Type': 'application/json', ...(method === 'POST' ? { 'Idempotency-Key': idempotencyKey } : {}) },
          body: body === undefined ? undefined : JSON.stringify(body),
        });
        const answer = (await res.json()) as Record<string, any>;
        if (res.status !== status) throw new Error(`${method} ${path} answered ${res.status}: ${JSON.stringify(answer)}`);
        return answer;
      } catch (error) {
        if (attempt >= 3 || !(error instanceof TypeError)) throw error;
      }
    }
  };
  const organization = (name: string, roles: string[]) => organizationWithKey(api, ADMIN, name, roles);

  beforeAll(async () => {
    provider = await organization('オフセット・プロバイダー株式会社', ['provider']);
    for (const run of RUNS) {
      const tag = `${run.lang}${run.width}`;
      // An applicant and a verifier of their own per run: each run's claims list starts empty.
      const applicant = await organization(`申請者 ${tag} 株式会社`, ['applicant']);
      const verifier = await organization(`検証機関 ${tag}`, ['verifier']);
      const account = { lang: tag, applicant: `applicant.${tag}.${Date.now()}@example.jp`, verifier: `verifier.${tag}.${Date.now()}@example.jp` };
      await suite.addPerson(applicant.id, account.applicant, ['applicant']);
      await suite.addPerson(verifier.id, account.verifier, ['verifier']);
      accounts.push(account);
    }
  }, 120_000);

  RUNS.forEach((run, index) => {
    const tag = `${run.lang}-${run.width === 1280 ? 'desktop' : 'mobile'}-js-${run.js ? 'on' : 'off'}`;
    const viewport = { width: run.width, height: run.height };

    it(`an applicant files, authorises, is refused while short, submits; a verifier records (${tag})`, async () => {
      const account = accounts[index];
      // The refusals (422, 400) are answered on purpose.
      const applicantBrowser = await openBrowserContext(suite.browser, { locale: run.locale, viewport, javaScriptEnabled: run.js, expectedStatuses: /status of 4(22|00)/ });
      let claimId = '';
      try {
        const { page, context, problems } = applicantBrowser;
        await expectFittingPage(page, await suite.signIn(page, '/claims', account.applicant), 200, run.lang, run.width);
        expect(new URL(page.url()).pathname).toBe('/claims');
        await suite.shoot(page, `claims-empty-${tag}`);

        await expectFittingPage(page, await clickThrough(page, 'main a.button-link'), 200, run.lang, run.width);
        expect(new URL(page.url()).pathname).toBe('/claims/new');
        await suite.shoot(page, `claim-new-${tag}`);
        await page.fill('#f-boundary', '本社及び国内全事業所');
        await page.fill('#f-baseYear', '2013');
        await page.fill('#f-targetPeriod-start', '2024-04-01');
        await page.fill('#f-targetPeriod-end', '2024-12-31');
        await page.fill('#f-emissions-scope1', '1200.4');
        await page.fill('#f-emissions-scope2', '800');
        await page.check('#f-declarations-independentOfCertifierAndVerifier');
        // A target period under a year: refused, citing the rule; what was typed stays.
        await expectFittingPage(page, await clickThrough(page, 'form.claim-form button[type=submit]'), 422, run.lang, run.width);
        expect(await page.locator('#refusal .rule-id').first().textContent()).toBe('CN-2.1.2-3');
        expect(await page.locator('#f-emissions-scope1').inputValue()).toBe('1200.4');
        await suite.shoot(page, `claim-refused-${tag}`);
        await page.fill('#f-targetPeriod-end', '2025-03-31');
        await expectFittingPage(page, await clickThrough(page, 'form.claim-form button[type=submit]'), 200, run.lang, run.width);
        claimId = /\/claims\/([0-9a-f-]{36})$/.exec(new URL(page.url()).pathname)![1];
        expect(await page.locator('.coverage-text').textContent()).toBe('0 / 2,001 t-CO2');
        await suite.shoot(page, `claim-created-${tag}`);

        await page.selectOption('#provider-choice', provider.id);
        await expectFittingPage(page, await clickThrough(page, 'form.authorize-provider button[type=submit]'), 200, run.lang, run.width);
        expect(await page.locator(`tr[data-provider="${provider.id}"]`).count()).toBe(1);
        await suite.shoot(page, `claim-authorized-${tag}`);

        // The provider retires a part for the claim through the API: submitting is refused while short.
        await api('POST', '/v1/retirements', provider.key, { serials: [`JCL-ERL-R${7100 + index * 10 + ++serial}-1-1000`], claimId, beneficiary: 'applicant', purpose: 'offset', evidence: { registry: 'J-Credit registry', reference: `JC-B-${serial}` } }, 201);
        await page.reload();
        await expectFittingPage(page, await clickThrough(page, 'form.submit-claim button[type=submit]'), 422, run.lang, run.width);
        expect(await page.locator('#refusal .rule-id').allTextContents()).toContain('CN-2.1.6');
        expect(await page.locator('.coverage-text').textContent()).toBe('1,000 / 2,001 t-CO2');
        await suite.shoot(page, `claim-short-${tag}`);

        await api('POST', '/v1/retirements', provider.key, { serials: [`JCL-ERL-R${7100 + index * 10 + ++serial}-1-1001`], claimId, beneficiary: 'applicant', purpose: 'offset', evidence: { registry: 'J-Credit registry', reference: `JC-B-${serial}` } }, 201);
        await page.goto(`${suite.base}/claims/${claimId}`);
        expect(await page.locator('.coverage-state').textContent()).toBe(run.covered);
        await expectFittingPage(page, await clickThrough(page, 'form.submit-claim button[type=submit]'), 200, run.lang, run.width);
        expect(await page.locator('.alert.ok').count()).toBe(1);
        expect(await page.locator('form.submit-claim').count()).toBe(0);
        await suite.shoot(page, `claim-submitted-${tag}`);

        await expectFittingPage(page, await page.goto(`${suite.base}/claims`), 200, run.lang, run.width);
        expect(await page.locator('table.my-claims tbody tr').count()).toBe(1);
        await suite.shoot(page, `claims-${tag}`);

        expect(await suite.axe(context, ['/claims', '/claims/new', '/claims/new?type=CFP', `/claims/${claimId}`], run.locale, viewport)).toEqual([]);
        expect(problems).toEqual([]);
      } finally {
        await applicantBrowser.context.close();
      }

      const verifierBrowser = await openBrowserContext(suite.browser, { locale: run.locale, viewport, javaScriptEnabled: run.js, expectedStatuses: /status of 4(22|00)/ });
      try {
        const { page, context, problems } = verifierBrowser;
        await expectFittingPage(page, await suite.signIn(page, '/verifications', account.verifier), 200, run.lang, run.width);
        await suite.shoot(page, `verifications-${tag}`);
        await page.fill('#f-claim', claimId);
        await expectFittingPage(page, await clickThrough(page, 'form.open-claim button[type=submit]'), 200, run.lang, run.width);
        expect(new URL(page.url()).pathname).toBe(`/verifications/${claimId}`);
        await suite.shoot(page, `verification-form-${tag}`);
        await page.fill('#f-reportReference', `VR-${tag}`);
        await page.fill('#f-verifiedEmissions-scope1', '1200.4');
        await page.fill('#f-verifiedEmissions-scope2', '800');
        // Not declared independent of the applicant: refused, citing CN-2.2.2.
        await expectFittingPage(page, await clickThrough(page, 'form.verification-form button[type=submit]'), 422, run.lang, run.width);
        expect(await page.locator('#refusal .rule-id').first().textContent()).toBe('CN-2.2.2');
        await suite.shoot(page, `verification-refused-${tag}`);
        await page.check('#f-independentOfApplicant');
        await expectFittingPage(page, await clickThrough(page, 'form.verification-form button[type=submit]'), 200, run.lang, run.width);
        expect(await page.locator('.alert.ok').count()).toBe(1);
        await suite.shoot(page, `verification-recorded-${tag}`);
        expect(await suite.axe(context, ['/verifications', `/verifications/${claimId}`], run.locale, viewport)).toEqual([]);
        expect(problems).toEqual([]);
      } finally {
        await verifierBrowser.context.close();
      }
      const claim = await api('GET', `/v1/claims/${claimId}`, ADMIN, undefined, 200);
      expect([claim.status, claim.verification?.reportReference]).toEqual(['submitted', `VR-${tag}`]);
    }, 420_000);
  });

  it('left a screenshot of each page for each run in test-output/web-claims/', () => {
    expect(suite.screenshotCount()).toBe(SHOTS.length * RUNS.length);
  });
});
