import { generateApiKey } from '@registry/auth';
import { loadConfig } from '@registry/config';
import { createDataSource } from '@registry/persistence';
import { DataSource } from 'typeorm';
import { createOrganizationWithKey, startTestApp, TEST_ADMIN_KEY, type TestApp } from '../support/test-app';
import { createTestDatabase, type TestDatabase } from '../support/test-engine';

const bearer = (key: string) => ({ Authorization: `Bearer ${key}` });
const secretOf = (key: string) => key.split('_').slice(2).join('_');

async function issueKey(t: TestApp, organizationId: string, body: Record<string, unknown> = {}) {
  return (await t.http.post(`/v1/organizations/${organizationId}/api-keys`).set(t.admin).send(body).expect(201)).body as {
    id: string;
    key: string;
    createdAt: string;
    expiresAt: string | null;
  };
}

async function listKeys(t: TestApp, organizationId: string) {
  return (await t.http.get(`/v1/organizations/${organizationId}/api-keys`).set(t.admin).expect(200)).body.items as {
    id: string;
    prefix: string;
    createdAt: string;
    lastUsedAt: string | null;
    expiresAt: string | null;
    revokedAt: string | null;
  }[];
}

describe('API key lifecycle: create, list, revoke, expiry, last use', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await startTestApp();
  });
  afterAll(() => t.close());

  it('answers the id, the key once, createdAt and expiresAt on creation', async () => {
    const org = await createOrganizationWithKey(t, ['provider']);
    const expiresAt = new Date(Date.now() + 86_400_000).toISOString();
    const issued = await issueKey(t, org.id, { expiresAt });
    expect(issued).toMatchObject({ id: expect.stringMatching(/^[0-9a-f-]{36}$/), key: expect.stringMatching(/^ork_/), expiresAt });
    expect(Date.parse(issued.createdAt)).not.toBeNaN();
    expect((await issueKey(t, org.id)).expiresAt).toBeNull();
  });

  it.each([
    ['in the past', new Date(Date.now() - 1000).toISOString()],
    ['without a time zone', '2030-01-01T00:00:00'],
    ['a date only', '2030-01-01'],
    ['not a calendar instant', '2030-02-30T00:00:00Z'],
    ['not a string', 1893456000000],
  ])('refuses an expiresAt %s with 400 VALIDATION_FAILED naming the field, writing nothing', async (_what, expiresAt) => {
    const org = await createOrganizationWithKey(t, ['provider']);
    const res = await t.http.post(`/v1/organizations/${org.id}/api-keys`).set(t.admin).send({ expiresAt }).expect(400);
    expect(res.body.code).toBe('VALIDATION_FAILED');
    expect(res.body.errors.map((e: { field: string }) => e.field)).toContain('expiresAt');
    expect(await listKeys(t, org.id)).toHaveLength(1);
  });

  it('lists the keys of an organisation to the admin and to its own keys, never their secret', async () => {
    const org = await createOrganizationWithKey(t, ['applicant']);
    const second = await issueKey(t, org.id, { label: 'import script' });
    const res = await t.http.get(`/v1/organizations/${org.id}/api-keys`).set(org.auth).expect(200);
    expect(res.body.items).toHaveLength(2);
    const listed = res.body.items.find((k: { id: string }) => k.id === second.id);
    expect(listed).toEqual({
      id: second.id,
      prefix: second.key.split('_').slice(0, 2).join('_'),
      label: 'import script',
      createdAt: second.createdAt,
      lastUsedAt: null,
      expiresAt: null,
      revokedAt: null,
    });
    expect(second.key.startsWith(listed.prefix)).toBe(true);
    const text = JSON.stringify(res.body);
    for (const key of [org.key, second.key]) expect(text).not.toContain(secretOf(key));
    expect(text).not.toMatch(/[0-9a-f]{64}/); // nor a digest
  });

  it("answers 404 to another organisation's key for the list and for a revoke, and the key keeps working", async () => {
    const owner = await createOrganizationWithKey(t, ['provider']);
    const other = await createOrganizationWithKey(t, ['provider']);
    const [ownersKey] = await listKeys(t, owner.id);
    expect((await t.http.get(`/v1/organizations/${owner.id}/api-keys`).set(other.auth).expect(404)).body.code).toBe('NOT_FOUND');
    expect((await t.http.delete(`/v1/api-keys/${ownersKey.id}`).set(other.auth).expect(404)).body.code).toBe('NOT_FOUND');
    await t.http.get('/v1/me').set(owner.auth).expect(200);
    expect((await listKeys(t, owner.id))[0].revokedAt).toBeNull();
  });

  it('answers 404 for an unknown key id or organisation, and 401 without a key', async () => {
    await t.http.delete('/v1/api-keys/00000000-0000-0000-0000-000000000000').set(t.admin).expect(404);
    await t.http.delete('/v1/api-keys/not-an-id').set(t.admin).expect(404);
    await t.http.get('/v1/organizations/00000000-0000-0000-0000-000000000000/api-keys').set(t.admin).expect(404);
    const org = await createOrganizationWithKey(t, ['auditor']);
    const [key] = await listKeys(t, org.id);
    await t.http.delete(`/v1/api-keys/${key.id}`).expect(401);
    await t.http.get(`/v1/organizations/${org.id}/api-keys`).expect(401);
  });

  it('revokes a key (admin): 204, then 401 for that key only; a second revoke keeps the first instant', async () => {
    const org = await createOrganizationWithKey(t, ['provider']);
    const spare = await issueKey(t, org.id);
    const [first] = await listKeys(t, org.id);
    await t.http.delete(`/v1/api-keys/${first.id}`).set(t.admin).expect(204);
    expect((await t.http.get('/v1/me').set(org.auth).expect(401)).body.code).toBe('UNAUTHENTICATED');
    await t.http.get('/v1/me').set(bearer(spare.key)).expect(200);
    const revokedAt = (await listKeys(t, org.id)).find((k) => k.id === first.id)?.revokedAt;
    expect(Date.parse(revokedAt ?? '')).not.toBeNaN();
    await t.http.delete(`/v1/api-keys/${first.id}`).set(t.admin).expect(204);
    expect((await listKeys(t, org.id)).find((k) => k.id === first.id)?.revokedAt).toBe(revokedAt);
  });

  it('lets a key of the organisation revoke a sibling key and itself', async () => {
    const org = await createOrganizationWithKey(t, ['certifier']);
    const sibling = await issueKey(t, org.id);
    await t.http.delete(`/v1/api-keys/${sibling.id}`).set(org.auth).expect(204);
    await t.http.get('/v1/me').set(bearer(sibling.key)).expect(401);
    const [own] = (await listKeys(t, org.id)).filter((k) => k.id !== sibling.id);
    await t.http.delete(`/v1/api-keys/${own.id}`).set(org.auth).expect(204);
    await t.http.get('/v1/me').set(org.auth).expect(401);
  });

  it('refuses a key from its expiresAt on (401)', async () => {
    const org = await createOrganizationWithKey(t, ['provider']);
    const shortLived = await issueKey(t, org.id, { expiresAt: new Date(Date.now() + 1500).toISOString() });
    await t.http.get('/v1/me').set(bearer(shortLived.key)).expect(200);
    await new Promise((resolve) => setTimeout(resolve, Date.parse(shortLived.expiresAt ?? '') - Date.now() + 50));
    expect((await t.http.get('/v1/me').set(bearer(shortLived.key)).expect(401)).body.code).toBe('UNAUTHENTICATED');
    await t.http.get('/v1/me').set(org.auth).expect(200);
  });

  it('sets lastUsedAt at first use and refreshes it at most once a minute', async () => {
    const org = await createOrganizationWithKey(t, ['provider']);
    const [key] = await listKeys(t, org.id);
    expect(key.lastUsedAt).toBeNull();

    const before = Date.now();
    await t.http.get('/v1/me').set(org.auth).expect(200);
    const firstUse = (await listKeys(t, org.id))[0].lastUsedAt;
    expect(Date.parse(firstUse ?? '')).toBeGreaterThanOrEqual(before - 5);
    expect(Date.parse(firstUse ?? '')).toBeLessThanOrEqual(Date.now());

    for (let i = 0; i < 3; i++) await t.http.get('/v1/me').set(org.auth).expect(200);
    expect((await listKeys(t, org.id))[0].lastUsedAt).toBe(firstUse);

    // A minute later (moved back in the database rather than waited for), the next use refreshes it.
    const minuteAgo = new Date(Date.now() - 61_000).toISOString();
    await t.dataSource.query(`UPDATE api_keys SET last_used_at = '${minuteAgo}' WHERE id = '${key.id}'`);
    const refreshedFrom = Date.now();
    await t.http.get('/v1/me').set(org.auth).expect(200);
    expect(Date.parse((await listKeys(t, org.id))[0].lastUsedAt ?? '')).toBeGreaterThanOrEqual(refreshedFrom - 5);
  });

  it('does not count a refused (revoked or wrong-secret) presentation as a use', async () => {
    const org = await createOrganizationWithKey(t, ['provider']);
    const altered = org.key.slice(0, -1) + (org.key.endsWith('A') ? 'B' : 'A');
    await t.http.get('/v1/me').set(bearer(altered)).expect(401);
    expect((await listKeys(t, org.id))[0].lastUsedAt).toBeNull();
  });
});

