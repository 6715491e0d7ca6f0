import { csrfTokenFor, type Role } from '@registry/domain';
import { CreatePersonUseCase, JournalQueries } from '@registry/ledger';
import type { Response } from 'supertest';
import { createKeyedOrganization, type KeyedOrganization } from '../support/access-fixtures';
import { startTestApp, type TestApp } from '../support/test-app';
import { TEST_ENGINE } from '../support/test-engine';

const PASSWORD = 'correct horse battery staple';
const form = (fields: Record<string, string | undefined>) => new URLSearchParams(Object.entries(fields).filter((e): e is [string, string] => e[1] !== undefined)).toString();

/** A CN draft as the web form sends it: 1200.4 + 800 t-CO2e, so 2,001 t to retire (rounded up). */
const CN_FORM = {
  type: 'CN',
  boundary: '本社及び国内全事業所',
  'targetPeriod.start': '2024-04-01',
  'targetPeriod.end': '2025-03-31',
  baseYear: '2013',
  'emissions.scope1': '1200.4',
  'emissions.scope2': '800',
  'declarations.independentOfCertifierAndVerifier': 'true',
};

/** Issue 19: the applicant's claim pages and the verifier's verification form, through the forms as a browser sends them. */
describe(`web claims: applicant and verifier pages (${TEST_ENGINE})`, () => {
  let t: TestApp;
  let orgs: Record<'applicant' | 'rival' | 'provider' | 'verifier', KeyedOrganization>;
  const people: Record<string, { id: string; email: string; organizationId: string; cookie: string; csrf: string }> = {};
  let serial = 0;

  const html = (path: string, who?: string) => t.http.get(path).set({ Accept: 'text/html', ...(who ? { Cookie: people[who].cookie } : {}) });
  const post = (path: string, who: string, fields: Record<string, string | undefined>) =>
    t.http
      .post(path)
      .set({ Accept: 'text/html', 'Content-Type': 'application/x-www-form-urlencoded', Cookie: people[who].cookie })
      .send(form({ _csrf: people[who].csrf, ...fields }));

  async function signIn(email: string): Promise<string> {
    const page = await html('/sign-in').expect(200);
    const pre = /pre_session=([^;]+)/.exec(([] as string[]).concat(page.headers['set-cookie'] ?? []).join('\n'))![1];
    const res = await t.http
      .post('/sign-in')
      .set({ Accept: 'text/html', 'Content-Type': 'application/x-www-form-urlencoded', Cookie: `pre_session=${pre}` })
      .send(form({ _csrf: csrfTokenFor(pre), email, password: PASSWORD }))
      .expect(303);
    return /session=([^;]+)/.exec(([] as string[]).concat(res.headers['set-cookie']).join('\n'))![1];
  }

  async function person(kind: string, organizationId: string, roles: Role[]): Promise<void> {
    const email = `${kind}.claims.${Date.now()}@example.jp`;
    const created = await t.app.get(CreatePersonUseCase).execute({ organizationId, email, password: PASSWORD, roles, actor: { kind: 'admin' } });
    const token = await signIn(email);
    people[kind] = { id: created.id, email, organizationId, cookie: `session=${token}`, csrf: csrfTokenFor(token) };
  }

  /** The provider retires `tonnes` credits for the claim through the API (recorded elsewhere, with evidence). */
  const retireFor = (claimId: string, tonnes: number, auth = orgs.provider.auth) =>
    t.http
      .post('/v1/retirements')
      .set(auth)
      .send({ serials: [`JCL-ERL-R${6100 + ++serial}-1-${tonnes}`], claimId, beneficiary: 'Applicant KK', purpose: 'offset', evidence: { registry: 'J-Credit registry', reference: `JC-${serial}` } });

  /** A draft CN claim made through the form; answers its id. */
  async function createCn(who = 'applicant', fields: Record<string, string> = {}): Promise<string> {
    const res = await post('/claims', who, { ...CN_FORM, ...fields }).expect(303);
    const id = /^\/claims\/([0-9a-f-]{36})\?done=created$/.exec(res.headers.location)?.[1];
    expect(id).toBeDefined();
    return id!;
  }

  const fieldError = (res: Response, path: string) => new RegExp(`id="f-${path.replace(/[^A-Za-z0-9]+/g, '-')}-error"[^>]*>([^<]+)<`).exec(res.text)?.[1];

  beforeAll(async () => {
    t = await startTestApp({ RATE_LIMIT_PER_MINUTE: '0' });
    orgs = {
      applicant: await createKeyedOrganization(t, ['applicant'], 'Applicant KK'),
      rival: await createKeyedOrganization(t, ['applicant'], 'Rival applicant KK'),
      provider: await createKeyedOrganization(t, ['provider'], 'Offset provider KK'),
      verifier: await createKeyedOrganization(t, ['verifier'], 'Verification body KK'),
    };
    await person('applicant', orgs.applicant.id, ['applicant']);
    await person('rival', orgs.rival.id, ['applicant']);
    await person('provider', orgs.provider.id, ['provider']);
    await person('verifier', orgs.verifier.id, ['verifier']);
  }, 120_000);
  afterAll(() => t?.close());

  it('an applicant creates a CN draft, authorises a provider, is refused when short (rule ids), submits when covered; the verifier records', async () => {
    const empty = await html('/claims', 'applicant').expect(200);
    expect(empty.text).toContain('申請はまだありません。');
    expect(empty.text).toContain('href="/claims/new"');
    const newForm = await html('/claims/new', 'applicant').expect(200);
    expect(newForm.text).toContain(`<input type="hidden" name="_csrf" value="${people.applicant.csrf}"/>`);
    expect(newForm.text).toContain('name="targetPeriod.start"');

    const id = await createCn();
    const created = await html(`/claims/${id}?done=created`, 'applicant').expect(200);
    expect(created.text).toContain('申請を下書きとして登録しました。');
    expect(created.text).toContain('<meter id="coverage-');
    expect(created.text).toMatch(/<span class="coverage-text">0 \/ 2,001 t-CO2<\/span>/);
    expect(created.text).toContain('あと 2,001 t-CO2 不足');
    // The findings carry their rule ids: not covered yet (CN-2.1.6).
    expect(created.text).toMatch(/<td data-label="規則" class="mono rule-id">CN-2\.1\.6<\/td>/);

    // Authorise the provider from the directory's list, then see it listed.
    expect(created.text).toContain(`<option value="${orgs.provider.id}">Offset provider KK</option>`);
    const authorized = await post(`/claims/${id}/providers`, 'applicant', { providerId: orgs.provider.id }).expect(303);
    expect(authorized.headers.location).toBe(`/claims/${id}?done=authorized`);
    const withProvider = await html(`/claims/${id}`, 'applicant').expect(200);
    expect(withProvider.text).toContain(`<tr data-provider="${orgs.provider.id}">`);
    expect(withProvider.text).not.toContain(`<option value="${orgs.provider.id}">`);

    // The provider retires part of it through the API: short, so submitting is refused with the rule's id.
    await retireFor(id, 1000).expect(201);
    const short = await post(`/claims/${id}/submit`, 'applicant', {});
    expect(short.status).toBe(422);
    expect(short.text).toContain('制度の規則に適合しないため受け付けられませんでした。');
    expect(short.text).toMatch(/<div class="alert refusal" role="alert" id="refusal">[\s\S]*CN-2\.1\.6/);
    expect(short.text).toMatch(/<span class="coverage-text">1,000 \/ 2,001 t-CO2<\/span>/);
    expect((await t.http.get(`/v1/claims/${id}`).set(orgs.applicant.auth).expect(200)).body.status).toBe('draft');

    // Covered: the bar says so, the page lists the retirements, and the claim is submitted.
    await retireFor(id, 1001).expect(201);
    const covered = await html(`/claims/${id}`, 'applicant').expect(200);
    expect(covered.text).toMatch(/<span class="coverage-text">2,001 \/ 2,001 t-CO2<\/span>/);
    expect(covered.text).toContain('<span class="coverage-state covered">充足</span>');
    expect(covered.text.match(/JCL-ERL-R61\d\d-1-100[01]/g)?.length).toBe(2);
    const submitted = await post(`/claims/${id}/submit`, 'applicant', {}).expect(303);
    expect(submitted.headers.location).toBe(`/claims/${id}?done=submitted`);
    const after = await html(`${submitted.headers.location}&lang=en`, 'applicant').expect(200);
    expect(after.text).toContain('The claim is submitted for certification.');
    expect(after.text).toContain('<span class="badge badge-neutral">Submitted</span>');
    expect(after.text).not.toContain('action="/claims/' + id + '/submit');
    const list = await html('/claims', 'applicant').expect(200);
    expect(list.text).toContain(`<tr data-claim="${id}">`);
    expect(list.text).toMatch(/<span class="coverage-text">2,001 \/ 2,001 t-CO2<\/span>/);

    // The verifier opens the claim by its id and records a verification (refusals first).
    expect((await html('/verifications', 'verifier').expect(200)).text).toContain('name="claim"');
    const badId = await html('/verifications?claim=not-a-claim', 'verifier').expect(400);
    expect(fieldError(badId, 'claim')).toBe('申請 ID の形式ではありません（36文字の ID を入力してください）。');
    expect((await html(`/verifications?claim=${id}`, 'verifier').expect(303)).headers.location).toBe(`/verifications/${id}`);
    const verification = { reportReference: 'VR-2026-7', assurance: 'reasonable', opinion: 'unqualified', 'verifiedEmissions.scope1': '1200.4', 'verifiedEmissions.scope2': '800', independentOfApplicant: 'true' };
    const notIndependent = await post(`/verifications/${id}`, 'verifier', { ...verification, independentOfApplicant: undefined });
    expect(notIndependent.status).toBe(422);
    expect(notIndependent.text).toMatch(/class="mono rule-id">CN-2\.2\.2</);
    const badOpinion = await post(`/verifications/${id}`, 'verifier', { ...verification, opinion: 'fine', reportReference: '' });
    expect(badOpinion.status).toBe(422);
    expect(fieldError(badOpinion, 'opinion')).toContain('opinion must be one of the following values');
    expect(fieldError(badOpinion, 'reportReference')).toBeDefined();
    expect(badOpinion.text).toContain('value="1200.4"');
    const recorded = await post(`/verifications/${id}`, 'verifier', verification).expect(303);
    expect(recorded.headers.location).toBe(`/verifications/${id}?done=recorded`);
    expect((await html(recorded.headers.location, 'verifier').expect(200)).text).toContain('検証を記録しました。');
    const verified = await html(`/claims/${id}`, 'applicant').expect(200);
    expect(verified.text).toContain('VR-2026-7');
    expect(verified.text).toContain('限定なし（適正意見）');

    // Every step is journaled with the person who took it.
    const entries = (await t.app.get(JournalQueries).entries(0, 10_000, 'claim')).items;
    const by = (type: string) => entries.filter((e) => e.type === type && JSON.stringify(JSON.parse(e.payload)).includes(id)).map((e) => e.actor);
    const applicant = `org:${orgs.applicant.id}/person:${people.applicant.id}`;
    expect(by('claim.created')).toEqual([applicant]);
    expect(by('claim.provider_authorized')).toEqual([applicant]);
    expect(by('claim.submit')).toEqual([applicant]);
    expect(by('claim.verified')).toEqual([`org:${orgs.verifier.id}/person:${people.verifier.id}`]);
  });

  it('refusals of the new-claim form name the field (422), or cite the rule; nothing is written', async () => {
    const before = (await t.http.get('/v1/claims').set(orgs.applicant.auth).expect(200)).body.items.length;
    // The DTO's shapes, then the rulebook's figures, then the declaration: each named beside its field.
    const shape = await post('/claims', 'applicant', { ...CN_FORM, boundary: '' });
    expect(shape.status).toBe(422);
    expect(shape.text).toContain('入力内容に誤りがあります。各項目のメッセージをご確認ください。');
    expect(fieldError(shape, 'boundary')).toContain('boundary must be longer than or equal to 1 characters');
    const fields = await post('/claims', 'applicant', { ...CN_FORM, 'emissions.scope1': 'lots' });
    expect(fields.status).toBe(422);
    expect(fieldError(fields, 'emissions.scope1')).toBeDefined();
    const undeclared = await post('/claims', 'applicant', { ...CN_FORM, 'declarations.independentOfCertifierAndVerifier': undefined });
    expect(undeclared.status).toBe(422);
    expect(fieldError(undeclared, 'declarations.independentOfCertifierAndVerifier')).toContain('is required');
    expect(fields.text).toContain('id="f-emissions-scope1" name="emissions.scope1" value="lots"');
    expect(fields.text).toContain('aria-invalid="true" aria-describedby="f-emissions-scope1-hint f-emissions-scope1-error"');

    const rules = await post('/claims', 'applicant', { ...CN_FORM, 'targetPeriod.end': '2024-12-31' });
    expect(rules.status).toBe(422);
    expect(rules.text).toMatch(/class="mono rule-id">CN-2\.1\.2-3</);

    // The form sent twice (a double click) files one claim; sent again with other content, it is refused (409).
    const once = /name="_once" value="([0-9a-f-]{36})"/.exec((await html('/claims/new', 'applicant').expect(200)).text)![1];
    const first = await post('/claims', 'applicant', { ...CN_FORM, _once: once }).expect(303);
    const again = await post('/claims', 'applicant', { ...CN_FORM, _once: once }).expect(303);
    expect(again.headers.location).toBe(first.headers.location);
    const edited = await post('/claims', 'applicant', { ...CN_FORM, _once: once, boundary: 'another boundary' });
    expect(edited.status).toBe(409);
    expect(edited.text).not.toContain(`name="_once" value="${once}"`);
    expect(edited.text).toContain('value="another boundary"');

    const hostile = await post('/claims', 'applicant', { ...CN_FORM, boundary: '<script>alert(1)</script>' }).expect(303);
    const shown = await html(hostile.headers.location, 'applicant').expect(200);
    expect(shown.text).not.toContain('<script>alert(1)</script>');
    expect(shown.text).toContain('&lt;script>alert(1)&lt;/script>');
    expect((await t.http.get('/v1/claims').set(orgs.applicant.auth).expect(200)).body.items.length).toBe(before + 2);
  });

  it('a CFP offset through its own form; an unknown provider id is refused beside the field; revoking a provider stops its retirements', async () => {
    expect((await html('/claims/new?type=CFP', 'applicant').expect(200)).text).toContain('name="product.cfpVerificationNumber"');
    const res = await post('/claims', 'applicant', {
      type: 'CFP',
      'product.name': 'ボールペン',
      'product.cfpVerificationNumber': 'CV-1',
      cfpPerUnitKg: '2.5',
      quantity: '400',
      'period.start': '2024-04-01',
      'period.end': '2025-03-31',
      'declarations.notAntiSocialForce': 'true',
    }).expect(303);
    const id = /\/claims\/([0-9a-f-]{36})/.exec(res.headers.location)![1];
    const page = await html(`/claims/${id}`, 'applicant').expect(200);
    expect(page.text).toContain('<h1>ボールペン</h1>');
    expect(page.text).toMatch(/<span class="coverage-text">0 \/ 1 t-CO2<\/span>/);

    const unknown = await post(`/claims/${id}/providers`, 'applicant', { providerId: orgs.verifier.id });
    expect(unknown.status).toBe(422);
    expect(fieldError(unknown, 'providerId')).toBe('must name an organisation with the provider role');
    expect(unknown.text).toContain(`value="${orgs.verifier.id}"`);

    await post(`/claims/${id}/providers`, 'applicant', { providerId: orgs.provider.id }).expect(303);
    const revoked = await post(`/claims/${id}/providers/${orgs.provider.id}/revoke`, 'applicant', {}).expect(303);
    expect(revoked.headers.location).toBe(`/claims/${id}?done=revoked`);
    expect((await html(revoked.headers.location, 'applicant').expect(200)).text).toContain('まだどの組織も認可していません。');
    expect((await retireFor(id, 1)).status).toBe(403);
    // Revoking one that is not authorised: the 404 page.
    expect((await post(`/claims/${id}/providers/${orgs.provider.id}/revoke`, 'applicant', {})).status).toBe(404);
    const journal = (await t.app.get(JournalQueries).entries(0, 10_000, 'claim.provider_revoked')).items;
    expect(journal.map((e) => e.actor)).toContain(`org:${orgs.applicant.id}/person:${people.applicant.id}`);
  });

  it('another applicant’s claim is a 404 on every page and form; other roles get 403', async () => {
    const id = await createCn();
    for (const res of [
      await html(`/claims/${id}`, 'rival'),
      await post(`/claims/${id}/submit`, 'rival', {}),
      await post(`/claims/${id}/providers`, 'rival', { providerId: orgs.provider.id }),
      await post(`/claims/${id}/providers/${orgs.provider.id}/revoke`, 'rival', {}),
    ]) {
      expect(res.status).toBe(404);
      expect(res.text).not.toContain(CN_FORM.boundary);
    }
    expect((await html('/claims', 'rival').expect(200)).text).not.toContain(id);
    expect((await html('/claims/not-a-claim', 'applicant')).status).toBe(404);
    for (const [path, who] of [
      ['/claims', 'provider'],
      ['/claims/new', 'verifier'],
      [`/claims/${id}`, 'provider'],
      ['/verifications', 'applicant'],
      [`/verifications/${id}`, 'provider'],
    ] as const) {
      expect([path, who, (await html(path, who)).status]).toEqual([path, who, 403]);
    }
    expect((await post(`/verifications/${id}`, 'applicant', {})).status).toBe(403);
    expect((await html('/verifications/not-a-claim', 'verifier')).status).toBe(404);
    // Nothing changed on the claim.
    expect((await t.http.get(`/v1/claims/${id}`).set(orgs.applicant.auth).expect(200)).body.status).toBe('draft');
  });

  it('a verification of a CFP offset is refused by its state (409), and the account page links each role’s pages', async () => {
    const cfp = await t.http
      .post('/v1/claims')
      .set(orgs.applicant.auth)
      .send({ type: 'CFP', declarations: { notAntiSocialForce: true }, product: { name: 'ノート', cfpVerificationNumber: 'CV-2' }, cfpPerUnitKg: '1', quantity: '1000', period: { start: '2024-04-01', end: '2025-03-31' } })
      .expect(201);
    const res = await post(`/verifications/${cfp.body.id}`, 'verifier', { reportReference: 'VR-1', assurance: 'reasonable', opinion: 'unqualified', 'verifiedEmissions.scope1': '1', 'verifiedEmissions.scope2': '1', independentOfApplicant: 'true' });
    expect(res.status).toBe(409);
    expect(res.text).toContain('この申請には検証を記録できません。');
    expect((await html('/account', 'applicant').expect(200)).text).toContain('href="/claims"');
    expect((await html('/account', 'verifier').expect(200)).text).toContain('href="/verifications"');
  });
});
