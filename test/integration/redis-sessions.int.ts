import { sessionIdOf, SESSION_LIFETIME } from '@registry/domain';
import { CreateOrganizationUseCase, CreatePersonUseCase, ResetPasswordUseCase, SignInUseCase } from '@registry/ledger';
import { RedisSessionStore } from '@registry/persistence';
import { Redis } from 'ioredis';
import { startTestApp, type TestApp } from '../support/test-app';
import { createTestDatabase, TEST_REDIS_URL, uniqueName, type TestDatabase } from '../support/test-engine';

const PASSWORD = 'correct horse battery staple';
const REDIS_URL = TEST_REDIS_URL ?? 'redis://127.0.0.1:6379';

/** SESSION_STORE=redis on the machine's Redis: sessions leave the database, outlive a restart, expire with their session, and are revoked. */
describe('people’s sessions in Redis (SESSION_STORE=redis)', () => {
  let database: TestDatabase;
  let redis: Redis;
  let t: TestApp | undefined;
  const prefix = uniqueName('sessions');
  const env = { SESSION_STORE: 'redis', REDIS_URL, REDIS_PREFIX: prefix, RATE_LIMIT_PER_MINUTE: '0' };
  let person: { id: string; email: string };
  let counter = 0;

  const start = async () => (t = await startTestApp(env, { database }));
  const signIn = async (password = PASSWORD) =>
    (await t!.app.get(SignInUseCase).execute({ email: person.email, password, source: `192.0.2.${++counter}` })).sessionToken;
  const account = (token: string) => t!.http.get('/account').set({ Accept: 'text/html', Cookie: `session=${token}` });
  const keyOf = (token: string) => `${prefix}:session:${sessionIdOf(token)}`;

  beforeAll(async () => {
    database = await createTestDatabase();
    redis = new Redis(REDIS_URL);
    await start();
    const organization = await t!.app.get(CreateOrganizationUseCase).execute({ name: 'Session KK', roles: ['provider'] });
    const email = `redis.${Date.now()}@example.jp`;
    const created = await t!.app.get(CreatePersonUseCase).execute({ organizationId: organization.id, email, password: PASSWORD, roles: ['provider'], actor: { kind: 'admin' } });
    person = { id: created.id, email };
  }, 120_000);
  afterAll(async () => {
    await t?.close();
    const keys = await redis.keys(`${prefix}:*`);
    if (keys.length > 0) await redis.del(...keys);
    redis.disconnect();
    await database.drop();
  });

  it('keeps a session in Redis only, expiring at the session’s end, and it survives a restart of the app', async () => {
    const token = await signIn();
    expect((await account(token)).status).toBe(200);
    expect(await t!.dataSource.query(`SELECT id FROM sessions`)).toEqual([]);
    const stored = await redis.hgetall(keyOf(token));
    expect(stored).toMatchObject({ personId: person.id, revokedAt: '' });
    // The key's TTL is the session's absolute end.
    const expiresAt = await redis.pexpiretime(keyOf(token));
    expect(Math.abs(expiresAt - Date.parse(stored.expiresAt))).toBeLessThan(1000);
    expect(await redis.sismember(`${prefix}:person-sessions:${person.id}`, sessionIdOf(token))).toBe(1);

    await t!.close();
    await start();
    expect((await account(token)).status).toBe(200);
  });

  it('refreshes last-seen once a minute and ends an idle session', async () => {
    const token = await signIn();
    const stale = new Date(Date.now() - 5 * 60_000).toISOString();
    await redis.hset(keyOf(token), 'lastSeenAt', stale);
    expect((await account(token)).status).toBe(200);
    expect(await redis.hget(keyOf(token), 'lastSeenAt')).not.toBe(stale);
    await redis.hset(keyOf(token), 'lastSeenAt', new Date(Date.now() - SESSION_LIFETIME.idleMs - 1000).toISOString());
    expect((await account(token)).status).toBe(303);
  });

  it('is gone when its key expires', async () => {
    const token = await signIn();
    expect((await account(token)).status).toBe(200);
    await redis.pexpire(keyOf(token), 100);
    await new Promise((resolve) => setTimeout(resolve, 300));
    expect(await redis.exists(keyOf(token))).toBe(0);
    expect((await account(token)).status).toBe(303);
  });

  it('sign-out revokes the session, and a password reset revokes every session of the person', async () => {
    const signedOut = await signIn();
    const form = await t!.http.get('/account').set({ Accept: 'text/html', Cookie: `session=${signedOut}` }).expect(200);
    const csrf = /name="_csrf" value="([^"]+)"/.exec(form.text)![1];
    await t!.http.post('/sign-out').set({ Accept: 'text/html', Cookie: `session=${signedOut}`, 'Content-Type': 'application/x-www-form-urlencoded' }).send(`_csrf=${csrf}`).expect(303);
    expect((await account(signedOut)).status).toBe(303);
    expect(await redis.hget(keyOf(signedOut), 'revokedAt')).not.toBe('');

    const tokens = [await signIn(), await signIn()];
    for (const token of tokens) expect((await account(token)).status).toBe(200);
    const reset = await t!.app.get(ResetPasswordUseCase).execute({ personId: person.id, newPassword: PASSWORD, actor: { kind: 'admin' } });
    // These two and any left unrevoked by the tests before (idle ones too, as the database's store counts them).
    expect(reset.sessionsRevoked).toBeGreaterThanOrEqual(2);
    for (const token of tokens) expect((await account(token)).status).toBe(303);
  });

  it('the store alone: revoking is once, and a person’s set forgets sessions that expired', async () => {
    const store = new RedisSessionStore(redis, prefix);
    const now = new Date().toISOString();
    const soon = new Date(Date.now() + 60_000).toISOString();
    const personId = `store-${Date.now()}`;
    for (const id of ['s1', 's2', 's3']) await store.insert({ id: `${personId}-${id}`, personId, createdAt: now, lastSeenAt: now, expiresAt: soon, revokedAt: null });
    expect(await store.revoke(`${personId}-s1`, now)).toBe(true);
    expect(await store.revoke(`${personId}-s1`, now)).toBe(false);
    expect(await store.revoke('no-such-session', now)).toBe(false);
    await redis.del(`${prefix}:session:${personId}-s3`);
    expect(await store.revokeAllOf(personId, now)).toBe(1);
    expect((await redis.smembers(`${prefix}:person-sessions:${personId}`)).sort()).toEqual([`${personId}-s1`, `${personId}-s2`]);
    expect(await store.findById(`${personId}-s2`)).toMatchObject({ personId, revokedAt: now });
    expect(await store.findById(`${personId}-s3`)).toBeNull();
    expect(await store.touchLastSeen(`${personId}-s2`, soon, soon)).toBe(false);
  });
});