describe('API keys across two app instances on one database', () => {
  let database: TestDatabase;
  let a: TestApp;
  let b: TestApp;
  beforeAll(async () => {
    database = await createTestDatabase();
    a = await startTestApp({}, { database });
    b = await startTestApp({}, { database });
  });
  afterAll(async () => {
    await b?.close();
    await a?.close();
    await database?.drop();
  });

  it('a key revoked through one instance is refused by the other at its next request', async () => {
    const org = await createOrganizationWithKey(a, ['provider']);
    const [key] = await listKeys(a, org.id);
    // Both instances have accepted the key (any cache they kept would now be warm).
    for (let i = 0; i < 3; i++) {
      await a.http.get('/v1/me').set(org.auth).expect(200);
      await b.http.get('/v1/me').set(org.auth).expect(200);
    }
    await a.http.delete(`/v1/api-keys/${key.id}`).set(org.auth).expect(204);
    expect((await b.http.get('/v1/me').set(org.auth).expect(401)).body.code).toBe('UNAUTHENTICATED');
    await a.http.get('/v1/me').set(org.auth).expect(401);
  });

  it('and the other way round, revoked by the admin through the second instance', async () => {
    const org = await createOrganizationWithKey(b, ['applicant']);
    const [key] = await listKeys(b, org.id);
    await a.http.get('/v1/me').set(org.auth).expect(200);
    await b.http.delete(`/v1/api-keys/${key.id}`).set(b.admin).expect(204);
    await a.http.get('/v1/me').set(org.auth).expect(401);
  });
});

