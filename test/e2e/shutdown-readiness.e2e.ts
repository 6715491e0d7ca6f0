import { ShutdownState } from '../../apps/api/src/lifecycle/shutdown-state';
import { startTestApp, type TestApp } from '../support/test-app';

describe('readiness while shutting down', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await startTestApp();
  });
  afterAll(() => t.close());

  it('answers 503 SERVICE_UNAVAILABLE once the process is stopping, so a load balancer drains it; liveness stays 200', async () => {
    await t.http.get('/health/ready').expect(200);
    t.app.get(ShutdownState).begin();
    const res = await t.http.get('/health/ready').expect(503);
    expect(res.headers['content-type']).toMatch(/^application\/problem\+json/);
    expect(res.body).toMatchObject({ code: 'SERVICE_UNAVAILABLE', detail: expect.stringMatching(/shutting down/) });
    expect(res.body.checks.database.ok).toBe(true);
    await t.http.get('/health/live').expect(200);
  });
});
