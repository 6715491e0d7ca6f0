import { csrfTokenFor, type Role } from '@registry/domain';
import { CreatePersonUseCase, JournalQueries, PreviewRetirementQuery, UnitOfWork, type Actor } from '@registry/ledger';
import type { Response } from 'supertest';
import { CN_DRAFT, createKeyedOrganization, EVIDENCE, type KeyedOrganization } from '../support/access-fixtures';
import { startTestApp, type TestApp } from '../support/test-app';
import { TEST_ENGINE } from '../support/test-engine';

const PASSWORD = 'correct horse battery staple';
const form = (fields: Record<string, string | undefined>) => new URLSearchParams(Object.entries(fields).filter((e): e is [string, string] => e[1] !== undefined)).toString();
const hidden = (html: string, name: string) => new RegExp(`<input type="hidden" name="${name}" value="([^"]*)"/>`).exec(html)?.[1];
const unescape = (value: string) => value.replace(/&#39;/g, "'").replace(/&quot;/g, '"').replace(/&lt;/g, '<').replace(/&gt;/g, '>').replace(/&amp;/g, '&');

/** Issue 19: a provider's retire path through the web forms, by the rules of the API's retirement. */
describe(`web retire path (${TEST_ENGINE})`, () => {
  let t: TestApp;
  let a: KeyedOrganization;
  let b: KeyedOrganization;
  let applicant: KeyedOrganization;
  let claimId: string;
  let otherClaimId: string;
  const people: Record<string, { email: string; id: string; organizationId: string; roles: Role[] }> = {};
  let counter = 0;
  const source = () => `198.51.100.${++counter}`;

  const html = (path: string, cookie?: string) => t.http.get(path).set({ Accept: 'text/html', ...(cookie ? { Cookie: cookie } : {}) });
  const post = (path: string, body: string, cookie?: string) =>
    t.http.post(path).set({ Accept: 'text/html', 'Content-Type': 'application/x-www-form-urlencoded', 'X-Forwarded-For': source(), ...(cookie ? { Cookie: cookie } : {}) }).send(body);

  async function createPerson(kind: string, organizationId: string, roles: Role[]) {
    const email = `retire.${kind}.${Date.now()}@example.jp`;
    const person = await t.app.get(CreatePersonUseCase).execute({ organizationId, email, password: PASSWORD, roles, actor: { kind: 'admin' } });
    people[kind] = { email, id: person.id, organizationId, roles };
  }

  /** Signs in through the form; answers the cookie header and the session's CSRF token. */
  async function session(kind: string): Promise<{ cookie: string; csrf: string }> {
    const res = await html('/sign-in').expect(200);
    const pre = /pre_session=([^;]+)/.exec(([] as string[]).concat(res.headers['set-cookie'] ?? []).join(';'))![1];
    const signedIn = await post('/sign-in', form({ _csrf: hidden(res.text, '_csrf'), email: people[kind].email, password: PASSWORD }), `pre_session=${pre}`).expect(303);
    const token = /session=([^;]+)/.exec(([] as string[]).concat(signedIn.headers['set-cookie'] ?? []).join(';'))![1];
    return { cookie: `session=${token}`, csrf: csrfTokenFor(token) };
  }

  const personActor = (kind: string): Extract<Actor, { kind: 'organization' }> => ({
    kind: 'organization',
    organizationId: people[kind].organizationId,
    roles: people[kind].roles as Extract<Actor, { kind: 'organization' }>['roles'],
    personId: people[kind].id,
  });

  const retireFields = (fields: Record<string, string | undefined>) => ({ beneficiary: '株式会社サンプル', purpose: 'CN FY2024', ...fields });

  /** The check, then the confirm form exactly as the page gives it (hidden fields and key). */
  async function checkAndConfirmForm(s: { cookie: string; csrf: string }, fields: Record<string, string | undefined>): Promise<{ check: Response; confirm: string }> {
    const check = await post('/retire/check', form({ _csrf: s.csrf, ...retireFields(fields) }), s.cookie);
    expect(check.status).toBe(200);
    const confirmForm = /<form class="confirm-retire"[^>]*>([\s\S]*?)<\/form>/.exec(check.text)![1];
    const values = [...confirmForm.matchAll(/<input type="hidden" name="([^"]+)" value="([^"]*)"\/>/g)].map(([, name, value]) => [name, unescape(value)] as [string, string]);
    return { check, confirm: new URLSearchParams(values).toString() };
  }

  beforeAll(async () => {
    t = await startTestApp({ RATE_LIMIT_PER_MINUTE: '0', TRUST_PROXY: 'loopback' });
    a = await createKeyedOrganization(t, ['provider'], 'Retiring Provider A');
    b = await createKeyedOrganization(t, ['provider'], 'Other Provider B');
    applicant = await createKeyedOrganization(t, ['applicant'], 'Applicant KK');
    const claim = await t.http.post('/v1/claims').set(applicant.auth).send(CN_DRAFT).expect(201);
    claimId = claim.body.id;
    await t.http.post(`/v1/claims/${claimId}/providers`).set(applicant.auth).send({ providerId: a.id }).expect(201);
    // A claim A is not authorised for: never offered, refused if sent.
    otherClaimId = (await t.http.post('/v1/claims').set(applicant.auth).send(CN_DRAFT).expect(201)).body.id;
    await t.http.post('/v1/holdings').set(a.auth).send({ serial: 'JCL-ERL-R81-1-1000', evidence: EVIDENCE }).expect(201);
    await t.http.post('/v1/holdings').set(a.auth).send({ serial: 'GEQ-C081-1-100', evidence: EVIDENCE }).expect(201);
    await t.http.post('/v1/holdings').set(b.auth).send({ serial: 'JCL-ERL-R82-1-100', evidence: EVIDENCE }).expect(201);
    await createPerson('provider', a.id, ['provider']);
    await createPerson('providerB', b.id, ['provider']);
    await createPerson('applicant', applicant.id, ['applicant']);
  }, 120_000);
  afterAll(() => t?.close());

  it('GET /retire: the form, with the claims the provider may back and no other', async () => {
    const s = await session('provider');
    const res = await html('/retire', s.cookie).expect(200);
    expect(res.headers['cache-control']).toBe('no-store');
    expect(res.text).toContain('<form class="retire" method="post" action="/retire/check">');
    expect(res.text).toContain(`<input type="hidden" name="_csrf" value="${s.csrf}"/>`);
    expect(res.text).toContain(`<option value="${claimId}">`);
    expect(res.text).not.toContain(otherClaimId);
    const holdings = await html('/holdings', s.cookie).expect(200);
    expect(holdings.text).toContain('href="/retire"');
    // An applicant (no provider role) is refused the page.
    expect((await html('/retire', (await session('applicant')).cookie)).status).toBe(403);
    expect((await html('/retire')).status).toBe(303);
  });

  it('check → confirm → retirement page, the verdict showing the rule ids; the journal names the person', async () => {
    const s = await session('provider');
    const { check, confirm } = await checkAndConfirmForm(s, { serials: 'JCL-ERL-R81-1-10\r\n\r\n  ＪＣＬ－ＥＲＬ－Ｒ８１－１１－２０  ', claimId });
    expect(check.text.match(/<tr data-verdict="ok">/g)).toHaveLength(2);
    expect(check.text).toContain('JCL-ERL-R81-11-20');
    expect(check.text).toMatch(/class="mono rule">CN-[^<]+<\/span>/);
    expect(check.text).toContain('すべてのシリアル番号を償却できます');
    const retired = await post('/retire', confirm, s.cookie).expect(303);
    const location = retired.headers.location as string;
    expect(location).toMatch(/^\/retirements\/[0-9a-f-]{36}$/);
    const page = await html(location, s.cookie).expect(200);
    for (const text of ['JCL-ERL-R81-1-10', 'JCL-ERL-R81-11-20', '株式会社サンプル', 'CN FY2024', '登録待ち', claimId]) expect(page.text).toContain(text);
    expect(page.text).toMatch(/href="\/verify\/RC-\d{4}-\d+"/);
    expect(page.text).toContain(`action="${location}/evidence"`);
    const id = location.split('/').pop()!;
    const api = await t.http.get(`/v1/retirements/${id}`).expect(200);
    expect(api.body).toMatchObject({ serials: ['JCL-ERL-R81-1-10', 'JCL-ERL-R81-11-20'], claimId, organizationId: a.id, quantity: '20', officialReference: 'pending' });
    const entries = (await t.app.get(JournalQueries).entries(0, 10_000, 'retirement.created')).items;
    const entry = entries.find((e) => JSON.parse(e.payload).id === id)!;
    expect(entry.actor).toBe(`org:${a.id}/person:${people.provider.id}`);
  });

  it('states facts about the credits where the claim’s rules ask (CN-2.1.6-1: AAU greening): refused without, retired with, the facts kept on the retirement', async () => {
    await t.http.post('/v1/holdings').set(a.auth).send({ serial: 'GB-1-1000-1999-1-1-0', evidence: EVIDENCE }).expect(201);
    const s = await session('provider');
    const form0 = await html('/retire', s.cookie).expect(200);
    for (const name of ['issuedOn', 'creatorId', 'greeningEvidence', 'changedProductFootprint']) expect(form0.text).toContain(`name="${name}"`);

    const unstated = await post('/retire/check', form({ _csrf: s.csrf, ...retireFields({ serials: 'GB-1-1000-1009-1-1-0', claimId }) }), s.cookie).expect(422);
    expect(unstated.text).toContain('data-verdict="INELIGIBLE_CREDIT"');
    expect(unstated.text).toContain('CN-2.1.6-1');
    expect(unstated.text).not.toContain('class="confirm-retire"');

    const badDate = await post('/retire/check', form({ _csrf: s.csrf, ...retireFields({ serials: 'GB-1-1000-1009-1-1-0', claimId, issuedOn: '2012-02-30' }) }), s.cookie).expect(422);
    expect(badDate.text).toContain('id="issuedOn-error"');
    expect(badDate.text).toMatch(/<input type="text" id="issuedOn"[^>]*aria-invalid="true"/);

    const { check, confirm } = await checkAndConfirmForm(s, { serials: 'GB-1-1000-1009-1-1-0', claimId, greeningEvidence: 'true', issuedOn: '2012-11-30' });
    expect(check.text).toContain('<tr data-verdict="ok">');
    expect(check.text).toMatch(/<input type="checkbox" id="f-greeningEvidence" name="greeningEvidence" value="true" checked/);
    expect(new URLSearchParams(confirm).get('greeningEvidence')).toBe('true');
    const retired = await post('/retire', confirm, s.cookie).expect(303);
    const id = (retired.headers.location as string).split('/').pop()!;
    const record = await t.app.get(UnitOfWork).read((stores) => stores.retirements.findById(id));
    expect(record).toMatchObject({ claimId, creditFacts: { greeningEvidence: true, issuedOn: '2012-11-30' } });
  });

  it('a double submit of the confirm form retires once and answers the same retirement', async () => {
    const s = await session('provider');
    const { confirm } = await checkAndConfirmForm(s, { serials: 'JCL-ERL-R81-21-30', beneficiary: 'Double submit KK' });
    const [first, second] = await Promise.all([post('/retire', confirm, s.cookie), post('/retire', confirm, s.cookie)]);
    expect([first.status, second.status]).toEqual([303, 303]);
    expect(second.headers.location).toBe(first.headers.location);
    const third = await post('/retire', confirm, s.cookie).expect(303);
    expect(third.headers.location).toBe(first.headers.location);
    const list = await t.http.get('/v1/retirements').query({ beneficiary: 'Double submit KK' }).set(a.auth).expect(200);
    expect(list.body.items).toHaveLength(1);
    // The key with other contents is refused, nothing retired.
    const tampered = await post('/retire', confirm.replace('JCL-ERL-R81-21-30', 'JCL-ERL-R81-31-40'), s.cookie);
    expect(tampered.status).toBe(422);
    expect(tampered.text).toContain('data-code="IDEMPOTENCY_KEY_REUSED"');
    const status = await t.http.get('/v1/serials/status').query({ serial: 'JCL-ERL-R81-31-40' }).expect(200);
    expect(status.body.segments).toEqual([expect.objectContaining({ status: 'held' })]);
  });

  it('refusals show the form again with 422 and the message beside the field; no confirm form', async () => {
    const s = await session('provider');
    const cases: [Record<string, string | undefined>, string, string][] = [
      [{ serials: 'JCL-ERL-R81-41-50', beneficiary: '' }, 'beneficiary', 'VALIDATION_FAILED'],
      [{ serials: '' }, 'serials', 'VALIDATION_FAILED'],
      [{ serials: 'JCL-ERL-R81-41-50', retiredOn: '2026-02-30' }, 'retiredOn', 'VALIDATION_FAILED'],
      [{ serials: 'JCL-ERL-R81-41-50', evidenceRegistry: 'J-Credit registry' }, 'evidenceReference', 'VALIDATION_FAILED'],
      [{ serials: 'JCL-ERL-R81-41-50\nNOT A SERIAL' }, 'serials', 'INVALID_SERIAL'],
      [{ serials: 'JCL-ERL-R81-41-50\nJCL-ERL-R81-45-46' }, 'serials', 'DUPLICATE_SERIALS'],
      [{ serials: 'JCL-ERL-R81-1-5' }, 'serials', 'ALREADY_RETIRED'],
      [{ serials: 'JCL-ERL-R82-1-5' }, 'serials', 'NOT_HELD'],
      [{ serials: 'JCL-ERL-R83-1-5' }, 'evidenceRegistry', 'EVIDENCE_REQUIRED'],
      [{ serials: 'GEQ-C081-1-10', claimId }, 'serials', 'INELIGIBLE_CREDIT'],
      [{ serials: 'JCL-ERL-R81-41-50', claimId: otherClaimId }, 'claimId', 'FORBIDDEN'],
    ];
    for (const [fields, field, code] of cases) {
      const res = await post('/retire/check', form({ _csrf: s.csrf, ...retireFields(fields) }), s.cookie);
      expect([code, res.status]).toEqual([code, 422]);
      expect([code, res.text.includes(`id="${field}-error"`), res.text.includes(`data-code="${code}"`)]).toEqual([code, true, true]);
      expect(res.text).toContain(`aria-invalid="true"`);
      expect(res.text).not.toContain('confirm-retire');
      // What was typed comes back.
      if (fields.serials) expect(res.text).toContain(fields.serials.split('\n')[0]);
    }
    const ineligible = await post('/retire/check', form({ _csrf: s.csrf, ...retireFields({ serials: 'GEQ-C081-1-10', claimId }) }), s.cookie);
    expect(ineligible.text).toMatch(/<tr data-verdict="INELIGIBLE_CREDIT">/);
    expect(ineligible.text).toMatch(/CN-[\d.-]+: GEQ-C081-1-10: GREEN_CO2 credits are not eligible/);
    // The confirm step without a check's key: refused, nothing retired.
    const unchecked = await post('/retire', form({ _csrf: s.csrf, ...retireFields({ serials: 'JCL-ERL-R81-41-50' }) }), s.cookie);
    expect(unchecked.status).toBe(422);
    expect(unchecked.text).toContain('data-code="checkFirst"');
    // A refusal at the confirm step (the serials retired meanwhile) shows the form again, naming the serials.
    const { confirm } = await checkAndConfirmForm(s, { serials: 'JCL-ERL-R81-51-60' });
    await t.http.post('/v1/retirements').set(a.auth).send({ serials: ['JCL-ERL-R81-55-55'], beneficiary: 'x', purpose: 'y' }).expect(201);
    const late = await post('/retire', confirm, s.cookie);
    expect(late.status).toBe(422);
    expect(late.text).toContain('id="serials-error"');
    expect(late.text).toContain('data-code="ALREADY_RETIRED"');
  });

  it('the preview and the retirement agree: what the preview passes retires, what it refuses is refused with the same code', async () => {
    const preview = t.app.get(PreviewRetirementQuery);
    const journalSize = async () => Number((await t.dataSource.query('SELECT COUNT(*) AS n FROM journal_entries'))[0].n);
    const cases: { serials: string[]; claimId?: string; scheme?: string; evidence?: typeof EVIDENCE }[] = [
      { serials: ['JCL-ERL-R81-61-70'], claimId },
      { serials: ['JCL-ERL-R81-71-80'] },
      { serials: ['JCL-ERL-R81-1-3'] },
      { serials: ['JCL-ERL-R82-1-3'] },
      { serials: ['JCL-ERL-R84-1-3'] },
      { serials: ['JCL-ERL-R84-1-3'], evidence: EVIDENCE },
      { serials: ['GEQ-C081-11-20'], claimId },
      { serials: ['GEQ-C081-21-30'] },
      { serials: ['nonsense'] },
      { serials: ['JCL-ERL-R81-81-90'], claimId: otherClaimId },
      { serials: ['JCL-ERL-R81-91-95', 'JCL-ERL-R81-95-99'] },
      { serials: ['JCL-ERL-R81-100-110', 'JCL-ERL-R82-4-5'] },
      { serials: ['JCL-ERL-R81-111-120'], scheme: 'JVER' },
    ];
    for (const c of cases) {
      // Nothing written: no journal entry, logged or waiting for the sequencer.
      const before = await journalSize();
      const verdict = await preview.execute({ actor: personActor('provider'), serials: c.serials, claimId: c.claimId, scheme: c.scheme as never, evidence: c.evidence });
      expect(await journalSize()).toBe(before);
      const res = await t.http.post('/v1/retirements').set(a.auth).send({ ...c, beneficiary: 'agreement', purpose: 'agreement' });
      const name = c.serials.join(',');
      if (verdict.refusal === null) {
        expect([name, res.status]).toEqual([name, 201]);
        expect(verdict.serials.every((s) => s.refusal === null)).toBe(true);
      } else {
        expect([name, res.status >= 400, res.body.code]).toEqual([name, true, verdict.refusal.code]);
      }
      // One serial alone: the preview's own verdict is the answer of retiring it alone.
      if (c.serials.length === 1 && verdict.serials[0].refusal) expect([name, verdict.serials[0].refusal.code]).toEqual([name, verdict.refusal?.code]);
    }
  });

  it('the per-serial verdict: held, already retired (whatever label), eligibility with the rule', async () => {
    const verdict = await t.app.get(PreviewRetirementQuery).execute({
      actor: personActor('provider'),
      serials: ['JCL-ERL-R81-1-30', 'JCL-ERL-R81-901-910', 'GEQ-C081-91-95', 'JCL-ERL-R82-50-60'],
      claimId,
    });
    const [retired, held, geq, others] = verdict.serials;
    expect(retired).toMatchObject({ canonical: 'JCL-ERL-R81-1-30', heldQuantity: '0', refusal: { code: 'ALREADY_RETIRED' } });
    expect(retired.retired.length).toBeGreaterThan(0);
    expect(held).toMatchObject({ heldQuantity: '10', retired: [], refusal: null, eligibility: { eligible: true, rule: expect.stringMatching(/^CN-/) } });
    expect(geq).toMatchObject({ heldQuantity: '5', eligibility: { eligible: false }, refusal: { code: 'INELIGIBLE_CREDIT', rule: expect.stringMatching(/^CN-/) } });
    expect(others).toMatchObject({ heldQuantity: '0', refusal: { code: 'NOT_HELD' } });
    expect(verdict.refusal?.code).toBe('INELIGIBLE_CREDIT');
  });

  it('CSRF: the retire forms and the evidence form refuse a missing or wrong token (403), nothing written', async () => {
    const s = await session('provider');
    const other = await session('providerB');
    const { confirm } = await checkAndConfirmForm(s, { serials: 'JCL-ERL-R81-121-130' });
    const without = confirm.replace(/_csrf=[^&]*/, '_csrf=');
    const theirs = confirm.replace(/_csrf=[^&]*/, `_csrf=${other.csrf}`);
    for (const body of [without, theirs]) {
      expect((await post('/retire', body, s.cookie)).status).toBe(403);
      expect((await post('/retire/check', body, s.cookie)).status).toBe(403);
    }
    const status = await t.http.get('/v1/serials/status').query({ serial: 'JCL-ERL-R81-121-130' }).expect(200);
    expect(status.body.segments).toEqual([expect.objectContaining({ status: 'held' })]);
    const mine = (await t.http.post('/v1/retirements').set(a.auth).send({ serials: ['JCL-ERL-R81-131-131'], beneficiary: 'x', purpose: 'y' }).expect(201)).body.id;
    expect((await post(`/retirements/${mine}/evidence`, form({ registry: 'J', reference: 'R' }), s.cookie)).status).toBe(403);
    expect((await t.http.get(`/v1/retirements/${mine}`).expect(200)).body.officialReference).toBe('pending');
  });

  it('another organisation’s retirement is a 404 page, and its reference cannot be recorded', async () => {
    const mine = (await t.http.post('/v1/retirements').set(a.auth).send({ serials: ['JCL-ERL-R81-141-141'], beneficiary: 'Secret beneficiary of A', purpose: 'y' }).expect(201)).body.id;
    const b$ = await session('providerB');
    const page = await html(`/retirements/${mine}`, b$.cookie);
    expect(page.status).toBe(404);
    expect(page.text).not.toContain('Secret beneficiary of A');
    expect((await post(`/retirements/${mine}/evidence`, form({ _csrf: b$.csrf, ...EVIDENCE }), b$.cookie)).status).toBe(404);
    expect((await html('/retirements/not-a-retirement', b$.cookie)).status).toBe(404);
    expect((await t.http.get(`/v1/retirements/${mine}`).expect(200)).body.officialReference).toBe('pending');
  });

  it('attach the official reference: field messages (422), recorded once (303), a second time 409 with a message; the journal names the person', async () => {
    const s = await session('provider');
    const { confirm } = await checkAndConfirmForm(s, { serials: 'JCL-ERL-R81-151-160', claimId });
    const location = (await post('/retire', confirm, s.cookie).expect(303)).headers.location as string;
    const id = location.split('/').pop()!;
    const empty = await post(`${location}/evidence`, form({ _csrf: s.csrf, registry: 'J-Credit registry', reference: '' }), s.cookie);
    expect(empty.status).toBe(422);
    expect(empty.text).toContain('id="reference-error"');
    expect(empty.text).toContain('value="J-Credit registry"');
    const recorded = await post(`${location}/evidence`, form({ _csrf: s.csrf, registry: 'J-Credit registry', reference: 'MK-2026-9' }), s.cookie).expect(303);
    expect(recorded.headers.location).toBe(location);
    const page = await html(location, s.cookie).expect(200);
    expect(page.text).toContain('登録済み');
    expect(page.text).toContain('J-Credit registry MK-2026-9');
    expect(page.text).not.toContain('attach-evidence');
    const again = await post(`${location}/evidence`, form({ _csrf: s.csrf, registry: 'Other', reference: 'X-1' }), s.cookie);
    expect(again.status).toBe(409);
    expect(again.text).toContain('管理レジストリの記録がすでに登録されています');
    expect((await t.http.get(`/v1/retirements/${id}`).expect(200)).body.evidence).toEqual({ registry: 'J-Credit registry', reference: 'MK-2026-9' });
    const entries = (await t.app.get(JournalQueries).entries(0, 100_000, 'retirement.evidence_recorded')).items;
    expect(entries.find((e) => JSON.parse(e.payload).retirementId === id)?.actor).toBe(`org:${a.id}/person:${people.provider.id}`);
    // The claim's applicant sees the retirement backing its claim, without the form (only the retirer records).
    const applicantPage = await html(location, (await session('applicant')).cookie).set('Accept-Language', 'en').expect(200);
    expect(applicantPage.text).toContain('JCL-ERL-R81-151-160');
  });

  it('the retirements list links each retirement and offers the whole list as xlsx beside the CSV', async () => {
    const s = await session('provider');
    const list = await html('/retirements', s.cookie).expect(200);
    expect(list.text).toContain('href="/retirements.csv"');
    expect(list.text).toContain('href="/retirements.xlsx"');
    expect(list.text).toMatch(/href="\/retirements\/[0-9a-f-]{36}"/);
    const xlsx = await t.http.get('/retirements.xlsx').set('Cookie', s.cookie).buffer(true).parse((res, done) => {
      const chunks: Buffer[] = [];
      res.on('data', (c: Buffer) => chunks.push(c));
      res.on('end', () => done(null, Buffer.concat(chunks)));
    });
    expect(xlsx.status).toBe(200);
    expect(xlsx.headers['content-type']).toBe('application/vnd.openxmlformats-officedocument.spreadsheetml.sheet');
    expect(xlsx.headers['content-disposition']).toBe('attachment; filename="retirements.xlsx"');
    expect((xlsx.body as Buffer).subarray(0, 2).toString()).toBe('PK');
  });
});