describe('API keys issued before the lifecycle migration', () => {
  let database: TestDatabase;
  let t: TestApp | undefined;
  afterAll(async () => {
    await t?.close();
    await database?.drop();
  });

  it('keep working after it, never used and never expiring', async () => {
    database = await createTestDatabase();
    const config = loadConfig({ ...database.env, ADMIN_API_KEY: TEST_ADMIN_KEY });
    const current = createDataSource(config.database);
    const migrations = (current.options.migrations as { name: string }[]).filter((m) => m.name !== 'ApiKeyLifecycle1764000000007');
    const old = new DataSource({ ...current.options, migrations } as ConstructorParameters<typeof DataSource>[0]);
    await old.initialize();
    await old.runMigrations({ transaction: 'each' });
    const generated = generateApiKey();
    const orgId = '11111111-1111-4111-8111-111111111111';
    const keyId = '22222222-2222-4222-8222-222222222222';
    await old.query(`INSERT INTO organizations (id, name, corporate_number, roles, created_at)
      VALUES ('${orgId}', 'old org', NULL, '["provider"]', '2026-01-01T00:00:00.000Z')`);
    await old.query(`INSERT INTO api_keys (id, organization_id, lookup_id, secret_sha256, label, created_at, revoked_at)
      VALUES ('${keyId}', '${orgId}', '${generated.lookupId}', '${generated.secretSha256}', NULL, '2026-01-01T00:00:00.000Z', NULL)`);
    await old.destroy();

    t = await startTestApp({}, { database });
    const me = await t.http.get('/v1/me').set(bearer(generated.key)).expect(200);
    expect(me.body).toMatchObject({ organizationId: orgId, apiKeyId: keyId });
    const [listed] = await listKeys(t, orgId);
    expect(listed).toMatchObject({ id: keyId, expiresAt: null, revokedAt: null });
    expect(listed.lastUsedAt).not.toBeNull();
  });
});
