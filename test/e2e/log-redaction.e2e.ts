import { createOrganizationWithKey, eventually, startTestApp, TEST_ADMIN_KEY, type TestApp } from '../support/test-app';

/**
 * Whatever a client sends a credential in (the right header, a wrong header, the query string, a
 * cookie, a Referer), the request log shows the request but never the credential.
 */
describe('request logs never show credentials', () => {
  let t: TestApp;
  const lines: string[] = [];
  let key: string;
  let secret: string;

  beforeAll(async () => {
    t = await startTestApp({ LOG_LEVEL: 'info' }, { logDestination: { write: (line: string) => void lines.push(line) } });
    key = (await createOrganizationWithKey(t, ['provider'])).key;
    secret = key.split('_').slice(2).join('_');
  });
  afterAll(() => t.close());

  let n = 0;
  async function logOf(send: (requestId: string) => Promise<{ status: number }>): Promise<{ status: number; line: string }> {
    const requestId = `redaction-${++n}-${Date.now()}`;
    const res = await send(requestId);
    const line = await eventually(async () => lines.find((l) => l.includes(requestId) && l.includes('"res"')));
    return { status: res.status, line };
  }

  function expectClean(line: string) {
    for (const credential of [key, secret, TEST_ADMIN_KEY, 'cookie-secret-value', 'custom-token-value']) expect(line).not.toContain(credential);
  }

  it.each([
    'X-Api-Key',
    'Api-Key',
    'X-Auth-Token',
    'X-Access-Token',
    'X-Client-Secret',
    'Proxy-Authorization',
  ])('redacts a key sent in the %s header (answered 401)', async (header) => {
    const { status, line } = await logOf((id) => t.http.get('/v1/me').set('X-Request-Id', id).set(header, key));
    expect(status).toBe(401);
    expect(line).toContain('"url":"/v1/me"');
    expect(line).toContain(`"${header.toLowerCase()}":"[REDACTED]"`);
    expectClean(line);
  });

  it.each(['api_key', 'apikey', 'API_KEY', 'api%5Fkey', 'key', 'token', 'access_token', 'secret', 'auth', 'password'])(
    'redacts a key sent as the ?%s= query parameter, in the URL and in the parsed query',
    async (name) => {
      const { status, line } = await logOf((id) => t.http.get(`/v1/me?${name}=${encodeURIComponent(key)}&lang=ja`).set('X-Request-Id', id));
      expect(status).toBe(401);
      expect(line).toContain(`/v1/me?${name}=[REDACTED]&lang=ja`);
      expectClean(line);
    },
  );

  it('redacts Authorization and Cookie on an accepted request, and the admin key', async () => {
    for (const auth of [`Bearer ${key}`, `Bearer ${TEST_ADMIN_KEY}`]) {
      const { status, line } = await logOf((id) =>
        t.http.get('/v1/me').set('X-Request-Id', id).set('Authorization', auth).set('Cookie', 'session=cookie-secret-value'),
      );
      expect(status).toBe(200);
      expect(line).toContain('"authorization":"[REDACTED]"');
      expect(line).toContain('"cookie":"[REDACTED]"');
      expectClean(line);
    }
  });

  it('redacts a key in a Referer URL, a key-shaped value in any parameter and the admin key anywhere', async () => {
    const { line } = await logOf((id) =>
      t.http
        .get(`/v1/serials/status?serial=${encodeURIComponent(key)}&q=${TEST_ADMIN_KEY}`)
        .set('X-Request-Id', id)
        .set('Referer', `https://example.test/page?access_token=custom-token-value&x=1`),
    );
    expect(line).toContain('access_token=[REDACTED]&x=1');
    expectClean(line);
  });

  it('redacts a key on a route that does not exist (404) and on a malformed key (401)', async () => {
    for (const send of [
      (id: string) => t.http.get(`/nowhere?api_key=${key}`).set('X-Request-Id', id).set('X-Api-Key', key),
      (id: string) => t.http.get('/v1/me').set('X-Request-Id', id).set('Authorization', `Token ${key}`),
    ]) {
      const { line } = await logOf(send);
      expectClean(line);
    }
  });

  it('leaves the security headers every answer carries out of the line, and keeps the headers of this answer', async () => {
    const { status, line } = await logOf((id) => t.http.get('/v1/schemes').set('X-Request-Id', id));
    expect(status).toBe(200);
    const { res } = JSON.parse(line) as { res: { statusCode: number; headers: Record<string, unknown> } };
    expect(res.statusCode).toBe(200);
    expect(res.headers['content-type']).toMatch(/^application\/json/);
    for (const header of ['x-frame-options', 'strict-transport-security', 'x-content-type-options', 'content-security-policy']) expect(res.headers).not.toHaveProperty(header);
  });

  it('logged the requests above at all (the captured stream is the real log)', () => {
    expect(lines.length).toBeGreaterThan(20);
    expect(lines.some((l) => l.includes('"statusCode":401') && l.includes('[REDACTED]'))).toBe(true);
    for (const line of lines) expectClean(line);
  });
});
