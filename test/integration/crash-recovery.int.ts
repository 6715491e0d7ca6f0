import { assertBuilt, BUILT, freePort, startProcess, waitForHttp, type RunningProcess } from '../support/processes';
import { callApi } from '../support/http-client';
import { createTestDatabase, type TestDatabase } from '../support/test-engine';

const ADMIN = 'integration-admin-key-0123456789';

async function startApi(env: Record<string, string>): Promise<{ base: string; api: RunningProcess }> {
  const port = await freePort();
  const api = startProcess(BUILT.api, { ...env, PORT: String(port), ADMIN_API_KEY: ADMIN, RATE_LIMIT_PER_MINUTE: '0' });
  const base = `http://127.0.0.1:${port}`;
  await waitForHttp(`${base}/health/ready`, 20_000, api);
  return { base, api };
}

/** A kill -9 in the middle of a stream of retirements loses nothing that was acknowledged. */
describe.each(['sqlite', 'postgres'] as const)('crash recovery on %s', (engine) => {
  let database: TestDatabase;
  let running: RunningProcess | undefined;

  beforeAll(async () => {
    assertBuilt();
    database = await createTestDatabase(engine);
  });
  afterAll(async () => {
    await running?.stop();
    await database.drop();
  });

  it('keeps every acknowledged (201) retirement and a journal that verifies', async () => {
    const first = await startApi(database.env);
    running = first.api;
    const org = await callApi(first.base, 'POST', '/v1/organizations', ADMIN, { name: 'p', roles: ['provider', 'auditor'] });
    const { key } = (await callApi(first.base, 'POST', `/v1/organizations/${org.body.id}/api-keys`, ADMIN, {})).body;
    await callApi(first.base, 'POST', '/v1/holdings', key, { serial: 'JCL-ERL-K1-1-1000000', evidence: { registry: 'J-Credit registry', reference: 'account statement 0001' } });

    const acknowledged: string[] = [];
    let next = 0;
    let killed = false;
    const stream = async () => {
      while (!killed) {
        const i = next++;
        try {
          const res = await callApi(first.base, 'POST', '/v1/retirements', key, { serials: [`JCL-ERL-K1-${i * 10 + 1}-${i * 10 + 10}`], beneficiary: 'b', purpose: 'p' });
          if (res.status === 201) acknowledged.push(res.body.id);
        } catch {
          return; // the connection died with the server: not acknowledged
        }
      }
    };
    const streams = Array.from({ length: 4 }, stream);
    await new Promise((r) => setTimeout(r, 1500));
    killed = true;
    await first.api.stop('SIGKILL');
    await Promise.all(streams);
    expect(acknowledged.length).toBeGreaterThan(10);

    const second = await startApi(database.env);
    running = second.api;
    for (const id of acknowledged) {
      const res = await callApi(second.base, 'GET', `/v1/retirements/${id}`, key);
      expect(res.status).toBe(200);
    }
    const verify = await callApi(second.base, 'GET', '/v1/ledger/verify', key);
    expect(verify.body.ok).toBe(true);
    expect(verify.body.checked).toBeGreaterThanOrEqual(acknowledged.length + 1);
  });
});
