import { assertBuilt, BUILT, freePort, startProcess, waitForHttp, type RunningProcess } from '../support/processes';
import { callApi } from '../support/http-client';
import { createTestDatabase, type TestDatabase } from '../support/test-engine';

const ADMIN = 'integration-admin-key-0123456789';

/** LEDGER-1 across processes: two API processes share one PostgreSQL; only the schema and the head lock stand between them. */
describe('two API processes on one PostgreSQL', () => {
  let database: TestDatabase;
  const processes: RunningProcess[] = [];
  const bases: string[] = [];

  beforeAll(async () => {
    assertBuilt();
    database = await createTestDatabase('postgres');
    for (let i = 0; i < 2; i++) {
      const port = await freePort();
      const api = startProcess(BUILT.api, { ...database.env, PORT: String(port), ADMIN_API_KEY: ADMIN, RATE_LIMIT_PER_MINUTE: '0' });
      processes.push(api);
      bases.push(`http://127.0.0.1:${port}`);
      await waitForHttp(`${bases[i]}/health/ready`, 20_000, api);
    }
  });

  afterAll(async () => {
    await Promise.all(processes.map((p) => p.stop()));
    await database?.drop();
  });

  it('40 overlapping retirements spread over both processes: exactly one 201, the rest 409, no 5xx', async () => {
    const org = await callApi(bases[0], 'POST', '/v1/organizations', ADMIN, { name: 'p', roles: ['provider', 'auditor'] });
    const { key } = (await callApi(bases[1], 'POST', `/v1/organizations/${org.body.id}/api-keys`, ADMIN, {})).body;
    expect((await callApi(bases[0], 'POST', '/v1/holdings', key, { serial: 'JCL-ERL-P1-1-1000', evidence: { registry: 'J-Credit registry', reference: 'account statement 0001' } })).status).toBe(201);

    const responses = await Promise.all(
      Array.from({ length: 40 }, (_, i) => {
        const start = 1 + (i % 10) * 10;
        return callApi(bases[i % 2], 'POST', '/v1/retirements', key, {
          serials: [`JCL-ERL-P1-${start}-${start + 500}`],
          beneficiary: `b${i}`,
          purpose: 'race',
        });
      }),
    );
    const statuses = responses.map((r) => r.status);
    expect(statuses.filter((s) => s >= 500)).toEqual([]);
    expect(statuses.filter((s) => s === 201)).toHaveLength(1);
    expect(statuses.filter((s) => s === 409)).toHaveLength(39);

    const winner = responses.find((r) => r.status === 201)!;
    const status = await callApi(bases[1], 'GET', '/v1/serials/status?serial=JCL-ERL-P1-1-1000', key);
    const retiredBy = new Set(status.body.segments.filter((s: any) => s.status === 'retired').map((s: any) => s.retirementId));
    expect([...retiredBy]).toEqual([winner.body.id]);
    const verify = await callApi(bases[0], 'GET', '/v1/ledger/verify', key);
    expect(verify.body).toMatchObject({ ok: true, checked: 4 }); // the organisation, its key, the holding, the one retirement
  });

  it('many non-overlapping retirements on both processes all succeed and chain one journal', async () => {
    const org = await callApi(bases[0], 'POST', '/v1/organizations', ADMIN, { name: 'q', roles: ['provider', 'auditor'] });
    const { key } = (await callApi(bases[0], 'POST', `/v1/organizations/${org.body.id}/api-keys`, ADMIN, {})).body;
    await callApi(bases[0], 'POST', '/v1/holdings', key, { serial: 'JCL-ERL-P2-1-10000', evidence: { registry: 'J-Credit registry', reference: 'account statement 0001' } });
    const head = (await callApi(bases[0], 'GET', '/v1/ledger/head', key)).body.sequence;
    const responses = await Promise.all(
      Array.from({ length: 60 }, (_, i) =>
        callApi(bases[i % 2], 'POST', '/v1/retirements', key, { serials: [`JCL-ERL-P2-${i * 100 + 1}-${i * 100 + 50}`], beneficiary: 'b', purpose: 'p' }),
      ),
    );
    expect(responses.map((r) => r.status)).toEqual(Array(60).fill(201));
    const verify = await callApi(bases[1], 'GET', '/v1/ledger/verify', key);
    expect(verify.body).toEqual({ ok: true, checked: head + 60, head: expect.objectContaining({ sequence: head + 60 }) });
  });
});
