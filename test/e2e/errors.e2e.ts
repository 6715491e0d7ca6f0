import { startTestApp, type TestApp } from '../support/test-app';

describe('problem+json errors and request ids', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await startTestApp({ BODY_LIMIT_BYTES: '4096' });
  });
  afterAll(() => t.close());

  function expectProblem(res: { status: number; headers: Record<string, string>; body: Record<string, unknown> }, code: string) {
    expect(res.headers['content-type']).toMatch(/^application\/problem\+json/);
    expect(res.body).toMatchObject({ status: res.status, code, type: expect.stringContaining('/problems/') });
    expect(typeof res.body.title).toBe('string');
    expect(typeof res.body.detail).toBe('string');
    expect(res.body.requestId).toBe(res.headers['x-request-id']);
    expect(JSON.stringify(res.body)).not.toMatch(/at .*\.(ts|js):\d+|SELECT|INSERT/);
  }

  it('rejects unknown fields with VALIDATION_FAILED naming the field', async () => {
    const res = await t.http.post('/v1/organizations').set(t.admin).send({ name: 'A', roles: ['provider'], isAdmin: true }).expect(400);
    expectProblem(res, 'VALIDATION_FAILED');
    expect(res.body.errors).toEqual([{ field: 'isAdmin', message: 'is not a known field' }]);
  });

  it('names every bad field', async () => {
    const res = await t.http.post('/v1/organizations').set(t.admin).send({ name: '', roles: ['wizard'] }).expect(400);
    expectProblem(res, 'VALIDATION_FAILED');
    const fields = (res.body.errors as { field: string }[]).map((e) => e.field);
    expect(new Set(fields)).toEqual(new Set(['name', 'roles']));
  });

  it.each([
    ['invalid JSON', '{"name": '],
    ['a null body', 'null'],
    ['an array body', '[]'],
    ['a string body', '"x"'],
  ])('answers 400 VALIDATION_FAILED for %s', async (_name, body) => {
    const res = await t.http.post('/v1/organizations').set(t.admin).set('Content-Type', 'application/json').send(body).expect(400);
    expectProblem(res, 'VALIDATION_FAILED');
    expect(res.body.errors[0].field).toBe('body');
  });

  it('does not read a form body on the API: /v1 takes JSON, forms are for the web pages', async () => {
    const res = await t.http.post('/v1/serials/parse').type('form').send('serial=JCL-ERL-R012-1-10').expect(400);
    expectProblem(res, 'VALIDATION_FAILED');
    await t.http.post('/v1/serials/parse').send({ serial: 'JCL-ERL-R012-1-10' }).expect(200);
  });

  it('answers 413 PAYLOAD_TOO_LARGE as problem+json before routing', async () => {
    const res = await t.http.post('/v1/organizations').set(t.admin).send({ name: 'x'.repeat(10_000), roles: ['provider'] }).expect(413);
    expectProblem(res, 'PAYLOAD_TOO_LARGE');
  });

  it('answers 404 NOT_FOUND for an unknown route', async () => {
    const res = await t.http.get('/v1/nothing-here').expect(404);
    expectProblem(res, 'NOT_FOUND');
  });

  it('gives every response a unique X-Request-Id', async () => {
    const ids = new Set<string>();
    for (let i = 0; i < 5; i++) ids.add((await t.http.get('/v1/schemes').expect(200)).headers['x-request-id']);
    expect(ids.size).toBe(5);
  });

  it('keeps a well-formed client request id and replaces a malformed one', async () => {
    const kept = await t.http.get('/v1/schemes').set('X-Request-Id', 'client-trace-0001').expect(200);
    expect(kept.headers['x-request-id']).toBe('client-trace-0001');
    const replaced = await t.http.get('/v1/schemes').set('X-Request-Id', 'bad id\twith spaces').expect(200);
    expect(replaced.headers['x-request-id']).toMatch(/^[0-9a-f-]{36}$/);
  });

  it('sets security headers (helmet)', async () => {
    const res = await t.http.get('/v1/schemes').expect(200);
    expect(res.headers['x-content-type-options']).toBe('nosniff');
    expect(res.headers['x-powered-by']).toBeUndefined();
  });
});

describe('rate limit', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await startTestApp({ RATE_LIMIT_PER_MINUTE: '3' });
  });
  afterAll(() => t.close());

  it('answers 429 RATE_LIMITED once a client exceeds its requests per minute', async () => {
    for (let i = 0; i < 3; i++) await t.http.get('/v1/schemes').expect(200);
    const res = await t.http.get('/v1/schemes').expect(429);
    expect(res.body.code).toBe('RATE_LIMITED');
    expect(res.headers['content-type']).toMatch(/^application\/problem\+json/);
  });
});
