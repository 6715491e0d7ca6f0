import { randomBytes } from 'node:crypto';
import { createOrganizationWithKey, startTestApp, type TestApp } from '../support/test-app';

/** supertest connects from 127.0.0.1: X-Forwarded-For is what a client would forge. */
const forwardedFor = (i: number) => ({ 'X-Forwarded-For': `203.0.113.${i}` });
const madeUpKey = () => `Bearer ork_${randomBytes(8).toString('hex')}_${randomBytes(32).toString('base64url')}`;

function expectRateLimited(res: { status: number; headers: Record<string, string>; body: { code?: string } }) {
  expect(res.status).toBe(429);
  expect(res.headers['content-type']).toMatch(/^application\/problem\+json/);
  expect(res.body.code).toBe('RATE_LIMITED');
}

describe('rate limit per address, by default not moved by X-Forwarded-For', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await startTestApp({ RATE_LIMIT_PER_MINUTE: '3' });
  });
  afterAll(() => t.close());

  it('counts requests that claim other addresses against the peer address (no proxy trusted)', async () => {
    for (let i = 1; i <= 3; i++) await t.http.get('/v1/schemes').set(forwardedFor(i)).expect(200);
    expectRateLimited(await t.http.get('/v1/schemes').set(forwardedFor(4)));
  });

  it('never limits the health probes: a load balancer told 429 would take a healthy process out', async () => {
    for (let i = 0; i < 10; i++) {
      await t.http.get('/health/live').set(forwardedFor(i)).expect(200);
      await t.http.get('/health/ready').expect(200);
    }
    // The same client on another route is still limited.
    for (let i = 0; i < 3; i++) await t.http.get('/v1/certificate-keys').expect(200);
    expectRateLimited(await t.http.get('/v1/certificate-keys'));
  });

  it('counts requests with made-up keys against the address: guessing keys is limited', async () => {
    for (let i = 0; i < 3; i++) await t.http.get('/v1/me').set('Authorization', madeUpKey()).expect(401);
    expectRateLimited(await t.http.get('/v1/me').set('Authorization', madeUpKey()));
  });
});

describe('TRUST_PROXY=loopback: the client address comes from the local proxy', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await startTestApp({ RATE_LIMIT_PER_MINUTE: '3', TRUST_PROXY: 'loopback' });
  });
  afterAll(() => t.close());

  it('limits each forwarded client address on its own', async () => {
    for (let i = 1; i <= 6; i++) await t.http.get('/v1/schemes').set(forwardedFor(i)).expect(200);
    for (let i = 0; i < 2; i++) await t.http.get('/v1/schemes').set(forwardedFor(1)).expect(200);
    expectRateLimited(await t.http.get('/v1/schemes').set(forwardedFor(1)));
  });
});

describe('rate limit per key', () => {
  let t: TestApp;
  beforeAll(async () => {
    // Many addresses (a trusted proxy forwards them), one key: the key's own limit holds.
    t = await startTestApp({ RATE_LIMIT_PER_MINUTE: '100', RATE_LIMIT_PER_KEY_PER_MINUTE: '3', TRUST_PROXY: 'loopback' });
  });
  afterAll(() => t.close());

  it('limits a key whatever address it comes from, and not the other keys or anonymous callers', async () => {
    const first = await createOrganizationWithKey(t, ['provider']);
    const second = await createOrganizationWithKey(t, ['provider']);
    for (let i = 1; i <= 3; i++) await t.http.get('/v1/me').set(first.auth).set(forwardedFor(i)).expect(200);
    expectRateLimited(await t.http.get('/v1/me').set(first.auth).set(forwardedFor(4)));

    await t.http.get('/v1/me').set(second.auth).set(forwardedFor(4)).expect(200);
    await t.http.get('/v1/me').set(forwardedFor(4)).expect(401);
  });
});

describe('lower limits for the expensive public endpoints', () => {
  let t: TestApp;
  let auditor: { auth: { Authorization: string } };
  beforeAll(async () => {
    t = await startTestApp({ RATE_LIMIT_PER_MINUTE: '100', RATE_LIMIT_EXPENSIVE_PER_MINUTE: '2' });
    auditor = await createOrganizationWithKey(t, ['auditor']);
  });
  afterAll(() => t.close());

  it.each([
    ['GET /v1/serials/status', (t: TestApp) => t.http.get('/v1/serials/status?serial=JCL-ERL-R1-1-10')],
    ['POST /v1/serials/check', (t: TestApp) => t.http.post('/v1/serials/check').set(auditor.auth).send({ serials: ['JCL-ERL-R1-1-10'] })],
  ])('%s answers 429 RATE_LIMITED beyond RATE_LIMIT_EXPENSIVE_PER_MINUTE', async (_route, send) => {
    for (let i = 0; i < 2; i++) expect((await send(t)).status).not.toBe(429);
    expectRateLimited(await send(t));
  });

  // The verify pages are web pages: the refusal is the web's error page, in HTML.
  it.each([
    ['GET /verify', (t: TestApp) => t.http.get('/verify?number=RC-1999-000001')],
    ['GET /verify/{number}', (t: TestApp) => t.http.get('/verify/RC-1999-000001')],
  ])('%s answers a 429 page beyond RATE_LIMIT_EXPENSIVE_PER_MINUTE', async (_route, send) => {
    for (let i = 0; i < 2; i++) expect((await send(t)).status).not.toBe(429);
    const res = await send(t);
    expect(res.status).toBe(429);
    expect(res.headers['content-type']).toBe('text/html; charset=utf-8');
  });

  it('leaves the other endpoints at the general limit', async () => {
    for (let i = 0; i < 5; i++) await t.http.get('/v1/schemes').expect(200);
    for (let i = 0; i < 5; i++) await t.http.get('/favicon.svg').expect(200);
  });
});

describe('RATE_LIMIT_EXPENSIVE_PER_MINUTE=0 turns that limit off', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await startTestApp({ RATE_LIMIT_PER_MINUTE: '100', RATE_LIMIT_EXPENSIVE_PER_MINUTE: '0' });
  });
  afterAll(() => t.close());

  it('answers status requests up to the general limit', async () => {
    for (let i = 0; i < 10; i++) await t.http.get('/v1/serials/status?serial=JCL-ERL-R1-1-10').expect(200);
  });
});
