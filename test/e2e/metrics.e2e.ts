import { LogMetrics } from '@registry/ledger/ports';
import { parsePrometheusText, samplesOf, valueOf, type Sample } from '../support/prometheus-text';
import { createOrganizationWithKey, eventually, logSettled, startTestApp, type TestApp } from '../support/test-app';

const METRICS_TOKEN = 'scraper-token-0123456789abcdef';
const scraper = { Authorization: `Bearer ${METRICS_TOKEN}` };
const EVIDENCE = { registry: 'J-Credit registry', reference: 'account statement 0001' };

describe('GET /metrics', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await startTestApp({ METRICS_TOKEN });
  });
  afterAll(() => t.close());

  async function scrape(): Promise<Sample[]> {
    const res = await t.http.get('/metrics').set(scraper).expect(200);
    expect(res.headers['content-type']).toMatch(/^text\/plain;.*version=0\.0\.4/);
    return parsePrometheusText(res.text);
  }

  it('is denied without a credential, to an organisation key and to a wrong token; METRICS_TOKEN and the admin key read it', async () => {
    const anonymous = await t.http.get('/metrics').expect(401);
    expect(anonymous.body.code).toBe('UNAUTHENTICATED');
    const auditor = await createOrganizationWithKey(t, ['auditor']);
    expect((await t.http.get('/metrics').set(auditor.auth).expect(403)).body.code).toBe('FORBIDDEN');
    await t.http.get('/metrics').set('Authorization', `Bearer ${METRICS_TOKEN}x`).expect(401);
    await t.http.get('/metrics').set(t.admin).expect(200);
    await t.http.get('/metrics').set(scraper).expect(200);
  });

  it('METRICS_TOKEN opens /metrics only, no other route', async () => {
    await t.http.get('/v1/me').set(scraper).expect(401);
    await t.http.get('/v1/serials/status?serial=JCL-ERL-X1-1-10').set(scraper).expect(401);
  });

  it('counts successful retirements (not idempotent replays) and the 409s of the single-retirement guarantee', async () => {
    const before = await scrape();
    const provider = await createOrganizationWithKey(t, ['provider']);
    await t.http.post('/v1/holdings').set(provider.auth).send({ serial: 'JCL-ERL-M1-1-1000', evidence: EVIDENCE }).expect(201);
    const body = { serials: ['JCL-ERL-M1-1-100'], beneficiary: '株式会社サンプル', purpose: 'CN 2025' };
    await t.http.post('/v1/retirements').set(provider.auth).set('Idempotency-Key', 'metrics-1').send(body).expect(201);
    const replay = await t.http.post('/v1/retirements').set(provider.auth).set('Idempotency-Key', 'metrics-1').send(body).expect(201);
    expect(replay.headers['idempotent-replayed']).toBe('true');
    const conflict = await t.http.post('/v1/retirements').set(provider.auth).send({ serials: ['JCL-ERL-M1-50-150'], beneficiary: 'b', purpose: 'p' }).expect(409);
    expect(conflict.body.code).toBe('ALREADY_RETIRED');
    // A 409 that is not about retiring twice is not counted.
    const notHeld = await createOrganizationWithKey(t, ['provider']);
    expect((await t.http.post('/v1/retirements').set(notHeld.auth).send({ serials: ['JCL-ERL-M1-500-510'], beneficiary: 'b', purpose: 'p' }).expect(409)).body.code).toBe('NOT_HELD');

    const after = await scrape();
    const delta = (name: string, labels: Record<string, string> = {}) => (valueOf(after, name, labels) ?? 0) - (valueOf(before, name, labels) ?? 0);
    expect(delta('registry_retirements_total')).toBe(1);
    expect(delta('registry_retirement_conflicts_total', { code: 'ALREADY_RETIRED' })).toBe(1);
    expect(samplesOf(after, 'registry_retirement_conflicts_total').reduce((sum, s) => sum + s.value, 0)).toBe(1);
  });

  it('labels requests by route pattern and status class, never by the raw URL, with latency buckets', async () => {
    const provider = await createOrganizationWithKey(t, ['provider']);
    await t.http.post('/v1/holdings').set(provider.auth).send({ serial: 'JCL-ERL-M2-1-1000', evidence: EVIDENCE }).expect(201);
    const retired = await t.http.post('/v1/retirements').set(provider.auth).send({ serials: ['JCL-ERL-M2-1-10'], beneficiary: 'b', purpose: 'p' }).expect(201);
    await t.http.get(`/v1/retirements/${retired.body.id}`).expect(200);
    await t.http.get('/v1/no-such-route/0123456789').expect(404);

    const res = await t.http.get('/metrics').set(scraper).expect(200);
    expect(res.text).not.toContain(retired.body.id);
    expect(res.text).not.toContain('0123456789');
    const samples = parsePrometheusText(res.text);
    const byId = { method: 'GET', route: '/v1/retirements/:id', status_class: '2xx' };
    expect(valueOf(samples, 'registry_http_requests_total', byId)).toBeGreaterThanOrEqual(1);
    expect(valueOf(samples, 'registry_http_requests_total', { method: 'POST', route: '/v1/retirements', status_class: '2xx' })).toBeGreaterThanOrEqual(1);
    expect(valueOf(samples, 'registry_http_requests_total', { method: 'GET', route: 'unmatched', status_class: '4xx' })).toBeGreaterThanOrEqual(1);

    const buckets = samplesOf(samples, 'registry_http_request_duration_seconds_bucket', byId);
    expect(buckets.map((b) => b.labels.le)).toEqual(['0.005', '0.01', '0.025', '0.05', '0.1', '0.25', '0.5', '1', '2.5', '5', '10', '+Inf']);
    expect(buckets.at(-1)!.value).toBe(valueOf(samples, 'registry_http_request_duration_seconds_count', byId));
    expect(buckets.every((b, i) => i === 0 || b.value >= buckets[i - 1].value)).toBe(true);
    expect(valueOf(samples, 'registry_http_request_duration_seconds_sum', byId)).toBeGreaterThan(0);
  });

  /** Every entry placed, and the pass that placed the last ones reported (the gauge shows the checkpoint's size). */
  async function sequencerCaughtUp(): Promise<void> {
    await logSettled(t);
    const size = (await t.http.get('/v1/log/checkpoint').expect(200)).text.split('\n')[1];
    await eventually(async () => (String(valueOf(await scrape(), 'registry_log_tree_size')) === size ? true : undefined));
  }

  it('shows the job queue by state, the process metrics and the transparency log once the sequencer reports', async () => {
    // The app's own sequencer reports too (an idle one does not): let it sequence what earlier tests
    // wrote and report it, so its last pass cannot overwrite the figures given below.
    await sequencerCaughtUp();
    const before = await scrape();
    t.app.get(LogMetrics).observeSequenced(42, [120, 800, 1500]);
    const samples = await scrape();
    for (const state of ['waiting', 'active', 'failed']) {
      expect(valueOf(samples, 'registry_job_queue_jobs', { queue: 'registry', state })).toEqual(expect.any(Number));
    }
    expect(valueOf(samples, 'process_cpu_user_seconds_total')).toBeGreaterThan(0);
    expect(valueOf(samples, 'nodejs_eventloop_lag_seconds')).toEqual(expect.any(Number));
    expect(valueOf(samples, 'registry_log_tree_size')).toBe(42);
    const count = (from: typeof samples) => valueOf(from, 'registry_log_merge_delay_seconds_count') ?? 0;
    const withinOne = (from: typeof samples) => valueOf(from, 'registry_log_merge_delay_seconds_bucket', { le: '1' }) ?? 0;
    expect(count(samples) - count(before)).toBe(3);
    expect(withinOne(samples) - withinOne(before)).toBe(2);
  });

  it('keeps one registry per app: a second app in the same process starts and counts on its own', async () => {
    const second = await startTestApp({ METRICS_TOKEN });
    try {
      await t.http.get('/health/live').expect(200);
      const samples = parsePrometheusText((await second.http.get('/metrics').set(scraper).expect(200)).text);
      expect(valueOf(samples, 'registry_http_requests_total', { method: 'GET', route: '/health/live', status_class: '2xx' })).toBeUndefined();
      expect(valueOf(samples, 'registry_retirements_total')).toBe(0);
    } finally {
      await second.close();
    }
  });
});
