import { callApi } from '../support/http-client';
import { assertBuilt, BUILT, freePort, startProcess, waitForHttp, type RunningProcess } from '../support/processes';
import { createTestDatabase, type TestDatabase } from '../support/test-engine';
import { startWebhookReceiver, verifyStandardWebhook, type ReceivedWebhook, type WebhookReceiver } from '../support/webhook-receiver';
import { ADMIN, startCluster, UNSTARVED_WORKERS, type WorkerCluster } from '../support/workers-cluster';

const ALLOW = { WEBHOOK_ALLOW_PRIVATE_NETWORKS: 'true' };
const EVIDENCE = { registry: 'J-Credit registry', reference: 'account statement 0001' };

async function startApi(env: Record<string, string>): Promise<{ base: string; api: RunningProcess }> {
  const port = await freePort();
  const api = startProcess(BUILT.api, { ...env, ...ALLOW, PORT: String(port), ADMIN_API_KEY: ADMIN, RATE_LIMIT_PER_MINUTE: '0' });
  const base = `http://127.0.0.1:${port}`;
  await waitForHttp(`${base}/health/ready`, 30_000, api);
  return { base, api };
}

async function until<T>(probe: () => T | undefined | Promise<T | undefined>, timeoutMs: number, what: string, logs = () => ''): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const value = await probe();
    if (value !== undefined) return value;
    if (Date.now() > deadline) throw new Error(`${what} within ${timeoutMs} ms\n${logs()}`);
    await new Promise((r) => setTimeout(r, 100));
  }
}

/** A provider with a key, a held block, and a webhook for its retirements pointing at `url`. */
async function providerWithWebhook(base: string, url: string): Promise<{ key: string; webhookId: string; secret: string }> {
  const org = await callApi(base, 'POST', '/v1/organizations', ADMIN, { name: 'provider', roles: ['provider'] });
  const { key } = (await callApi(base, 'POST', `/v1/organizations/${org.body.id}/api-keys`, ADMIN, {})).body;
  expect((await callApi(base, 'POST', '/v1/holdings', key, { serial: 'JCL-ERL-W1-1-1000', evidence: EVIDENCE })).status).toBe(201);
  const hook = await callApi(base, 'POST', '/v1/webhooks', key, { url, events: ['retirement.created'] });
  expect(hook.status).toBe(201);
  return { key, webhookId: hook.body.id, secret: hook.body.secret };
}

/** Every request the receiver got is the same message (one webhook-id), correctly signed; the last one was answered 2xx. */
function expectOneMessageDelivered(received: ReceivedWebhook[], secret: string, retirementId: string): void {
  expect(received[0].answered).toBe(0); // the attempt in flight when the process died
  expect(received.length).toBeGreaterThanOrEqual(2);
  expect(new Set(received.map((r) => r.headers['webhook-id'])).size).toBe(1);
  for (const r of received) {
    expect(verifyStandardWebhook(secret, r.headers, r.body)).toBe(true);
    expect(JSON.parse(r.body)).toMatchObject({ type: 'retirement.created', data: { id: retirementId } });
  }
  expect(received[received.length - 1].answered).toBe(204);
}

/** At least once: a process killed while a delivery is in flight does not lose the event. */
describe.each(['sqlite', 'postgres'] as const)('webhooks: the API (jobs in-process) killed mid-delivery, on %s', (engine) => {
  let database: TestDatabase;
  let receiver: WebhookReceiver;
  let running: RunningProcess | undefined;

  beforeAll(async () => {
    assertBuilt();
    database = await createTestDatabase(engine);
    receiver = await startWebhookReceiver();
  });
  afterAll(async () => {
    await running?.stop();
    await receiver?.close();
    await database?.drop();
  });

  it('delivers the event after a restart, with the same webhook-id', async () => {
    const first = await startApi(database.env);
    running = first.api;
    const { key, webhookId, secret } = await providerWithWebhook(first.base, receiver.url('/crash'));
    let inFlight!: () => void;
    const delivering = new Promise<void>((resolve) => (inFlight = resolve));
    receiver.hang('/crash', () => inFlight());

    const retirement = await callApi(first.base, 'POST', '/v1/retirements', key, { serials: ['JCL-ERL-W1-1-10'], beneficiary: 'b', purpose: 'p' });
    expect(retirement.status).toBe(201);
    await delivering;
    await first.api.stop('SIGKILL');
    receiver.release('/crash');

    const second = await startApi(database.env);
    running = second.api;
    const received = await until(
      () => (receiver.onPath('/crash').some((r) => r.answered === 204) ? receiver.onPath('/crash') : undefined),
      30_000,
      'the event was not delivered after the restart',
      () => second.api.output(),
    );
    expectOneMessageDelivered(received, secret, retirement.body.id);
    const log = await until(
      async () => {
        const items = (await callApi(second.base, 'GET', `/v1/webhooks/${webhookId}/deliveries`, key)).body.items as Record<string, unknown>[];
        return items[0]?.status === 'delivered' ? items : undefined;
      },
      10_000,
      'the delivery log does not say delivered',
    );
    expect(log).toHaveLength(1);
    expect(log[0]).toMatchObject({ id: received[0].headers['webhook-id'], type: 'retirement.created', lastStatusCode: 204 });
  });
});

describe('webhooks: a BullMQ worker killed mid-delivery (PostgreSQL, Redis)', () => {
  let cluster: WorkerCluster;
  let receiver: WebhookReceiver;

  beforeAll(async () => {
    assertBuilt();
    receiver = await startWebhookReceiver();
    // A short lock: the dead worker's job is taken over after 2 s instead of 30.
    cluster = await startCluster({ workers: 1, apiEnv: ALLOW, workerEnv: { ...UNSTARVED_WORKERS, ...ALLOW, WORKER_LOCK_MS: '2000' } });
  });
  afterAll(async () => {
    await cluster?.stop();
    await receiver?.close();
  });

  it('another worker takes the delivery over and the event arrives, with the same webhook-id', async () => {
    const { key, secret } = await providerWithWebhook(cluster.base, receiver.url('/worker-crash'));
    let inFlight!: () => void;
    const delivering = new Promise<void>((resolve) => (inFlight = resolve));
    receiver.hang('/worker-crash', () => inFlight());

    const retirement = await callApi(cluster.base, 'POST', '/v1/retirements', key, { serials: ['JCL-ERL-W1-1-10'], beneficiary: 'b', purpose: 'p' });
    expect(retirement.status).toBe(201);
    await delivering;
    await cluster.workers[0].stop('SIGKILL');
    receiver.release('/worker-crash');
    await cluster.addWorker();

    const received = await until(
      () => (receiver.onPath('/worker-crash').some((r) => r.answered === 204) ? receiver.onPath('/worker-crash') : undefined),
      30_000,
      'the event was not delivered by the surviving worker',
      () => cluster.logs(),
    );
    expectOneMessageDelivered(received, secret, retirement.body.id);
  });
});
