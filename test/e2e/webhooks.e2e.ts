import { JobQueue } from '@registry/jobs';
import { runLedgerCommand, UnitOfWork, WebhookDispatcher, WebhookSweepScheduler } from '@registry/ledger';
import { CN_DRAFT, EVIDENCE } from '../support/access-fixtures';
import { createOrganizationWithKey, eventually, logSettled, startTestApp, type TestApp } from '../support/test-app';
import { startWebhookReceiver, verifyStandardWebhook, type ReceivedWebhook, type WebhookReceiver } from '../support/webhook-receiver';

type Org = Awaited<ReturnType<typeof createOrganizationWithKey>>;
const ALL_EVENTS = [
  'retirement.created',
  'claim.submitted',
  'claim.certified',
  'claim.suspended',
  'claim.reinstated',
  'claim.revoked',
  'claim.withdrawn',
  'provider.authorized',
  'import.finished',
  'reconciliation.alert',
];

const typeOf = (r: ReceivedWebhook) => (JSON.parse(r.body) as { type: string }).type;
const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

describe('webhooks (API.md "Webhooks"): Standard Webhooks deliveries to a real receiver', () => {
  let t: TestApp;
  let receiver: WebhookReceiver;
  let applicant: Org;
  let provider: Org;
  let stranger: Org;
  const logLines: string[] = [];

  beforeAll(async () => {
    receiver = await startWebhookReceiver();
    t = await startTestApp({ WEBHOOK_ALLOW_PRIVATE_NETWORKS: 'true', LOG_LEVEL: 'debug' }, { logDestination: { write: (line: string) => void logLines.push(line) } });
    applicant = await createOrganizationWithKey(t, ['applicant']);
    provider = await createOrganizationWithKey(t, ['provider']);
    stranger = await createOrganizationWithKey(t, ['provider', 'applicant']);
  }, 60_000);
  afterAll(async () => {
    await t?.close();
    await receiver?.close();
  });

  const register = (org: Org, path: string, events: string[]) => t.http.post('/v1/webhooks').set(org.auth).send({ url: receiver.url(path), events });
  const deliveries = async (org: Org, id: string) => (await t.http.get(`/v1/webhooks/${id}/deliveries`).set(org.auth).expect(200)).body.items as Record<string, unknown>[];

  it('registers a webhook and shows its secret once (whsec_ + base64 of at least 24 random bytes); the list never shows it', async () => {
    const res = await register(applicant, '/listed', ['claim.submitted']).expect(201);
    expect(res.body).toMatchObject({ id: expect.any(String), url: receiver.url('/listed'), events: ['claim.submitted'] });
    expect(res.body.secret).toMatch(/^whsec_[A-Za-z0-9+/]+=*$/);
    expect(Buffer.from(res.body.secret.slice('whsec_'.length), 'base64').length).toBeGreaterThanOrEqual(24);
    const list = await t.http.get('/v1/webhooks').set(applicant.auth).expect(200);
    expect(list.body.items).toEqual([expect.objectContaining({ id: res.body.id, events: ['claim.submitted'] })]);
    expect(JSON.stringify(list.body)).not.toContain(res.body.secret);
    expect((await t.http.get('/v1/webhooks').set(stranger.auth).expect(200)).body.items).toEqual([]);
  });

  it('honours Idempotency-Key: a retried create answers the same webhook and secret; another body with the key is 422', async () => {
    const send = (events: string[]) => t.http.post('/v1/webhooks').set(provider.auth).set('Idempotency-Key', 'create-hook-1').send({ url: receiver.url('/idem'), events });
    const first = await send(['claim.revoked']).expect(201);
    const again = await send(['claim.revoked']).expect(201);
    expect(again.headers['idempotent-replayed']).toBe('true');
    expect(again.body).toEqual(first.body);
    expect((await send(['claim.certified']).expect(422)).body.code).toBe('IDEMPOTENCY_KEY_REUSED');
    const list = await t.http.get('/v1/webhooks').set(provider.auth).expect(200);
    expect(list.body.items.filter((w: { url: string }) => w.url === receiver.url('/idem'))).toHaveLength(1);
    await t.http.delete(`/v1/webhooks/${first.body.id}`).set(provider.auth).expect(204);
  });

  it('refuses unknown or missing events, and a url that is not one (400 naming the field)', async () => {
    const unknown = await register(applicant, '/x', ['claim.exploded']).expect(400);
    expect(unknown.body.errors).toEqual([expect.objectContaining({ field: expect.stringMatching(/^events/) })]);
    await register(applicant, '/x', []).expect(400);
    const bad = await t.http.post('/v1/webhooks').set(applicant.auth).send({ url: 'not a url', events: ['claim.submitted'] }).expect(400);
    expect(bad.body).toMatchObject({ code: 'VALIDATION_FAILED', errors: [expect.objectContaining({ field: 'url' })] });
    await t.http.get('/v1/webhooks').query({ status: 'x' }).set(applicant.auth).expect(400);
  });

  it('delivers each event once to each subscribed organisation, signed (verified independently), and nothing to others', async () => {
    const mine = await register(applicant, '/applicant', ['retirement.created', 'claim.submitted', 'provider.authorized']).expect(201);
    const theirs = await register(provider, '/provider', ['retirement.created', 'provider.authorized']).expect(201);
    await register(stranger, '/stranger', ALL_EVENTS).expect(201);

    const claim = await t.http.post('/v1/claims').set(applicant.auth).send(CN_DRAFT).expect(201);
    await t.http.post(`/v1/claims/${claim.body.id}/providers`).set(applicant.auth).send({ providerId: provider.id }).expect(201);
    await t.http.post('/v1/holdings').set(provider.auth).send({ serial: 'JCL-ERL-R950-1-5000', evidence: EVIDENCE }).expect(201);
    const retirement = await t.http
      .post('/v1/retirements')
      .set(provider.auth)
      .send({ serials: ['JCL-ERL-R950-1-2001'], claimId: claim.body.id, beneficiary: '株式会社サンプル', purpose: 'CN FY2024' })
      .expect(201);
    await t.http.post(`/v1/claims/${claim.body.id}/submit`).set(applicant.auth).expect(200);

    await eventually(async () => (receiver.onPath('/applicant').length >= 3 && receiver.onPath('/provider').length >= 2 ? true : undefined), 20_000);
    await sleep(500); // a duplicate would come now
    // With BullMQ several workers deliver at once: the order of arrival is not promised, the journal order is in data.journalSeq.
    const bySeq = (a: ReceivedWebhook, b: ReceivedWebhook) => JSON.parse(a.body).data.journalSeq - JSON.parse(b.body).data.journalSeq;
    const toApplicant = receiver.onPath('/applicant').sort(bySeq);
    const toProvider = receiver.onPath('/provider').sort(bySeq);
    expect(toApplicant.map(typeOf)).toEqual(['provider.authorized', 'retirement.created', 'claim.submitted']);
    expect(toProvider.map(typeOf)).toEqual(['provider.authorized', 'retirement.created']);
    expect(receiver.onPath('/stranger')).toEqual([]);

    for (const [received, secret] of [...toApplicant.map((r) => [r, mine.body.secret] as const), ...toProvider.map((r) => [r, theirs.body.secret] as const)]) {
      expect(verifyStandardWebhook(secret, received.headers, received.body)).toBe(true);
      expect(received.headers['content-type']).toBe('application/json');
      expect(received.headers['webhook-id']).toMatch(/^msg_[0-9a-f]{32}$/);
      const body = JSON.parse(received.body);
      expect(Object.keys(body).sort()).toEqual(['data', 'timestamp', 'type']);
      expect(new Date(body.timestamp).toISOString()).toBe(body.timestamp);
    }
    expect(verifyStandardWebhook(theirs.body.secret, toApplicant[0].headers, toApplicant[0].body)).toBe(false);
    const retired = JSON.parse(toApplicant[1].body).data;
    expect(retired).toMatchObject({ id: retirement.body.id, claimId: claim.body.id, organizationId: provider.id, quantity: '2001' });
    expect(retired).not.toHaveProperty('createdBlocks');
    expect(JSON.parse(toApplicant[2].body).data).toMatchObject({ claimId: claim.body.id, from: 'draft', to: 'submitted' });

    const log = await eventually(async () => {
      const items = await deliveries(applicant, mine.body.id);
      return items.length === 3 && items.every((d) => d.status === 'delivered') ? items : undefined;
    });
    expect(log.map((d) => d.type)).toEqual(['claim.submitted', 'retirement.created', 'provider.authorized']); // newest first
    expect(log[0]).toMatchObject({ eventId: expect.stringMatching(/^evt_\d+$/), attempts: 1, lastStatusCode: 204, lastError: null, deliveredAt: expect.any(String) });
    expect(log.map((d) => d.id).sort()).toEqual(toApplicant.map((r) => r.headers['webhook-id']).sort());
  }, 40_000);

  it('retries a receiver that fails the first two attempts, with the same webhook-id; ping sends webhook.ping', async () => {
    const hook = await register(applicant, '/flaky', ['claim.withdrawn']).expect(201);
    receiver.failFirst('/flaky', 2);
    const ping = await t.http.post(`/v1/webhooks/${hook.body.id}/ping`).set(applicant.auth).expect(202);
    expect(ping.body).toMatchObject({ type: 'webhook.ping', status: 'pending', attempts: 0 });
    const got = await eventually(async () => (receiver.onPath('/flaky').length >= 3 ? receiver.onPath('/flaky') : undefined), 20_000);
    expect(got.map((r) => r.answered)).toEqual([500, 500, 204]);
    expect(new Set(got.map((r) => r.headers['webhook-id']))).toEqual(new Set([ping.body.id]));
    expect(got.every((r) => verifyStandardWebhook(hook.body.secret, r.headers, r.body))).toBe(true);
    expect(JSON.parse(got[2].body)).toMatchObject({ type: 'webhook.ping', data: { webhookId: hook.body.id } });
    const [logged] = await eventually(async () => {
      const items = await deliveries(applicant, hook.body.id);
      return items[0]?.status === 'delivered' ? items : undefined;
    });
    expect(logged).toMatchObject({ id: ping.body.id, type: 'webhook.ping', attempts: 3, lastStatusCode: 204, status: 'delivered' });
  }, 40_000);

  it('rotates the secret: for 24 h both the new and the previous secret sign (space-separated signatures)', async () => {
    const hook = await register(applicant, '/rotated', ['claim.withdrawn']).expect(201);
    const rotated = await t.http.post(`/v1/webhooks/${hook.body.id}/rotate-secret`).set(applicant.auth).expect(200);
    expect(rotated.body.secret).toMatch(/^whsec_/);
    expect(rotated.body.secret).not.toBe(hook.body.secret);
    const grace = Date.parse(rotated.body.previousSecretExpiresAt) - Date.now();
    expect(grace).toBeGreaterThan(23.9 * 3600_000);
    expect(grace).toBeLessThanOrEqual(24 * 3600_000);
    await t.http.post(`/v1/webhooks/${hook.body.id}/ping`).set(applicant.auth).expect(202);
    const [got] = await eventually(async () => (receiver.onPath('/rotated').length ? receiver.onPath('/rotated') : undefined));
    expect(String(got.headers['webhook-signature']).split(' ')).toHaveLength(2);
    expect(verifyStandardWebhook(rotated.body.secret, got.headers, got.body)).toBe(true);
    expect(verifyStandardWebhook(hook.body.secret, got.headers, got.body)).toBe(true);
  });

  it("keeps organisations apart: another organisation's webhook is 404 on every route", async () => {
    const hook = await register(applicant, '/private', ['claim.withdrawn']).expect(201);
    for (const [method, path] of [
      ['delete', `/v1/webhooks/${hook.body.id}`],
      ['post', `/v1/webhooks/${hook.body.id}/ping`],
      ['post', `/v1/webhooks/${hook.body.id}/rotate-secret`],
      ['get', `/v1/webhooks/${hook.body.id}/deliveries`],
    ] as const) {
      const res = await t.http[method](path).set(stranger.auth).expect(404);
      expect(res.body.code).toBe('NOT_FOUND');
    }
    expect((await t.http.get('/v1/webhooks').set(applicant.auth).expect(200)).body.items.map((w: { id: string }) => w.id)).toContain(hook.body.id);
  });

  it('deletes a webhook: gone from the list, 404 afterwards, and its events are no longer delivered', async () => {
    const hook = await register(applicant, '/deleted', ['provider.authorized']).expect(201);
    await t.http.delete(`/v1/webhooks/${hook.body.id}`).set(applicant.auth).expect(204);
    await t.http.delete(`/v1/webhooks/${hook.body.id}`).set(applicant.auth).expect(404);
    await t.http.post(`/v1/webhooks/${hook.body.id}/ping`).set(applicant.auth).expect(404);
    expect((await t.http.get('/v1/webhooks').set(applicant.auth).expect(200)).body.items.map((w: { id: string }) => w.id)).not.toContain(hook.body.id);
    const claim = await t.http.post('/v1/claims').set(applicant.auth).send(CN_DRAFT).expect(201);
    await t.http.post(`/v1/claims/${claim.body.id}/providers`).set(applicant.auth).send({ providerId: provider.id }).expect(201);
    await eventually(async () => (receiver.onPath('/applicant').filter((r) => typeOf(r) === 'provider.authorized').length >= 2 ? true : undefined));
    expect(receiver.onPath('/deleted')).toEqual([]);
  });

  it('maps import.finished and reconciliation.alert journal entries to the organisation named by payload.organizationId', async () => {
    const hook = await register(stranger, '/imports', ['import.finished', 'reconciliation.alert']).expect(201);
    const journal = (journalType: string, journalPayload: Record<string, unknown>) =>
      runLedgerCommand(t.app.get(UnitOfWork), 'test', undefined, async () => ({ journalType, journalPayload, result: null }));
    await journal('import.finished', { organizationId: stranger.id, importId: 'imp-1', rows: 3 });
    await journal('reconciliation.alert', { organizationId: stranger.id, reconciliationId: 'rec-1' });
    await journal('import.finished', { organizationId: provider.id, importId: 'imp-2' }); // someone else's
    const got = await eventually(async () => (receiver.onPath('/imports').length >= 2 ? receiver.onPath('/imports') : undefined));
    await sleep(300);
    expect(receiver.onPath('/imports').map((r) => JSON.parse(r.body)).sort((a, b) => a.data.journalSeq - b.data.journalSeq)).toEqual([
      expect.objectContaining({ type: 'import.finished', data: expect.objectContaining({ organizationId: stranger.id, importId: 'imp-1', rows: 3 }) }),
      expect.objectContaining({ type: 'reconciliation.alert', data: expect.objectContaining({ organizationId: stranger.id, reconciliationId: 'rec-1' }) }),
    ]);
    expect(got.every((r) => verifyStandardWebhook(hook.body.secret, r.headers, r.body))).toBe(true);
  });

  it('catches up from the journal when no nudge came (a crash between commit and dispatch, another process): the sweep delivers', async () => {
    const dispatcher = t.app.get(WebhookDispatcher);
    await register(provider, '/unnudged', ['retirement.created']).expect(201);
    await dispatcher.onApplicationShutdown(); // stops listening to commits, as if this process had died after committing
    try {
      await t.http.post('/v1/holdings').set(provider.auth).send({ serial: 'JCL-ERL-R951-1-100', evidence: EVIDENCE }).expect(201);
      const retirement = await t.http
        .post('/v1/retirements')
        .set(provider.auth)
        .send({ serials: ['JCL-ERL-R951-1-10'], beneficiary: '株式会社サンプル', purpose: 'CN FY2024' })
        .expect(201);
      // The dispatcher reads logged entries only: wait for the sequencer to publish this one (within the
      // merge delay, longer on a loaded machine), else the sweep below would find nothing to dispatch.
      await logSettled(t);
      await sleep(500);
      expect(receiver.onPath('/unnudged')).toEqual([]);
      await new WebhookSweepScheduler(dispatcher, t.app.get(UnitOfWork), t.app.get(JobQueue)).sweep();
      const [got] = await eventually(async () => (receiver.onPath('/unnudged').length ? receiver.onPath('/unnudged') : undefined));
      expect(JSON.parse(got.body)).toMatchObject({ type: 'retirement.created', data: { id: retirement.body.id } });
    } finally {
      dispatcher.onApplicationBootstrap();
    }
  });

  it('never logs a secret (nor its signing key) in the request logs of everything above: creation, idempotent replay, rotation, listing', async () => {
    const secrets = await issuedSecrets();
    expect(secrets.length).toBeGreaterThan(3);
    expect(logLines.length).toBeGreaterThan(10);
    const logs = logLines.join('');
    for (const secret of secrets) {
      expect(logs).not.toContain(secret);
      expect(logs).not.toContain(secret.slice('whsec_'.length));
    }
  });

  /** Every secret of every webhook in this test's database (read from the table: the API never shows them twice). */
  async function issuedSecrets(): Promise<string[]> {
    const rows: { secret: string; previous_secret: string | null }[] = await t.dataSource.query('SELECT secret, previous_secret FROM webhooks');
    return rows.flatMap((r) => (r.previous_secret ? [r.secret, r.previous_secret] : [r.secret]));
  }

  it('pages the delivery log with a cursor; limit and cursor are checked', async () => {
    const hook = await register(applicant, '/paged', ['claim.withdrawn']).expect(201);
    for (let i = 0; i < 3; i++) await t.http.post(`/v1/webhooks/${hook.body.id}/ping`).set(applicant.auth).expect(202);
    const first = await t.http.get(`/v1/webhooks/${hook.body.id}/deliveries`).query({ limit: 2 }).set(applicant.auth).expect(200);
    expect(first.body.items).toHaveLength(2);
    const second = await t.http.get(`/v1/webhooks/${hook.body.id}/deliveries`).query({ limit: 2, cursor: first.body.nextCursor }).set(applicant.auth).expect(200);
    expect(second.body.items).toHaveLength(1);
    expect(second.body.nextCursor).toBeUndefined();
    expect(new Set([...first.body.items, ...second.body.items].map((d: { id: string }) => d.id)).size).toBe(3);
    await t.http.get(`/v1/webhooks/${hook.body.id}/deliveries`).query({ limit: 0 }).set(applicant.auth).expect(400);
    const badCursor = await t.http.get(`/v1/webhooks/${hook.body.id}/deliveries`).query({ cursor: '!!' }).set(applicant.auth).expect(400);
    expect(badCursor.body.errors).toEqual([expect.objectContaining({ field: 'cursor' })]);
  });
});

