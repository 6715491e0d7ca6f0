import { csrfTokenFor } from '@registry/domain';
import { CreateOrganizationUseCase, CreatePersonUseCase, JournalQueries } from '@registry/ledger';
import type { Response } from 'supertest';
import { eventually, startTestApp, TEST_ADMIN_KEY, uniqueCorporateNumber, type TestApp } from '../support/test-app';
import { TEST_ENGINE } from '../support/test-engine';

const PASSWORD = 'correct horse battery staple';

function setCookie(res: Response, name: string): string | undefined {
  const lines = ([] as string[]).concat(res.headers['set-cookie'] ?? []);
  return lines.find((line) => line.startsWith(`${name}=`))?.slice(name.length + 1).split(';')[0];
}

const hiddenCsrf = (html: string) => /<input type="hidden" name="_csrf" value="([^"]+)"\/>/.exec(html)?.[1];
const form = (fields: Record<string, string | string[] | undefined>) => {
  const search = new URLSearchParams();
  for (const [name, value] of Object.entries(fields)) for (const one of ([] as (string | undefined)[]).concat(value)) if (one !== undefined) search.append(name, one);
  return search.toString();
};
/** The secret on a shown-once page. */
const shownSecret = (html: string) => /<output class="mono secret-value">([^<]+)<\/output>/.exec(html)?.[1];

