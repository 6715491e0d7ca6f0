import { csrfTokenFor, sessionIdOf, type Role } from '@registry/domain';
import { CreatePersonUseCase, JournalQueries, SIGN_IN_REFUSED } from '@registry/ledger';
import { UnitOfWork } from '@registry/ledger/ports';
import type { Response } from 'supertest';
import { createKeyedOrganization, EVIDENCE, type KeyedOrganization } from '../support/access-fixtures';
import { startTestApp, type TestApp } from '../support/test-app';
import { TEST_ENGINE } from '../support/test-engine';
import { submittedCnClaim } from '../support/web-certifier-fixtures';
import { opens, webRouteTable, type WebRoute } from '../support/web-routes';

const PASSWORD = 'correct horse battery staple';
const ROUTES = webRouteTable();
const UNSAFE = ROUTES.filter((route) => !['GET', 'HEAD', 'OPTIONS'].includes(route.method));
const SIGNED_IN_PAGES = ROUTES.filter((route) => route.signedIn !== null && route.method === 'GET');
/** Every person kind the tests sign in as, with the roles they act with. */
const PEOPLE_KINDS: Record<'provider' | 'applicant' | 'auditor' | 'certifier' | 'verifier' | 'admin', Role[]> = {
  provider: ['provider'],
  applicant: ['applicant'],
  auditor: ['auditor'],
  certifier: ['certifier'],
  verifier: ['verifier'],
  admin: ['admin'],
};

/** One cookie's value from a response's Set-Cookie lines, and the whole line. */
function setCookie(res: Response, name: string): { value: string; line: string } | undefined {
  const lines = ([] as string[]).concat(res.headers['set-cookie'] ?? []);
  const line = lines.find((candidate) => candidate.startsWith(`${name}=`));
  return line ? { value: line.slice(name.length + 1).split(';')[0], line } : undefined;
}

const hiddenCsrf = (html: string) => /<input type="hidden" name="_csrf" value="([^"]+)"\/>/.exec(html)?.[1];
const form = (fields: Record<string, string | undefined>) => new URLSearchParams(Object.entries(fields).filter((e): e is [string, string] => e[1] !== undefined)).toString();

