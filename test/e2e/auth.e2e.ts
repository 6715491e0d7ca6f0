import { createHash } from 'node:crypto';
import { createOrganizationWithKey, startTestApp, type TestApp } from '../support/test-app';

describe('API keys and roles', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await startTestApp();
  });
  afterAll(() => t.close());

  it('answers 401 UNAUTHENTICATED without a key (deny by default)', async () => {
    const res = await t.http.post('/v1/organizations').send({ name: 'x', roles: ['provider'] }).expect(401);
    expect(res.body.code).toBe('UNAUTHENTICATED');
    const orgs = await t.dataSource.query('SELECT COUNT(*) AS n FROM organizations');
    expect(Number(orgs[0].n)).toBe(0);
  });

  it.each([
    ['an unknown well-formed key', 'Bearer ork_0123456789abcdef_AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA'],
    ['a malformed key', 'Bearer not-a-key'],
    ['another scheme', 'Basic dXNlcjpwYXNz'],
    ['an empty bearer', 'Bearer '],
  ])('answers 401 for %s', async (_name, header) => {
    const res = await t.http.get('/v1/me').set('Authorization', header).expect(401);
    expect(res.body.code).toBe('UNAUTHENTICATED');
  });

  it('answers 401 on a public route when a presented key is invalid', async () => {
    const res = await t.http.get('/health/live').set('Authorization', 'Bearer wrong').expect(401);
    expect(res.body.code).toBe('UNAUTHENTICATED');
  });

  it('answers 403 FORBIDDEN when an organisation key calls an admin route', async () => {
    const provider = await createOrganizationWithKey(t, ['provider']);
    const res = await t.http.post('/v1/organizations').set(provider.auth).send({ name: 'x', roles: ['provider'] }).expect(403);
    expect(res.body.code).toBe('FORBIDDEN');
    expect(res.body.detail).toContain('admin');
  });

  it('lets a new key identify its organisation and roles', async () => {
    const org = await createOrganizationWithKey(t, ['auditor', 'provider']);
    const res = await t.http.get('/v1/me').set(org.auth).expect(200);
    expect(res.body).toMatchObject({ kind: 'organization', organizationId: org.id, roles: ['auditor', 'provider'] });
  });

  it('stores keys only as SHA-256 digests of their secret', async () => {
    const org = await createOrganizationWithKey(t, ['applicant']);
    const [, lookupId, secret] = /^ork_([a-z0-9]{16})_(.+)$/.exec(org.key) ?? [];
    const rows = (await t.dataSource.query('SELECT * FROM api_keys')).filter(
      (r: { organization_id: string }) => r.organization_id === org.id,
    );
    expect(rows).toHaveLength(1);
    expect(rows[0].lookup_id).toBe(lookupId);
    expect(rows[0].secret_sha256).toBe(createHash('sha256').update(secret).digest('hex'));
    expect(JSON.stringify(rows)).not.toContain(secret);
  });

  it('refuses a key whose secret part was altered', async () => {
    const org = await createOrganizationWithKey(t, ['provider']);
    const last = org.key.slice(-1);
    const altered = org.key.slice(0, -1) + (last === 'A' ? 'B' : 'A');
    await t.http.get('/v1/me').set('Authorization', `Bearer ${altered}`).expect(401);
  });

  it('answers 404 when issuing a key for an unknown organisation, writing nothing', async () => {
    const res = await t.http.post('/v1/organizations/00000000-0000-0000-0000-000000000000/api-keys').set(t.admin).send({}).expect(404);
    expect(res.body.code).toBe('NOT_FOUND');
  });
});