/** Issue 19's administrator pages: organisations, people and API keys through forms, as the API's use cases. */
describe(`web administrator pages (${TEST_ENGINE})`, () => {
  let t: TestApp;
  const lines: string[] = [];
  let admin: { id: string; email: string; cookie: string; csrf: string };
  let counter = 0;
  /** Every password the pages generated: none may reach a log line. */
  const generated: string[] = [];
  const source = () => `203.0.113.${(++counter % 250) + 1}`;

  const html = (path: string, cookie?: string) => t.http.get(path).set({ Accept: 'text/html', ...(cookie ? { Cookie: cookie } : {}) });
  const post = (path: string, body: string, cookie?: string) =>
    t.http
      .post(path)
      .set({ Accept: 'text/html', 'Content-Type': 'application/x-www-form-urlencoded', 'X-Forwarded-For': source(), ...(cookie ? { Cookie: cookie } : {}) })
      .send(body);

  async function signIn(email: string, password = PASSWORD): Promise<{ cookie: string; csrf: string; res: Response }> {
    const page = await html('/sign-in').expect(200);
    const preSession = setCookie(page, 'pre_session')!;
    const res = await post('/sign-in', form({ _csrf: hiddenCsrf(page.text), email, password }), `pre_session=${preSession}`);
    const token = setCookie(res, 'session');
    return { cookie: `session=${token}`, csrf: token ? csrfTokenFor(token) : '', res };
  }

  const adminPost = (path: string, fields: Record<string, string | string[] | undefined>) => post(path, form({ _csrf: admin.csrf, ...fields }), admin.cookie);

  async function createOrganization(name: string, roles: string[]): Promise<string> {
    const res = await adminPost('/admin/organizations', { name, roles }).expect(303);
    const id = /^\/admin\/organizations\/([0-9a-f-]{36})\?done=created$/.exec(res.headers.location)?.[1];
    expect(id).toBeDefined();
    return id!;
  }

  beforeAll(async () => {
    t = await startTestApp({ RATE_LIMIT_PER_MINUTE: '0', TRUST_PROXY: 'loopback', LOG_LEVEL: 'info' }, { logDestination: { write: (line: string) => void lines.push(line) } });
    const operator = await t.app.get(CreateOrganizationUseCase).execute({ name: 'Registry operator', roles: [] });
    const email = `admin.${Date.now()}@example.jp`;
    const person = await t.app.get(CreatePersonUseCase).execute({ organizationId: operator.id, email, password: PASSWORD, roles: ['admin'], actor: { kind: 'admin' } });
    const session = await signIn(email);
    admin = { id: person.id, email, ...session };
  }, 120_000);
  afterAll(() => t?.close());

  it('the overview and the organisations list, in Japanese and in English, no-store', async () => {
    const overview = await html('/admin', admin.cookie).expect(200);
    expect(overview.headers['cache-control']).toBe('no-store');
    expect(overview.text).toContain('<h1>管理</h1>');
    expect(overview.text).toContain('href="/admin/organizations"');
    const english = await html('/admin/organizations?lang=en', admin.cookie).expect(200);
    expect(english.text).toContain('<h1>Organisations</h1>');
    expect(english.text).toContain('Registry operator');
    expect(english.text).toContain('action="/admin/organizations?lang=en"');
    const account = await html('/account', admin.cookie).expect(200);
    expect(account.text).toContain('href="/admin"');
  });

  it('organisation → person → the person signs in; the journal names the administrator', async () => {
    const name = `Provider ${Date.now()} 株式会社`;
    const id = await createOrganization(name, ['provider', 'applicant']);
    const page = await html(`/admin/organizations/${id}?done=created`, admin.cookie).expect(200);
    expect(page.text).toContain(name);
    expect(page.text).toContain('組織を登録しました。');

    const email = `Person.${Date.now()}@Example.JP`;
    const created = await adminPost(`/admin/organizations/${id}/people`, { email, roles: ['provider'], password: PASSWORD }).expect(303);
    expect(created.headers.location).toBe(`/admin/organizations/${id}?done=person-created`);
    const listed = await html(`/admin/organizations/${id}`, admin.cookie).expect(200);
    expect(listed.text).toContain(email.toLowerCase());

    const person = await signIn(email);
    expect(person.res.status).toBe(303);
    expect((await html('/holdings', person.cookie)).status).toBe(200);
    // Not an administrator: every admin page is refused.
    expect((await html('/admin', person.cookie)).status).toBe(403);
    expect((await html(`/admin/organizations/${id}`, person.cookie)).status).toBe(403);
    expect((await post(`/admin/organizations/${id}/rename`, form({ _csrf: person.csrf, name: 'x' }), person.cookie)).status).toBe(403);

    const journal = t.app.get(JournalQueries);
    const actor = `admin/person:${admin.id}`;
    await eventually(async () => {
      const organizations = (await journal.entries(0, 10_000, 'organization.created')).items.filter((e) => e.actor === actor && e.payload.includes(id));
      const people = (await journal.entries(0, 10_000, 'person.created')).items.filter((e) => e.actor === actor && e.payload.includes(id));
      return organizations.length === 1 && people.length === 1 ? true : undefined;
    });
  });

  it('a generated password is shown once; a reset shows a new one once and ends the person’s sessions', async () => {
    const id = await createOrganization(`Auditor ${Date.now()}`, ['auditor']);
    const email = `auditor.${Date.now()}@example.jp`;
    const created = await adminPost(`/admin/organizations/${id}/people`, { email, roles: 'auditor' }).expect(200);
    expect(created.headers['cache-control']).toBe('no-store');
    const first = shownSecret(created.text)!;
    generated.push(first);
    expect(first).toMatch(/^[A-Za-z0-9_-]{20}$/);
    const session = await signIn(email, first);
    expect(session.res.status).toBe(303);
    expect((await html('/ledger', session.cookie)).status).toBe(200);
    // The organisation page never shows it again.
    expect((await html(`/admin/organizations/${id}`, admin.cookie).expect(200)).text).not.toContain(first);

    const personId = /\/admin\/people\/([0-9a-f-]{36})\/reset-password/.exec((await html(`/admin/organizations/${id}`, admin.cookie)).text)![1];
    const reset = await adminPost(`/admin/people/${personId}/reset-password`, {}).expect(200);
    expect(reset.headers['cache-control']).toBe('no-store');
    const second = shownSecret(reset.text)!;
    generated.push(second);
    expect(second).not.toBe(first);
    expect(reset.text).toContain('1 件');
    // The old session is over; the old password too; the new one works.
    expect((await html('/ledger', session.cookie)).status).toBe(303);
    expect((await signIn(email, first)).res.status).toBe(422);
    expect((await signIn(email, second)).res.status).toBe(303);
    const journal = t.app.get(JournalQueries);
    await eventually(async () =>
      (await journal.entries(0, 10_000, 'person.password_reset')).items.some((e) => e.actor === `admin/person:${admin.id}` && e.payload.includes(personId)) ? true : undefined,
    );
    expect((await adminPost(`/admin/people/00000000-0000-4000-8000-000000000000/reset-password`, {})).status).toBe(404);
  });

  it('an API key is shown once, works against /v1, and is refused once revoked', async () => {
    const id = await createOrganization(`Keyed ${Date.now()}`, ['provider']);
    const issued = await adminPost(`/admin/organizations/${id}/keys`, { label: 'import script', expiresAt: '' }).expect(200);
    expect(issued.headers['cache-control']).toBe('no-store');
    const key = shownSecret(issued.text)!;
    expect(key).toMatch(/^ork_/);
    const secret = key.split('_').slice(2).join('_');
    const me = await t.http.get('/v1/me').set('Authorization', `Bearer ${key}`).expect(200);
    expect(JSON.stringify(me.body)).toContain(id);

    const page = await html(`/admin/organizations/${id}`, admin.cookie).expect(200);
    expect(page.text).not.toContain(key);
    expect(page.text).toContain('import script');
    const keyId = new RegExp(`/admin/organizations/${id}/keys/([0-9a-f-]{36})/revoke`).exec(page.text)![1];

    // A key of another organisation is not found under this one's address.
    const other = await createOrganization(`Other ${Date.now()}`, ['provider']);
    expect((await adminPost(`/admin/organizations/${other}/keys/${keyId}/revoke`, {})).status).toBe(404);
    await t.http.get('/v1/me').set('Authorization', `Bearer ${key}`).expect(200);

    const revoked = await adminPost(`/admin/organizations/${id}/keys/${keyId}/revoke`, {}).expect(303);
    expect(revoked.headers.location).toBe(`/admin/organizations/${id}?done=revoked`);
    await t.http.get('/v1/me').set('Authorization', `Bearer ${key}`).expect(401);

    // Both journaled with the administrator's name, the key by id: never its secret or digest.
    const journal = t.app.get(JournalQueries);
    const entries = await eventually(async () => {
      const found = [
        ...(await journal.entries(0, 10_000, 'api_key.issued')).items,
        ...(await journal.entries(0, 10_000, 'api_key.revoked')).items,
      ].filter((e) => e.payload.includes(keyId));
      return found.length === 2 ? found : undefined;
    });
    expect(entries.map((e) => [e.type, e.actor, JSON.parse(e.payload)])).toEqual([
      ['api_key.issued', `admin/person:${admin.id}`, { apiKeyId: keyId, organizationId: id, expiresAt: null }],
      ['api_key.revoked', `admin/person:${admin.id}`, { apiKeyId: keyId, organizationId: id }],
    ]);
    for (const entry of entries) expect(entry.payload).not.toContain(secret);

    // Never in a log line: the key, its secret part, a password typed or generated, the admin key.
    expect(lines.length).toBeGreaterThan(0);
    expect(generated.length).toBe(2);
    for (const line of lines) {
      for (const credential of [key, secret, PASSWORD, TEST_ADMIN_KEY, ...generated]) expect(line).not.toContain(credential);
    }
  });

  describe('refused forms answer again with the messages beside the fields', () => {
    let id: string;
    beforeAll(async () => {
      id = await createOrganization(`Refusals ${Date.now()}`, ['provider']);
    });

    it('an organisation without a name or a role, or with a wrong corporate number', async () => {
      const empty = await adminPost('/admin/organizations', { name: '', corporateNumber: '' }).expect(422);
      expect(empty.text).toContain('id="create-organization-name-error"');
      expect(empty.text).toContain('id="create-organization-roles-error"');
      expect(empty.text).toContain('aria-invalid="true"');
      const wrong = await adminPost('/admin/organizations', { name: 'Wrong number KK', corporateNumber: '1234567890123', roles: 'applicant' }).expect(400);
      expect(wrong.text).toContain('id="create-organization-corporateNumber-error"');
      expect(wrong.text).toContain('value="Wrong number KK"');
      expect(wrong.text).toMatch(/<input type="checkbox" name="roles" value="applicant" checked/);
      const number = uniqueCorporateNumber();
      await adminPost('/admin/organizations', { name: 'First KK', corporateNumber: number, roles: 'applicant' }).expect(303);
      const duplicate = await adminPost('/admin/organizations', { name: 'Second KK', corporateNumber: number, roles: 'applicant' }).expect(409);
      expect(duplicate.text).toContain('id="create-organization-corporateNumber-error"');
      const unknownRole = await adminPost('/admin/organizations', { name: 'Role KK', roles: 'root' }).expect(422);
      expect(unknownRole.text).toContain('id="create-organization-roles-error"');
    });

    it('a person with a bad email, a short password, a role the organisation lacks, or an email taken', async () => {
      const bad = await adminPost(`/admin/organizations/${id}/people`, { email: 'not-an-email', password: 'short', roles: 'provider' }).expect(422);
      expect(bad.text).toContain('id="create-person-email-error"');
      const short = await adminPost(`/admin/organizations/${id}/people`, { email: `p.${Date.now()}@example.jp`, password: 'short', roles: 'provider' }).expect(422);
      expect(short.text).toContain('id="create-person-password-error"');
      expect(short.text).not.toContain('value="short"');
      const foreign = await adminPost(`/admin/organizations/${id}/people`, { email: `q.${Date.now()}@example.jp`, password: PASSWORD, roles: 'certifier' }).expect(422);
      expect(foreign.text).toContain('id="create-person-roles-error"');
      const taken = await adminPost(`/admin/organizations/${id}/people`, { email: admin.email, password: PASSWORD, roles: 'provider' }).expect(422);
      expect(taken.text).toContain('id="create-person-email-error"');
    });

    it('a rename to nothing or to control characters, a key expiring in the past; an unknown organisation is 404', async () => {
      const empty = await adminPost(`/admin/organizations/${id}/rename`, { name: '   ' }).expect(422);
      expect(empty.text).toContain('id="rename-name-error"');
      const control = await adminPost(`/admin/organizations/${id}/rename`, { name: 'Bad\u202Ename' }).expect(422);
      expect(control.text).toContain('id="rename-name-error"');
      const past = await adminPost(`/admin/organizations/${id}/keys`, { expiresAt: '2001-01-01T00:00:00Z' }).expect(422);
      expect(past.text).toContain('id="create-key-expiresAt-error"');
      expect(past.text).not.toMatch(/secret-value/);
      await adminPost(`/admin/organizations/${id}/rename`, { name: 'Renamed KK' }).expect(303);
      expect((await html(`/admin/organizations/${id}?done=renamed`, admin.cookie).expect(200)).text).toContain('Renamed KK');
      const unknown = '00000000-0000-4000-8000-000000000000';
      expect((await html(`/admin/organizations/${unknown}`, admin.cookie)).status).toBe(404);
      expect((await adminPost(`/admin/organizations/${unknown}/keys`, {})).status).toBe(404);
      expect((await adminPost(`/admin/organizations/${unknown}/people`, { email: `r.${Date.now()}@example.jp`, password: PASSWORD })).status).toBe(404);
    });

    it('refuses every admin form without the session’s CSRF token (403), changing nothing', async () => {
      const before = (await html(`/admin/organizations/${id}`, admin.cookie)).text;
      for (const path of ['/admin/organizations', `/admin/organizations/${id}/rename`, `/admin/organizations/${id}/people`, `/admin/organizations/${id}/keys`]) {
        for (const csrf of [undefined, 'x'.repeat(43)]) {
          const res = await post(path, form({ _csrf: csrf, name: 'CSRF KK', roles: 'provider', email: `c.${Date.now()}@example.jp`, password: PASSWORD }), admin.cookie);
          expect([path, res.status]).toEqual([path, 403]);
          expect(res.text).not.toMatch(/secret-value/);
        }
      }
      const after = (await html(`/admin/organizations/${id}`, admin.cookie)).text;
      expect(after.match(/<tr>/g)?.length).toBe(before.match(/<tr>/g)?.length);
    });
  });
});
