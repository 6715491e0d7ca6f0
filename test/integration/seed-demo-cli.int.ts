import { csrfTokenFor, SCHEME_CODES, verifyCertificate } from '@registry/domain';
import { execFile } from 'node:child_process';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { assertBuilt, BUILT } from '../support/processes';
import { startTestApp, type TestApp } from '../support/test-app';
import { createTestDatabase, TEST_ENGINE } from '../support/test-engine';

const run = promisify(execFile);

interface Seeded {
  organizations: { key: string; id: string; roles: string[]; apiKey: string }[];
  holdings: number;
  retirements: { id: string; certificateNumber: string; officialReference: string; serials: string[] }[];
  cnCertificationNumber: string;
  cfpNotificationNumber: string;
  reconciliation: { id: string; alertCount: number };
  people: { role: string; email: string; password: string; organizationId: string }[];
}

describe(`npm run cli -- seed demo (issue 14, ${TEST_ENGINE})`, () => {
  let t: TestApp;
  let database: Awaited<ReturnType<typeof createTestDatabase>>;
  let env: Record<string, string>;
  let seeded: Seeded;
  const dir = mkdtempSync(join(tmpdir(), 'cli-seed-'));
  const auth = (key: string) => ({ Authorization: `Bearer ${seeded.organizations.find((o) => o.key === key)!.apiKey}` });

  beforeAll(async () => {
    assertBuilt();
    database = await createTestDatabase();
    env = { PATH: process.env.PATH ?? '', ...database.env, CERTIFICATE_KEYS_DIR: join(dir, 'keys') };
    const started = Date.now();
    seeded = JSON.parse((await run(process.execPath, [BUILT.cli, 'seed', 'demo', '--json'], { env })).stdout);
    expect(Date.now() - started).toBeLessThan(60_000);
    t = await startTestApp({ CERTIFICATE_KEYS_DIR: join(dir, 'keys') }, { database });
  }, 120_000);
  afterAll(async () => {
    await t?.close();
    await database.drop();
  });

  it('publishes the certified CN claim and the accepted CFP offset in the register', async () => {
    const register = (await t.http.get('/v1/register').query({ limit: 100 }).expect(200)).body.items;
    expect(register).toEqual(
      expect.arrayContaining([
        expect.objectContaining({ certificationNumber: seeded.cnCertificationNumber, status: 'certified', verificationBody: expect.objectContaining({ opinion: 'unqualified' }) }),
        expect.objectContaining({ certificationNumber: seeded.cfpNotificationNumber, status: 'certified' }),
      ]),
    );
  });

  it('issues retirement certificates that verify against the published keys, one retirement pending its registry reference', async () => {
    const keys = (await t.http.get('/v1/certificate-keys').expect(200)).body.keys;
    const recorded = seeded.retirements.find((r) => r.officialReference === 'recorded')!;
    const certificate = (await t.http.get(`/v1/certificates/${recorded.certificateNumber}`).expect(200)).body;
    expect(verifyCertificate(certificate, keys)).toMatchObject({ valid: true });
    const listed = (await t.http.get('/v1/retirements').query({ limit: 100 }).set(auth('auditor')).expect(200)).body.items;
    expect(listed).toHaveLength(seeded.retirements.length);
    expect(listed.filter((r: { officialReference: string }) => r.officialReference === 'pending')).toHaveLength(1);
    const status = await t.http.get('/v1/serials/status').query({ serial: recorded.serials[0] }).expect(200);
    expect(JSON.stringify(status.body)).toContain(recorded.certificateNumber);
  });

  it('holds blocks of every scheme the ledger knows, with each provider', async () => {
    expect(seeded.holdings).toBeGreaterThanOrEqual(2000);
    for (const provider of ['providerA', 'providerB']) {
      const { totals } = (await t.http.get('/v1/holdings').query({ limit: 1 }).set(auth(provider)).expect(200)).body;
      expect(totals.map((total: { scheme: string }) => total.scheme).sort()).toEqual([...SCHEME_CODES].sort());
    }
  });

  it("shows provider A's reconciliation of ACR's retirement list: one block retired there that the ledger still holds", async () => {
    const reconciliation = (await t.http.get(`/v1/reconciliations/${seeded.reconciliation.id}`).set(auth('providerA')).expect(200)).body;
    expect(reconciliation).toMatchObject({ status: 'done', format: 'acr', rows: 1, alertCount: 1 });
    expect(reconciliation.alerts).toEqual([expect.objectContaining({ kind: 'retired_in_registry_held_here', serial: expect.stringMatching(/^ACR-US-1185-2025-3078-1 to 40$/) })]);
    await t.http.get(`/v1/reconciliations/${seeded.reconciliation.id}`).set(auth('auditor')).expect(200);
  });

  /** Signs in through the form; answers the session cookie. */
  async function signIn(email: string, password: string): Promise<string> {
    const form = await t.http.get('/sign-in').set('Accept', 'text/html').expect(200);
    const preSession = /pre_session=([^;]+)/.exec(([] as string[]).concat(form.headers['set-cookie']).join('\n'))![1];
    const signedIn = await t.http
      .post('/sign-in')
      .set({ Accept: 'text/html', 'Content-Type': 'application/x-www-form-urlencoded', Cookie: `pre_session=${preSession}` })
      .send(new URLSearchParams({ _csrf: csrfTokenFor(preSession), email, password }).toString())
      .expect(303);
    return `session=${/session=([^;]+)/.exec(([] as string[]).concat(signedIn.headers['set-cookie']).find((line) => line.startsWith('session='))!)![1]}`;
  }

  it('opens one demo person per role, in the organisation of that role, each with its own password', async () => {
    const orgOf = (key: string) => seeded.organizations.find((o) => o.key === key)!.id;
    expect(seeded.people.map(({ role, email }) => [role, email])).toEqual(
      ['provider', 'applicant', 'verifier', 'certifier', 'auditor', 'admin'].map((role) => [role, `${role}@demo.example`]),
    );
    expect(seeded.people.slice(0, 5).map((p) => p.organizationId)).toEqual(['providerA', 'applicantCn', 'verifier', 'certifier', 'auditor'].map(orgOf));
    expect(seeded.organizations.map((o) => o.id)).not.toContain(seeded.people[5].organizationId);
    for (const person of seeded.people) expect(person.password.length).toBeGreaterThanOrEqual(20);
    expect(new Set(seeded.people.map((p) => p.password)).size).toBe(seeded.people.length);
  });

  it('each demo person signs in on the web pages and opens a page of their role: the provider its holdings, the auditor the ledger', async () => {
    const person = (role: string) => seeded.people.find((p) => p.role === role)!;
    const provider = await signIn(person('provider').email, person('provider').password);
    expect((await t.http.get('/holdings').set({ Accept: 'text/html', Cookie: provider }).expect(200)).text).toContain('<table class="stack totals">');
    const auditor = await signIn(person('auditor').email, person('auditor').password);
    await t.http.get('/ledger').set({ Accept: 'text/html', Cookie: auditor }).expect(200);
    await t.http.get('/holdings').set({ Accept: 'text/html', Cookie: auditor }).expect(403);
    const admin = await signIn(person('admin').email, person('admin').password);
    expect((await t.http.get('/account').set({ Accept: 'text/html', Cookie: admin }).expect(200)).text).toContain('admin@demo.example');
  });

  it('leaves a journal that verifies, read with the seeded auditor key', async () => {
    expect((await t.http.get('/v1/ledger/verify').set(auth('auditor')).expect(200)).body).toMatchObject({ ok: true });
  });

  it('refuses to seed a ledger that already has organisations (exit code 1) and changes nothing', async () => {
    const failed = await run(process.execPath, [BUILT.cli, 'seed', 'demo'], { env }).catch((e: { code: number; stderr: string }) => e);
    expect(failed).toMatchObject({ code: 1, stderr: expect.stringContaining('fills an empty ledger only') });
    const organizations = (await t.http.get('/v1/organizations').query({ limit: 100 }).set(t.admin).expect(200)).body.items;
    // The demo's organisations and the registry operator's (the administrator's).
    expect(organizations).toHaveLength(seeded.organizations.length + 1);
  }, 60_000);
});