/** Issue 19's signed-in web: sign-in through the form, sessions in cookies, CSRF, roles, organisations. */
describe(`web sessions (${TEST_ENGINE})`, () => {
  let t: TestApp;
  let orgs: { a: KeyedOrganization; b: KeyedOrganization; applicant: KeyedOrganization; auditor: KeyedOrganization; operator: KeyedOrganization; certifier: KeyedOrganization; verifier: KeyedOrganization };
  const people: Record<string, { email: string; id: string; organizationId: string }> = {};
  let counter = 0;

  /** A source address of its own (TRUST_PROXY=loopback): one test's failures do not throttle another's. */
  const source = () => `198.51.100.${++counter}`;

  const html = (path: string, cookie?: string) => t.http.get(path).set({ Accept: 'text/html', ...(cookie ? { Cookie: cookie } : {}) });
  const post = (path: string, body: string, cookie?: string, from = source()) =>
    t.http
      .post(path)
      .set({ Accept: 'text/html', 'Content-Type': 'application/x-www-form-urlencoded', 'X-Forwarded-For': from, ...(cookie ? { Cookie: cookie } : {}) })
      .send(body);

  /** The sign-in form's pre-session cookie and CSRF token. */
  async function signInForm(cookie?: string): Promise<{ preSession: string; csrf: string; cookie: string }> {
    const res = await html('/sign-in', cookie).expect(200);
    const preSession = setCookie(res, 'pre_session')?.value ?? /pre_session=([^;]+)/.exec(cookie ?? '')![1];
    return { preSession, csrf: hiddenCsrf(res.text)!, cookie: [cookie, `pre_session=${preSession}`].filter(Boolean).join('; ') };
  }

  /** Signs in through the form; answers the session token (the cookie's value). */
  async function signIn(email: string, options: { cookie?: string; next?: string } = {}): Promise<{ token: string; res: Response }> {
    const f = await signInForm(options.cookie);
    const res = await post('/sign-in', form({ _csrf: f.csrf, email, password: PASSWORD, next: options.next }), f.cookie);
    expect(res.status).toBe(303);
    return { token: setCookie(res, 'session')!.value, res };
  }

  /**
   * For each signed-in page with path parameters: the concrete path of one record (made in
   * beforeAll) and the person kind who owns it. Others allowed on the page get 404 for it.
   */
  const SAMPLES: Record<string, { path: string; owner: keyof typeof PEOPLE_KINDS }> = {};
  const concrete = (path: string) => SAMPLES[path]?.path ?? path;

  const sessionOf = async (kind: string) => `session=${(await signIn(people[kind].email)).token}`;

  async function createPerson(kind: string, organizationId: string, roles: Role[]) {
    const email = `${kind}.${Date.now()}@example.jp`;
    const person = await t.app.get(CreatePersonUseCase).execute({ organizationId, email, password: PASSWORD, roles, actor: { kind: 'admin' } });
    people[kind] = { email, id: person.id, organizationId };
  }

  beforeAll(async () => {
    t = await startTestApp({ RATE_LIMIT_PER_MINUTE: '0', TRUST_PROXY: 'loopback' });
    orgs = {
      a: await createKeyedOrganization(t, ['provider'], 'Provider A 株式会社'),
      b: await createKeyedOrganization(t, ['provider'], 'Provider B 株式会社'),
      applicant: await createKeyedOrganization(t, ['applicant'], 'Applicant KK'),
      auditor: await createKeyedOrganization(t, ['auditor'], 'Audit LLC'),
      operator: await createKeyedOrganization(t, ['certifier'], 'Registry operator'),
      certifier: await createKeyedOrganization(t, ['certifier'], 'Certification body KK'),
      verifier: await createKeyedOrganization(t, ['verifier'], 'Verification body KK'),
    };
    for (const [org, serial, beneficiary] of [
      [orgs.a, 'JCL-ERL-R71-1-1000', 'Beneficiary of A'],
      [orgs.b, 'JCL-ERL-R72-1-1000', 'Beneficiary of B'],
    ] as const) {
      await t.http.post('/v1/holdings').set(org.auth).send({ serial, evidence: EVIDENCE }).expect(201);
      const retired = await t.http.post('/v1/retirements').set(org.auth).send({ serials: [serial.replace('-1000', '-10')], beneficiary, purpose: 'offset' }).expect(201);
      if (org === orgs.a) SAMPLES['/retirements/:id'] = { path: `/retirements/${retired.body.id}`, owner: 'provider' };
    }
    // Provider A's statement import, with a refused row: its progress page and its refused rows' CSV.
    const statement = 'serial,scheme,registry,reference\nNOT-A-SERIAL,,J-Credit registry,S-1\n';
    const started = await t.http.post('/v1/imports').query({ kind: 'holdings' }).set(orgs.a.auth).set('Content-Type', 'text/csv').send(statement).expect(202);
    SAMPLES['/imports/:id'] = { path: `/imports/${started.body.id}`, owner: 'provider' };
    SAMPLES['/imports/:id/refused.csv'] = { path: `/imports/${started.body.id}/refused.csv`, owner: 'provider' };
    await createPerson('provider', orgs.a.id, ['provider']);
    await createPerson('providerB', orgs.b.id, ['provider']);
    await createPerson('applicant', orgs.applicant.id, ['applicant']);
    await createPerson('auditor', orgs.auditor.id, ['auditor']);
    await createPerson('certifier', orgs.certifier.id, ['certifier']);
    await createPerson('verifier', orgs.verifier.id, ['verifier']);
    await createPerson('admin', orgs.operator.id, ['admin']);
    const claim = await t.http
      .post('/v1/claims')
      .set(orgs.applicant.auth)
      .send({ type: 'CFP', declarations: { notAntiSocialForce: true }, product: { name: 'Sample pen', cfpVerificationNumber: 'CV-S1' }, cfpPerUnitKg: '1', quantity: '1000', period: { start: '2024-04-01', end: '2025-03-31' } })
      .expect(201);
    SAMPLES['/claims/:id'] = { path: `/claims/${claim.body.id}`, owner: 'applicant' };
    SAMPLES['/verifications/:claimId'] = { path: `/verifications/${claim.body.id}`, owner: 'verifier' };
    SAMPLES['/review/:claimId'] = { path: `/review/${await submittedCnClaim(t, orgs.applicant, orgs.certifier.id)}`, owner: 'certifier' };
    SAMPLES['/admin/organizations/:id'] = { path: `/admin/organizations/${orgs.operator.id}`, owner: 'admin' };
  }, 120_000);
  afterAll(() => t?.close());

  describe('the route table', () => {
    it('lists the sign-in routes and the signed-in pages, and every web route declares its access', () => {
      const names = ROUTES.map((route) => `${route.method} ${route.path}`);
      expect(names).toEqual(expect.arrayContaining(['GET /sign-in', 'POST /sign-in', 'POST /sign-out', 'GET /account', 'GET /holdings', 'GET /retirements', 'GET /ledger', 'POST /ledger/verify']));
      expect(ROUTES.filter((route) => route.undeclared)).toEqual([]);
      // A signed-in page with a path parameter needs a sample record (in SAMPLES) to be tested.
      expect(SIGNED_IN_PAGES.filter((route) => route.path.includes(':') && !SAMPLES[route.path]).map((route) => route.path)).toEqual([]);
    });
  });

  describe('CSRF on every unsafe web route', () => {
    /** A signed-in person the route opens to (an auditor where it opens to one) and the right token for the route. */
    async function signedInFor(route: WebRoute) {
      const kinds = Object.keys(PEOPLE_KINDS) as (keyof typeof PEOPLE_KINDS)[];
      const kind = !route.signedIn || opens(route.signedIn, PEOPLE_KINDS.auditor) ? 'auditor' : (kinds.find((k) => opens(route.signedIn!, PEOPLE_KINDS[k])) ?? 'provider');
      const { token } = await signIn(people[kind].email);
      return { cookie: `session=${token}`, token };
    }
    const bodyFor = (route: WebRoute, csrf?: string) =>
      form({ _csrf: csrf, ...(route.path === '/sign-in' ? { email: people.provider.email, password: PASSWORD } : {}) });

    it.each(UNSAFE.map((route) => [`${route.method} ${route.path}`, route] as const))('%s: refused (403 page) without a token, with a wrong one, and with another session’s', async (_name, route) => {
      const { cookie, token } = await signedInFor(route);
      const other = await signedInFor(route);
      const cases = {
        missing: await post(route.path, bodyFor(route), cookie),
        empty: await post(route.path, bodyFor(route, ''), cookie),
        wrong: await post(route.path, bodyFor(route, 'x'.repeat(43)), cookie),
        anotherSession: await post(route.path, bodyFor(route, csrfTokenFor(other.token)), cookie),
        repeated: await post(route.path, `${bodyFor(route, csrfTokenFor(token))}&_csrf=${csrfTokenFor(token)}`, cookie),
        noCookie: await post(route.path, bodyFor(route, csrfTokenFor(token))),
        // Web routes take forms only: a JSON body (which a page of another site could not send without CORS anyway) carries no token.
        jsonBody: await t.http.post(route.path).set({ Accept: 'text/html', Cookie: cookie }).send({ _csrf: csrfTokenFor(token) }),
      };
      for (const [name, res] of Object.entries(cases)) {
        expect([name, res.status, res.headers['content-type']]).toEqual([name, 403, 'text/html; charset=utf-8']);
        expect(setCookie(res, 'session')).toBeUndefined();
      }
      // Nothing happened: the session is still there.
      await html('/account', cookie).expect(200);
      // The control: the right token passes the check.
      const passed = await post(route.path, bodyFor(route, csrfTokenFor(token)), cookie);
      expect(passed.status).not.toBe(403);
    });

    it('the sign-in form’s token is bound to its pre-session cookie, not to any browser', async () => {
      const mine = await signInForm();
      const theirs = await signInForm();
      const res = await post('/sign-in', form({ _csrf: theirs.csrf, email: people.provider.email, password: PASSWORD }), mine.cookie);
      expect(res.status).toBe(403);
      expect(res.text).toContain('フォームを送信できませんでした');
    });
  });

  describe('sign-in', () => {
    it('opens a new session: cookie HttpOnly, SameSite=Lax, Path=/, Max-Age to the session’s end; 303 to next (local only) or /account', async () => {
      const { res } = await signIn(people.provider.email, { next: '/holdings?cursor=x' });
      expect(res.headers.location).toBe('/holdings?cursor=x');
      const cookie = setCookie(res, 'session')!;
      expect(cookie.value).toMatch(/^[A-Za-z0-9_-]{43}$/);
      const flags = cookie.line.split('; ').slice(1);
      expect(flags).toEqual(expect.arrayContaining(['HttpOnly', 'SameSite=Lax', 'Path=/']));
      expect(flags).not.toContain('Secure');
      const maxAge = Number(flags.find((flag) => flag.startsWith('Max-Age='))!.slice(8));
      expect(maxAge).toBeGreaterThan(12 * 3600 - 60);
      expect(maxAge).toBeLessThanOrEqual(12 * 3600);
      expect(res.headers['cache-control']).toBe('no-store');
      for (const next of ['//evil.example/x', 'https://evil.example/', '/\\evil.example']) {
        expect((await signIn(people.provider.email, { next })).res.headers.location).toBe('/');
      }
      expect((await signIn(people.provider.email)).res.headers.location).toBe('/account');
    });

    it('the sign-in form sets its pre-session cookie with the same flags and says no-store', async () => {
      const res = await html('/sign-in').expect(200);
      const pre = setCookie(res, 'pre_session')!;
      expect(pre.line.split('; ')).toEqual(expect.arrayContaining(['HttpOnly', 'SameSite=Lax', 'Path=/']));
      expect(res.headers['cache-control']).toBe('no-store');
      expect(hiddenCsrf(res.text)).toBe(csrfTokenFor(pre.value));
      expect(res.text).toContain('autocomplete="current-password"');
    });

    it('session fixation: a cookie planted before sign-in is never the one after, and a planted live session is revoked', async () => {
      const planted = 'p'.repeat(43);
      const first = await signIn(people.provider.email, { cookie: `session=${planted}` });
      expect(first.token).not.toBe(planted);
      // An attacker's own live session planted in the victim's browser: revoked by the sign-in, not reused.
      const attackers = await signIn(people.providerB.email);
      const victim = await signIn(people.provider.email, { cookie: `session=${attackers.token}` });
      expect(victim.token).not.toBe(attackers.token);
      expect((await html('/account', `session=${attackers.token}`)).status).toBe(303);
      // Read through the store in force (the database's, or Redis with SESSION_STORE=redis).
      const stored = await t.app.get(UnitOfWork).read(({ sessions }) => sessions.findById(sessionIdOf(attackers.token)));
      expect(stored).toMatchObject({ revokedAt: expect.any(String) });
      const account = await html('/account', `session=${victim.token}`).expect(200);
      expect(account.text).toContain(people.provider.email);
    });

    it('a wrong password and an unknown email answer the same form, one message, 422, no session', async () => {
      const answers: Response[] = [];
      for (const [email, password] of [
        [people.applicant.email, 'wrong password, long enough'],
        [`nobody.${Date.now()}@example.jp`, PASSWORD],
      ]) {
        const f = await signInForm();
        answers.push(await post('/sign-in', form({ _csrf: f.csrf, email, password }), f.cookie));
      }
      for (const res of answers) {
        expect(res.status).toBe(422);
        expect(setCookie(res, 'session')).toBeUndefined();
        expect(res.text).toContain('メールアドレスまたはパスワードが正しくないか');
        expect(res.text).not.toContain(SIGN_IN_REFUSED);
      }
      const strip = (res: Response) => res.text.replace(/value="[^"]*"/g, '');
      expect(strip(answers[0])).toBe(strip(answers[1]));
    });

    it('locks the account after 5 failures through the form: the right password is then refused with the same message', async () => {
      await createPerson('lockme', orgs.a.id, ['provider']);
      const from = source();
      for (let i = 0; i < 5; i++) {
        const f = await signInForm();
        const res = await post('/sign-in', form({ _csrf: f.csrf, email: people.lockme.email, password: `wrong password ${i} here` }), f.cookie, from);
        expect(res.status).toBe(422);
      }
      const f = await signInForm();
      const locked = await post('/sign-in', form({ _csrf: f.csrf, email: people.lockme.email, password: PASSWORD }), f.cookie, source());
      expect(locked.status).toBe(422);
      expect(setCookie(locked, 'session')).toBeUndefined();
      expect(locked.text).toContain('一時的に停止されています');
    });

    it('throttles one source after 20 failures: a 429 page with Retry-After, even for the right password', async () => {
      const from = source();
      const f = await signInForm();
      for (let i = 0; i < 20; i++) {
        const res = await post('/sign-in', form({ _csrf: f.csrf, email: `nobody${i}@example.jp`, password: 'not the password at all' }), f.cookie, from);
        expect(res.status).toBe(422);
      }
      const res = await post('/sign-in', form({ _csrf: f.csrf, email: people.auditor.email, password: PASSWORD }), f.cookie, from).set('Accept-Language', 'en');
      expect(res.status).toBe(429);
      expect(Number(res.headers['retry-after'])).toBeGreaterThan(800);
      expect(res.headers['content-type']).toBe('text/html; charset=utf-8');
      expect(res.text).toContain('Too many failed sign-ins from here');
      expect(setCookie(res, 'session')).toBeUndefined();
      // Another source is not throttled.
      expect((await signIn(people.auditor.email)).token).toBeDefined();
    });

    it('journals the sign-in and the sign-out by the person: org:<id>/person:<id>', async () => {
      const { token } = await signIn(people.provider.email);
      await post('/sign-out', form({ _csrf: csrfTokenFor(token) }), `session=${token}`).expect(303);
      const journal = t.app.get(JournalQueries);
      const entries = (await journal.entries(0, 10_000, 'person')).items;
      const label = `org:${orgs.a.id}/person:${people.provider.id}`;
      expect(entries.filter((e) => e.type === 'person.signed_in' && e.actor === label).length).toBeGreaterThan(0);
      const signedOut = entries.filter((e) => e.type === 'person.signed_out' && e.actor === label);
      expect(signedOut.map((e) => JSON.parse(e.payload))).toContainEqual({ personId: people.provider.id, revoked: true });
      const admin = (await signIn(people.admin.email)).token;
      expect(admin).toBeDefined();
      expect((await journal.entries(0, 10_000, 'person.signed_in')).items.map((e) => e.actor)).toContain(`admin/person:${people.admin.id}`);
    });
  });

  describe('sign-out', () => {
    it('revokes the session, clears the cookie and goes home; the old cookie is refused afterwards', async () => {
      const { token } = await signIn(people.provider.email);
      const cookie = `session=${token}`;
      await html('/holdings', cookie).expect(200);
      const res = await post('/sign-out', form({ _csrf: csrfTokenFor(token) }), cookie).expect(303);
      expect(res.headers.location).toBe('/');
      const cleared = setCookie(res, 'session')!;
      expect(cleared.value).toBe('');
      expect(cleared.line).toMatch(/Expires=Thu, 01 Jan 1970|Max-Age=0/);
      const after = await html('/holdings', cookie);
      expect(after.status).toBe(303);
      expect(after.headers.location).toBe('/sign-in?next=%2Fholdings');
      // The header shows no one signed in on a public page either.
      const home = await html('/', cookie).expect(200);
      expect(home.text).not.toContain(people.provider.email);
      expect(home.text).toContain('href="/sign-in"');
    });
  });

  describe('signed-in pages (generated from the route table)', () => {
    const cases = SIGNED_IN_PAGES.flatMap((route) => Object.entries(PEOPLE_KINDS).map(([kind, roles]) => [`${route.path} as ${kind}`, route, kind, opens(route.signedIn!, roles)] as const));

    it.each(cases)('%s', async (_name, route, kind, allowed) => {
      const cookie = await sessionOf(kind);
      const res = await html(concrete(route.path), cookie);
      const sample = SAMPLES[route.path];
      expect(res.status).toBe(!allowed ? 403 : sample && sample.owner !== kind ? 404 : 200);
      expect(res.headers['cache-control']).toBe('no-store');
      if (!/^text\/csv|spreadsheetml/.test(res.headers['content-type'])) {
        expect(res.headers['content-type']).toBe('text/html; charset=utf-8');
        // The header names the person and offers the sign-out form with the session's token.
        expect(res.text).toContain(people[kind].email);
        expect(res.text).toContain(`<form class="sign-out" method="post" action="/sign-out"><input type="hidden" name="_csrf" value="${csrfTokenFor(cookie.slice(8))}"/>`);
      }
    });

    it.each(SIGNED_IN_PAGES.map((route) => [route.path]))('%s without a session: 303 to the sign-in form, which brings the browser back', async (routePath) => {
      const path = concrete(routePath);
      for (const cookie of [undefined, 'session=not-a-token', `session=${'q'.repeat(43)}`]) {
        const res = await html(path, cookie);
        expect(res.status).toBe(303);
        expect(res.headers.location).toBe(`/sign-in?next=${encodeURIComponent(path)}`);
      }
      const form = await html(`/sign-in?next=${encodeURIComponent(path)}`).expect(200);
      expect(form.text).toContain(`name="next" value="${path}"`);
    });

    it.each(SIGNED_IN_PAGES.map((route) => [route.path]))('%s: a person of one organisation never sees another’s records', async (routePath) => {
      const path = concrete(routePath);
      const marks = { provider: [orgs.a.id, 'JCL-ERL-R71', 'Beneficiary of A', 'Provider A'], providerB: [orgs.b.id, 'JCL-ERL-R72', 'Beneficiary of B', 'Provider B'] };
      for (const [kind, other] of [['provider', 'providerB'], ['providerB', 'provider']] as const) {
        const res = await html(path, await sessionOf(kind));
        for (const mark of marks[other]) expect([kind, path, res.text.includes(mark)]).toEqual([kind, path, false]);
      }
    });

    it('/account shows the person, the organisation and the roles with their pages', async () => {
      const res = await html('/account', await sessionOf('provider')).set('Accept-Language', 'en').expect(200);
      expect(res.text).toContain('<html lang="en">');
      expect(res.text).toContain(`<dd class="email">${people.provider.email}</dd>`);
      expect(res.text).toContain('<dd class="organization">Provider A 株式会社</dd>');
      expect(res.text).toContain('<li data-role="provider">Offset provider</li>');
      expect(res.text).toContain('href="/holdings"');
      expect(res.text).not.toContain('href="/ledger"');
      const auditor = await html('/account', await sessionOf('auditor')).expect(200);
      expect(auditor.text).toContain('href="/ledger"');
    });

    it('/holdings shows the totals per scheme the API answers for the same organisation', async () => {
      const api = await t.http.get('/v1/holdings').set(orgs.a.auth).expect(200);
      const res = await html('/holdings', await sessionOf('provider')).expect(200);
      for (const total of api.body.totals as { scheme: string; blocks: number; quantity: string }[]) {
        expect(res.text).toContain(`<th scope="row" data-label="制度" class="mono">${total.scheme}</th>`);
        expect(res.text).toContain(`class="num">${Number(total.quantity).toLocaleString('en')}</td>`);
      }
      expect(res.text).toContain('JCL-ERL-R71-11-1000');
    });

    it('/retirements lists the organisation’s own, and /retirements.csv is the same list as a file', async () => {
      const cookie = await sessionOf('provider');
      const page = await html('/retirements', cookie).expect(200);
      expect(page.text).toContain('Beneficiary of A');
      expect(page.text).toContain('href="/retirements.csv"');
      const csv = await t.http.get('/retirements.csv').set('Cookie', cookie).expect(200);
      expect(csv.headers['content-type']).toMatch(/^text\/csv/);
      expect(csv.headers['content-disposition']).toBe('attachment; filename="retirements.csv"');
      expect(csv.text.startsWith('\uFEFF')).toBe(true);
      expect(csv.text).toContain('Beneficiary of A');
      expect(csv.text).not.toContain('Beneficiary of B');
    });

    it('/ledger runs the verification on the button and shows its result', async () => {
      const { token } = await signIn(people.auditor.email);
      const cookie = `session=${token}`;
      const page = await html('/ledger', cookie).expect(200);
      expect(page.text).toContain(`<form method="post" action="/ledger/verify" class="verify-ledger"><input type="hidden" name="_csrf" value="${csrfTokenFor(token)}"/>`);
      const res = await post('/ledger/verify', form({ _csrf: csrfTokenFor(token) }), cookie).expect(200);
      expect(res.text).toMatch(/問題はありません。[\d,]+ 件の記録を確認しました。/);
    });
  });

  describe('the API stays key-only', () => {
    it('no /v1 route accepts the session cookie', async () => {
      const cookie = await sessionOf('provider');
      for (const path of ['/v1/holdings', '/v1/me', '/v1/retirements']) {
        const res = await t.http.get(path).set('Cookie', cookie);
        expect([path, res.status, res.body.code]).toEqual([path, 401, 'UNAUTHENTICATED']);
      }
      const auditor = await sessionOf('auditor');
      expect((await t.http.get('/v1/ledger/verify').set('Cookie', auditor)).status).toBe(401);
    });

    it('a signed-in page does not open to an API key', async () => {
      const res = await html('/holdings').set(orgs.a.auth);
      expect(res.status).toBe(303);
    });
  });

  describe('form bodies', () => {
    it('a form body over the limit is a 413 page for a browser, problem+json for others', async () => {
      const big = `_csrf=x&email=${'a'.repeat(t.config.bodyLimitBytes)}`;
      const page = await post('/sign-in', big);
      expect(page.status).toBe(413);
      expect(page.headers['content-type']).toBe('text/html; charset=utf-8');
      const api = await t.http.post('/sign-in').set({ Accept: 'application/json', 'Content-Type': 'application/x-www-form-urlencoded' }).send(big);
      expect(api.status).toBe(413);
      expect(api.body.code).toBe('PAYLOAD_TOO_LARGE');
    });

    it('a form body that is not UTF-8 is a 400 page', async () => {
      const latin1 = await post('/sign-in', '_csrf=x').set('Content-Type', 'application/x-www-form-urlencoded; charset=iso-8859-1');
      expect(latin1.status).toBe(400);
      expect(latin1.headers['content-type']).toBe('text/html; charset=utf-8');
      expect((await post('/sign-in', '_csrf=%E3%81&email=x')).status).toBe(400);
    });
  });

  describe('cookies under https (PUBLIC_BASE_URL https://…)', () => {
    let secure: TestApp;
    beforeAll(async () => {
      secure = await startTestApp({ RATE_LIMIT_PER_MINUTE: '0', PUBLIC_BASE_URL: 'https://registry.example' });
      await secure.app.get(CreatePersonUseCase).execute({ organizationId: (await createKeyedOrganization(secure, ['provider'])).id, email: 'secure@example.jp', password: PASSWORD, roles: ['provider'], actor: { kind: 'admin' } });
    }, 60_000);
    afterAll(() => secure?.close());

    it('are Secure and __Host- prefixed', async () => {
      const formRes = await secure.http.get('/sign-in').set('Accept', 'text/html').expect(200);
      const pre = /__Host-pre_session=([^;]+);[^\n]*/.exec(([] as string[]).concat(formRes.headers['set-cookie']).join('\n'))!;
      expect(pre[0].split('; ')).toEqual(expect.arrayContaining(['Secure', 'HttpOnly', 'SameSite=Lax', 'Path=/']));
      const res = await secure.http
        .post('/sign-in')
        .set({ Accept: 'text/html', 'Content-Type': 'application/x-www-form-urlencoded', Cookie: `__Host-pre_session=${pre[1]}` })
        .send(form({ _csrf: csrfTokenFor(pre[1]), email: 'secure@example.jp', password: PASSWORD }))
        .expect(303);
      const session = setCookie(res, '__Host-session')!;
      expect(session.line.split('; ')).toEqual(expect.arrayContaining(['Secure', 'HttpOnly', 'SameSite=Lax', 'Path=/']));
      expect(session.line).not.toMatch(/Domain=/i);
    });
  });
});
