import { createKeyedOrganization, type KeyedOrganization } from '../support/access-fixtures';
import { startTestApp, type TestApp } from '../support/test-app';
import { TEST_ENGINE } from '../support/test-engine';
import { cnValidity, createWebPerson, submittedCnClaim, webSignIn } from '../support/web-certifier-fixtures';

type Session = { cookie: string; csrf: string };

/** Issue 19: a certification body's review pages, through the same use cases as the API's certifier routes. */
describe(`web: the certifier's review (${TEST_ENGINE})`, () => {
  let t: TestApp;
  let applicant: KeyedOrganization;
  let certifier: KeyedOrganization;
  let otherCertifier: KeyedOrganization;
  let reviewer: { id: string; email: string; organizationId: string };
  let me: Session;
  let other: Session;
  let provider: Session;
  /** Submitted and verified, assigned to `certifier`: the happy path runs on it. */
  let mainClaim: string;
  /** Submitted, never verified, assigned to `certifier`: certify is refused (CN-2.2.4). */
  let unverified: string;
  /** Assigned to the other certification body. */
  let othersClaim: string;
  /** Verified, then its retirement voided by the admin: no longer covered, a finding with its rule id. */
  let uncovered: string;

  const page = (path: string, session?: Session) => t.http.get(path).set({ Accept: 'text/html', ...(session ? { Cookie: session.cookie } : {}) });
  /** Posts a decision's form; `csrf: null` leaves the token out. */
  const decide = (session: Session, path: string, fields: Record<string, string>, csrf: string | null = session.csrf) =>
    t.http
      .post(path)
      .set({ Accept: 'text/html', 'Content-Type': 'application/x-www-form-urlencoded', Cookie: session.cookie })
      .send(new URLSearchParams({ ...(csrf === null ? {} : { _csrf: csrf }), ...fields }).toString());
  const status = async (claimId: string) => (await t.http.get(`/v1/claims/${claimId}`).set(t.admin).expect(200)).body.status as string;
  const placeholder = (n: number) => (TEST_ENGINE === 'postgres' ? `$${n}` : '?');
  const journalActors = async (type: string, claimId: string) =>
    ((await t.dataSource.query(`SELECT actor, payload FROM journal_entries WHERE type = ${placeholder(1)} ORDER BY seq`, [type])) as { actor: string; payload: string }[])
      .filter((row) => JSON.parse(row.payload).claimId === claimId)
      .map((row) => row.actor);

  beforeAll(async () => {
    t = await startTestApp({ RATE_LIMIT_PER_MINUTE: '0' });
    applicant = await createKeyedOrganization(t, ['applicant'], 'みどり商事株式会社');
    certifier = await createKeyedOrganization(t, ['certifier'], '一般社団法人 認証機構');
    otherCertifier = await createKeyedOrganization(t, ['certifier'], 'Other certification body');
    const providerOrg = await createKeyedOrganization(t, ['provider'], 'Provider KK');
    reviewer = await createWebPerson(t, certifier.id, ['certifier'], 'reviewer');
    const otherReviewer = await createWebPerson(t, otherCertifier.id, ['certifier'], 'other-reviewer');
    const providerPerson = await createWebPerson(t, providerOrg.id, ['provider'], 'provider');
    mainClaim = await submittedCnClaim(t, applicant, certifier.id, { boundary: '本社及び国内全事業所' });
    unverified = await submittedCnClaim(t, applicant, certifier.id, { boundary: '大阪工場', verified: false });
    othersClaim = await submittedCnClaim(t, applicant, otherCertifier.id, { boundary: '他機関の案件' });
    uncovered = await submittedCnClaim(t, applicant, certifier.id, { boundary: '福岡営業所' });
    const [retirement] = (await t.http.get(`/v1/claims/${uncovered}`).set(t.admin).expect(200)).body.retirements;
    await t.http.post(`/v1/retirements/${retirement.id}/void`).set(t.admin).send({ reason: 'entered in error' }).expect(200);
    me = await webSignIn(t, reviewer.email);
    other = await webSignIn(t, otherReviewer.email);
    provider = await webSignIn(t, providerPerson.email);
  }, 180_000);
  afterAll(() => t?.close());

  describe('the queue', () => {
    it('lists the claims assigned to this body, awaiting decision by default, with a count per state; never another body’s', async () => {
      const res = await page('/review', me).expect(200);
      expect(res.headers['cache-control']).toBe('no-store');
      expect(res.text).toContain('審査キュー');
      expect(res.text).toContain('本社及び国内全事業所');
      expect(res.text).toContain('大阪工場');
      expect(res.text).toContain('みどり商事株式会社');
      expect(res.text).not.toContain('他機関の案件');
      expect(res.text).toMatch(/判断待ち（申請中）<\/span> <span class="count">3 件<\/span>/);
      expect(res.text).toContain(`href="/review/${mainClaim}"`);
      const theirs = await page('/review?lang=en', other).expect(200);
      expect(theirs.text).toContain('他機関の案件');
      expect(theirs.text).not.toContain('大阪工場');
      expect(theirs.text).toMatch(/Awaiting decision \(submitted\)<\/span> <span class="count">1 claims<\/span>/);
    });

    it('filters by state; an unknown state is a 400 page', async () => {
      const res = await page('/review?status=revoked&lang=en', me).expect(200);
      expect(res.text).toContain('No claims in this state.');
      expect(res.text).toContain('aria-current="page"');
      await page('/review?status=draft', me).expect(400);
    });

    it('is for certifiers: another role gets 403, no session a 303 to sign in', async () => {
      await page('/review', provider).expect(403);
      await page(`/review/${mainClaim}`, provider).expect(403);
      const anonymous = await page('/review').expect(303);
      expect(anonymous.headers.location).toBe('/sign-in?next=%2Freview');
    });
  });

  describe('a claim', () => {
    it('shows program, applicant, coverage, findings with rule ids, the verification, the retirements and the history, with only the certify form', async () => {
      const res = await page(`/review/${mainClaim}`, me).expect(200);
      for (const text of ['カーボン・ニュートラル認証', 'みどり商事株式会社', '本社及び国内全事業所', '2,001 t-CO2', '必要量を満たしています', 'verification body', 'VR-', 'JCL-ERL-R', '申請の作成', '認証機関の割当て', '検証の記録']) {
        expect(res.text).toContain(text);
      }
      expect(res.text).toContain('指摘はありません。');
      expect(res.text).toContain(`action="/review/${mainClaim}/certify"`);
      expect(res.text).not.toContain(`action="/review/${mainClaim}/suspend"`);
      expect(res.text).not.toContain(`action="/review/${mainClaim}/revoke"`);
      expect(res.text).toContain(`name="_csrf" value="${me.csrf}"`);
    });

    it('shows an uncovered claim’s findings with their rule ids; certifying it is refused naming the rule (422)', async () => {
      const res = await page(`/review/${uncovered}`, me).expect(200);
      const rule = /<td data-label="規則" class="mono nowrap">([A-Z][A-Za-z0-9.-]+)<\/td><td data-label="重大度"><span class="badge badge-bad">エラー/.exec(res.text)?.[1];
      expect(rule).toBeDefined();
      expect(res.text).toContain('必要量に足りません');
      const refused = await decide(me, `/review/${uncovered}/certify`, cnValidity());
      expect(refused.status).toBe(422);
      expect(refused.text).toContain(`<span class="mono">${rule}</span>`);
      expect(await status(uncovered)).toBe('submitted');
    });

    it('another body’s claim, and a claim that does not exist, are 404 pages; deciding on another’s claim is 404 and changes nothing', async () => {
      await page(`/review/${othersClaim}`, me).expect(404);
      await page('/review/00000000-0000-4000-8000-000000000000', me).expect(404);
      const res = await decide(me, `/review/${othersClaim}/certify`, cnValidity());
      expect(res.status).toBe(404);
      expect(await status(othersClaim)).toBe('submitted');
      await decide(me, `/review/${mainClaim}/no-such-decision`, {}).expect(404);
    });

    it('refuses a form without its CSRF token (403) and changes nothing', async () => {
      const res = await decide(me, `/review/${mainClaim}/certify`, cnValidity(), null);
      expect(res.status).toBe(403);
      const wrong = await decide(me, `/review/${mainClaim}/certify`, cnValidity(), other.csrf);
      expect(wrong.status).toBe(403);
      expect(await status(mainClaim)).toBe('submitted');
    });
  });

  describe('decisions', () => {
    it('certify: refused without an unqualified verification (422 naming CN-2.2.4), and without validity dates (422 beside the date fields)', async () => {
      const unverifiedRes = await decide(me, `/review/${unverified}/certify`, cnValidity());
      expect(unverifiedRes.status).toBe(422);
      expect(unverifiedRes.text).toContain('CN-2.2.4');
      expect(unverifiedRes.text).toContain('操作を受け付けられませんでした');
      expect(await status(unverified)).toBe('submitted');
      const undated = await decide(me, `/review/${mainClaim}/certify?lang=en`, { validFrom: '', validTo: '' });
      expect(undated.status).toBe(422);
      expect(undated.text).toContain('<p class="field-error" id="decision-certify-validFrom-error">Enter the start date as year-month-day.</p>');
      expect(undated.text).toContain('id="decision-certify-validTo-error"');
      const malformed = await decide(me, `/review/${mainClaim}/certify`, { validFrom: '2026-13-45', validTo: 'soon' });
      expect(malformed.status).toBe(422);
      expect(malformed.text).toContain('value="2026-13-45"');
      // Validity beyond a year: the rule refuses, named (CN-2.3.3-1).
      const tooLong = await decide(me, `/review/${mainClaim}/certify`, { validFrom: cnValidity().validFrom, validTo: '2099-01-01' });
      expect(tooLong.status).toBe(422);
      expect(tooLong.text).toContain('CN-2.3.3-1');
      expect(tooLong.text).toContain('次の規則を満たしていません:');
      expect(await status(mainClaim)).toBe('submitted');
    });

    it('certify: 303 back to the claim, which shows it certified with the history entry naming the person; the journal names the person; the public register shows it', async () => {
      const res = await decide(me, `/review/${mainClaim}/certify`, cnValidity());
      expect(res.status).toBe(303);
      expect(res.headers.location).toBe(`/review/${mainClaim}`);
      const shown = await page(res.headers.location, me).expect(200);
      expect(shown.text).toMatch(/現在の状態: <\/span><span class="badge badge-ok">認証済み</);
      expect(shown.text).toContain(`一般社団法人 認証機構（${reviewer.email}）`);
      expect(shown.text).toContain('申請中 → 認証済み');
      expect(shown.text).toContain(`action="/review/${mainClaim}/suspend"`);
      expect(shown.text).toContain(`action="/review/${mainClaim}/recommend-correction"`);
      expect(shown.text).not.toContain(`action="/review/${mainClaim}/certify"`);
      expect(await journalActors('claim.certify', mainClaim)).toEqual([`org:${certifier.id}/person:${reviewer.id}`]);
      const claim = (await t.http.get(`/v1/claims/${mainClaim}`).set(t.admin).expect(200)).body;
      const publicPage = await page(`/register/${encodeURIComponent(claim.certificationNumber)}`).expect(200);
      expect(publicPage.text).toContain('認証済み');
    });

    it('a step the state does not allow: 409 with the claim’s state named', async () => {
      const res = await decide(me, `/review/${mainClaim}/reinstate`, { reason: 'nothing to reinstate' });
      expect(res.status).toBe(409);
      expect(res.text).toContain('この申請は現在「認証済み」のため');
      expect(await status(mainClaim)).toBe('certified');
    });

    it('suspend: the reason is required (422 beside the field); without a prior recommendation the rule refuses (422 naming CN-2.3.5-2)', async () => {
      const blank = await decide(me, `/review/${mainClaim}/suspend`, { ground: 'uncorrected', reason: '  ' });
      expect(blank.status).toBe(422);
      expect(blank.text).toContain('id="decision-suspend-reason-error"');
      expect(blank.text).toContain('理由を 1,000 文字以内で入力してください');
      expect(blank.text).toMatch(/<textarea id="decision-suspend-reason"[^>]*aria-invalid="true"/);
      const norecommendation = await decide(me, `/review/${mainClaim}/suspend`, { ground: 'uncorrected', reason: 'scope 2 left out' });
      expect(norecommendation.status).toBe(422);
      expect(norecommendation.text).toContain('CN-2.3.5-2');
      expect(norecommendation.text).toContain('scope 2 left out'); // what was typed comes back
      expect(await status(mainClaim)).toBe('certified');
    });

    it('recommend a correction (reason and due date required), then suspend with a reason: the history shows both reasons; the public page shows it suspended', async () => {
      const undated = await decide(me, `/review/${mainClaim}/recommend-correction`, { reason: 'add the Osaka site', dueOn: '' });
      expect(undated.status).toBe(422);
      expect(undated.text).toContain('id="decision-recommend-correction-dueOn-error"');
      const today = cnValidity().validFrom;
      await decide(me, `/review/${mainClaim}/recommend-correction`, { reason: 'add the Osaka site', dueOn: today }).expect(303);
      await decide(me, `/review/${mainClaim}/suspend`, { ground: 'uncorrected', reason: 'the Osaka site was not added' }).expect(303);
      const shown = await page(`/review/${mainClaim}`, me).expect(200);
      expect(shown.text).toContain('一時停止</span>');
      expect(shown.text).toContain('add the Osaka site');
      expect(shown.text).toContain('the Osaka site was not added');
      expect(shown.text).toContain('認証済み → 一時停止');
      expect(shown.text).toContain(`action="/review/${mainClaim}/reinstate"`);
      expect(shown.text).toContain(`action="/review/${mainClaim}/revoke"`);
      expect(await journalActors('claim.suspend', mainClaim)).toEqual([`org:${certifier.id}/person:${reviewer.id}`]);
      expect(await journalActors('claim.correction_recommended', mainClaim)).toEqual([`org:${certifier.id}/person:${reviewer.id}`]);
      const claim = (await t.http.get(`/v1/claims/${mainClaim}`).set(t.admin).expect(200)).body;
      const publicPage = await page(`/register/${encodeURIComponent(claim.certificationNumber)}?lang=en`).expect(200);
      expect(publicPage.text).toContain('Suspended');
      expect(publicPage.text).toContain('the Osaka site was not added');
    });

    it('reinstate: reason required (422), then certified again', async () => {
      const blank = await decide(me, `/review/${mainClaim}/reinstate`, { reason: '' });
      expect(blank.status).toBe(422);
      expect(blank.text).toContain('id="decision-reinstate-reason-error"');
      await decide(me, `/review/${mainClaim}/reinstate`, { reason: 'the Osaka site was added' }).expect(303);
      expect(await status(mainClaim)).toBe('certified');
      expect(await journalActors('claim.reinstate', mainClaim)).toEqual([`org:${certifier.id}/person:${reviewer.id}`]);
    });

    it('withdrawal: refuse a request (reason required), accept the next (reason optional); the public register shows it withdrawn', async () => {
      await t.http.post(`/v1/claims/${mainClaim}/withdraw`).set(applicant.auth).send({ reason: 'the site was sold' }).expect(200);
      const queue = await page('/review?status=withdrawal_requested', me).expect(200);
      expect(queue.text).toContain('本社及び国内全事業所');
      const shown = await page(`/review/${mainClaim}`, me).expect(200);
      expect(shown.text).toContain('the site was sold');
      expect(shown.text).toContain(`action="/review/${mainClaim}/accept-withdrawal"`);
      expect(shown.text).toContain(`action="/review/${mainClaim}/reject-withdrawal"`);
      await decide(me, `/review/${mainClaim}/reject-withdrawal`, { reason: '' }).expect(422);
      await decide(me, `/review/${mainClaim}/reject-withdrawal`, { reason: 'no written request was received' }).expect(303);
      expect(await status(mainClaim)).toBe('certified');
      await t.http.post(`/v1/claims/${mainClaim}/withdraw`).set(applicant.auth).send({ reason: 'the site was sold (written)' }).expect(200);
      await decide(me, `/review/${mainClaim}/accept-withdrawal`, { reason: '' }).expect(303);
      expect(await status(mainClaim)).toBe('withdrawn');
      expect(await journalActors('claim.accept_withdrawal', mainClaim)).toEqual([`org:${certifier.id}/person:${reviewer.id}`]);
      const done = await page(`/review/${mainClaim}?lang=en`, me).expect(200);
      expect(done.text).toContain('No decision can be taken on a claim in this state.');
      const claim = (await t.http.get(`/v1/claims/${mainClaim}`).set(t.admin).expect(200)).body;
      const publicPage = await page(`/register/${encodeURIComponent(claim.certificationNumber)}`).expect(200);
      expect(publicPage.text).toContain('辞退');
    });

    it('revoke: reason required; on urgent grounds without a recommendation; the public page shows it revoked', async () => {
      const claimId = await submittedCnClaim(t, applicant, certifier.id, { boundary: '名古屋支店' });
      await decide(me, `/review/${claimId}/certify`, cnValidity()).expect(303);
      const blank = await decide(me, `/review/${claimId}/revoke`, { ground: 'urgent', reason: '' });
      expect(blank.status).toBe(422);
      expect(blank.text).toContain('id="decision-revoke-reason-error"');
      const badGround = await decide(me, `/review/${claimId}/revoke`, { ground: 'whim', reason: 'x' });
      expect(badGround.status).toBe(422);
      expect(badGround.text).toContain('id="decision-revoke-ground-error"');
      await decide(me, `/review/${claimId}/revoke`, { ground: 'urgent', reason: 'labels used on uncovered products' }).expect(303);
      expect(await status(claimId)).toBe('revoked');
      const shown = await page(`/review/${claimId}`, me).expect(200);
      expect(shown.text).toContain('緊急に必要（2.3.5 ③）');
      expect(shown.text).toContain('labels used on uncovered products');
      expect(await journalActors('claim.revoke', claimId)).toEqual([`org:${certifier.id}/person:${reviewer.id}`]);
      const claim = (await t.http.get(`/v1/claims/${claimId}`).set(t.admin).expect(200)).body;
      const publicPage = await page(`/register/${encodeURIComponent(claim.certificationNumber)}`).expect(200);
      expect(publicPage.text).toContain('取消');
      const revokedQueue = await page('/review?status=revoked', me).expect(200);
      expect(revokedQueue.text).toContain('名古屋支店');
    });
  });
});
