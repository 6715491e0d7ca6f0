import { createOrganizationWithKey, eventually, startTestApp, type TestApp } from '../support/test-app';
import { startWebhookReceiver, verifyStandardWebhook, type WebhookReceiver } from '../support/webhook-receiver';

const ACR_HEADER = 'Credit Serial Numbers,Date Issued (GMT),Quantity of Credits,Status Effective (GMT),Retired on Behalf of,Retirement Reason,Project ID';
const serial = (range: string) => `ACR-US-1185-2025-3078-${range}`;
const row = (range: string) => `${serial(range)},6/30/2025 7:43:26 PM,100,4/12/2026 1:00:00 AM,AWS,Environmental Benefit,ACR1185`;

describe('webhook events of jobs: import.finished and reconciliation.alert reach the organisation that asked', () => {
  let t: TestApp;
  let receiver: WebhookReceiver;
  beforeAll(async () => {
    receiver = await startWebhookReceiver();
    t = await startTestApp({ WEBHOOK_ALLOW_PRIVATE_NETWORKS: 'true' });
  });
  afterAll(async () => {
    await t.close();
    await receiver.close();
  });

  async function reconcile(auth: Record<string, string>, body: string) {
    const created = await t.http.post('/v1/reconciliations').query({ format: 'acr' }).set(auth).set('Content-Type', 'text/csv').send(body).expect(202);
    return eventually(async () => {
      const res = await t.http.get(`/v1/reconciliations/${created.body.id}`).set(auth).expect(200);
      return res.body.status === 'done' ? res.body : undefined;
    }, 30_000);
  }

  it('sends one signed event for a run with alerts, none for a clean run', async () => {
    const provider = await createOrganizationWithKey(t, ['provider']);
    await t.http.post('/v1/holdings').set(provider.auth).send({ serial: serial('301 to 400'), evidence: { registry: 'ACR Registry', reference: 's1' } }).expect(201);
    const hook = await t.http.post('/v1/webhooks').set(provider.auth).send({ url: receiver.url('/alerts'), events: ['reconciliation.alert'] }).expect(201);

    const clean = await reconcile(provider.auth, [ACR_HEADER, row('901 to 1000')].join('\r\n'));
    expect(clean.alertCount).toBe(0);
    const alerting = await reconcile(provider.auth, [ACR_HEADER, row('301 to 400')].join('\r\n'));
    expect(alerting.alerts).toEqual([expect.objectContaining({ kind: 'retired_in_registry_held_here' })]);

    const [delivery] = await eventually(async () => (receiver.onPath('/alerts').length > 0 ? receiver.onPath('/alerts') : undefined), 20_000);
    expect(verifyStandardWebhook(hook.body.secret, delivery!.headers, delivery!.body)).toBe(true);
    expect(JSON.parse(delivery!.body)).toMatchObject({ type: 'reconciliation.alert', data: { reconciliationId: alerting.id, organizationId: provider.id, alertCount: 1 } });
    await new Promise((resolve) => setTimeout(resolve, 500));
    expect(receiver.onPath('/alerts')).toHaveLength(1);
  });

  it('import.finished: a finished holdings import tells the importer, once, with its counts', async () => {
    const provider = await createOrganizationWithKey(t, ['provider']);
    const hook = await t.http.post('/v1/webhooks').set(provider.auth).send({ url: receiver.url('/imports'), events: ['import.finished'] }).expect(201);
    const statement = ['serial,scheme,registry,reference', 'JCL-ERL-R880-1-100,,J-Credit registry,stmt-1', 'not a serial,,J-Credit registry,stmt-1'].join('\r\n');
    const created = await t.http.post('/v1/imports').query({ kind: 'holdings' }).set(provider.auth).set('Content-Type', 'text/csv').send(statement).expect(202);
    await eventually(async () => {
      const res = await t.http.get(`/v1/imports/${created.body.id}`).set(provider.auth).expect(200);
      return res.body.status === 'done' ? res.body : undefined;
    }, 30_000);
    const [delivery] = await eventually(async () => (receiver.onPath('/imports').length > 0 ? receiver.onPath('/imports') : undefined), 20_000);
    expect(verifyStandardWebhook(hook.body.secret, delivery!.headers, delivery!.body)).toBe(true);
    expect(JSON.parse(delivery!.body)).toMatchObject({
      type: 'import.finished',
      data: { importId: created.body.id, organizationId: provider.id, status: 'done', total: 2, accepted: 1, refused: 1 },
    });
    await new Promise((resolve) => setTimeout(resolve, 500));
    expect(receiver.onPath('/imports')).toHaveLength(1);
  });
});
