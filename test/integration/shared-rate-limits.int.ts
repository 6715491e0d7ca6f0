import { createTestDatabase, uniqueName, type TestDatabase } from '../support/test-engine';
import { startTestApp, type TestApp } from '../support/test-app';

const LIMIT = 4;

/** With REDIS_URL the throttler counts in Redis: API processes behind one load balancer share one limit. */
describe('rate limits shared through Redis by two API instances', () => {
  let database: TestDatabase;
  const apps: TestApp[] = [];

  beforeAll(async () => {
    database = await createTestDatabase();
    const prefix = uniqueName('shared');
    for (let i = 0; i < 2; i++) apps.push(await startTestApp({ RATE_LIMIT_PER_MINUTE: String(LIMIT), REDIS_PREFIX: prefix }, { database }));
    // Another registry on the same Redis (another REDIS_PREFIX) counts on its own.
    apps.push(await startTestApp({ RATE_LIMIT_PER_MINUTE: String(LIMIT), REDIS_PREFIX: uniqueName('other') }, { database }));
  });

  afterAll(async () => {
    for (const app of apps) await app.close();
    await database?.drop();
  });

  it('answers 429 once the configured total is reached across both instances, not twice it', async () => {
    const [first, second, otherRegistry] = apps;
    expect(first.config.redisUrl).toBeDefined();
    const statuses: number[] = [];
    for (let i = 0; i < 2 * LIMIT; i++) statuses.push((await (i % 2 === 0 ? first : second).http.get('/v1/schemes')).status);
    expect(statuses).toEqual([...Array<number>(LIMIT).fill(200), ...Array<number>(LIMIT).fill(429)]);

    await otherRegistry.http.get('/v1/schemes').expect(200);
  });
});
