import { existsSync, unlinkSync } from 'node:fs';
import { startTestApp, type TestApp } from '../support/test-app';
import { TEST_ENGINE } from '../support/test-engine';

/**
 * The SQLite ledger answers a write only after an fdatasync of its WAL (wal-group-commit.ts). When
 * that sync fails, nothing written since can be promised, so the whole app must refuse every call
 * with 503 SERVICE_UNAVAILABLE until it restarts. The fault here is real: the WAL file is removed
 * from under the running app, so the sync's open() fails.
 */
(TEST_ENGINE === 'sqlite' ? describe : describe.skip)('a failed WAL sync takes the SQLite ledger out of service', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await startTestApp();
  });
  afterAll(() => t.close());

  function expectUnavailable(res: { status: number; headers: Record<string, string>; body: Record<string, unknown> }) {
    expect(res.status).toBe(503);
    expect(res.headers['content-type']).toMatch(/^application\/problem\+json/);
    expect(res.body).toMatchObject({ status: 503, code: 'SERVICE_UNAVAILABLE' });
  }

  it('answers 503 problem+json for the write that could not be synced, then for reads, and fails readiness', async () => {
    const before = await t.http.post('/v1/organizations').set(t.admin).send({ name: 'before the fault', roles: ['provider'] }).expect(201);
    await t.http.get('/health/ready').expect(200);

    const wal = `${t.config.database.engine === 'sqlite' ? t.config.database.sqlitePath : ''}-wal`;
    expect(existsSync(wal)).toBe(true);
    unlinkSync(wal);

    const write = await t.http.post('/v1/organizations').set(t.admin).send({ name: 'during the fault', roles: ['provider'] });
    expectUnavailable(write);
    expect(write.body.detail).toMatch(/restart the service/);

    expectUnavailable(await t.http.get(`/v1/organizations/${before.body.id}`).set(t.admin));
    expectUnavailable(await t.http.post('/v1/organizations').set(t.admin).send({ name: 'after the fault', roles: ['provider'] }));

    const ready = await t.http.get('/health/ready');
    expect(ready.status).toBe(503);
    expect(ready.body.checks.database.ok).toBe(false);
    await t.http.get('/health/live').expect(200);
  });
});