describe('webhooks: no server-side request forgery (WEBHOOK_ALLOW_PRIVATE_NETWORKS unset)', () => {
  let t: TestApp;
  let org: Org;

  beforeAll(async () => {
    t = await startTestApp();
    org = await createOrganizationWithKey(t, ['auditor']);
  }, 60_000);
  afterAll(() => t?.close());

  it.each([
    'http://hooks.example.com/x',
    'https://127.0.0.1/x',
    'https://[::1]/x',
    'https://10.0.0.1/x',
    'https://192.168.0.10/x',
    'https://169.254.169.254/latest/meta-data',
    'https://100.64.0.1/x',
    'https://224.0.0.1/x',
    'https://[fd00::1]/x',
    'https://[fe80::1]/x',
    'https://[::ffff:127.0.0.1]/x',
    'https://localhost/x',
    'https://2130706433/x',
  ])('refuses %s: 400 VALIDATION_FAILED naming url', async (url) => {
    const res = await t.http.post('/v1/webhooks').set(org.auth).send({ url, events: ['reconciliation.alert'] }).expect(400);
    expect(res.body).toMatchObject({ code: 'VALIDATION_FAILED', errors: [expect.objectContaining({ field: 'url' })] });
  });

  it('accepts https to a public address', async () => {
    const res = await t.http.post('/v1/webhooks').set(org.auth).send({ url: 'https://93.184.216.34/hook', events: ['reconciliation.alert'] }).expect(201);
    expect(res.body.url).toBe('https://93.184.216.34/hook');
  });
});
