import { startTestApp, type TestApp } from '../support/test-app';

/** The verify pages' icon: public, cached, and allowed by the pages' own CSP. */
describe('favicon of the verify pages', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await startTestApp();
  });
  afterAll(() => t.close());

  it('serves /favicon.svg without a key: a small SVG image, cached, with nothing to run', async () => {
    const res = await t.http.get('/favicon.svg').buffer(true).parse((r, done) => {
      let body = '';
      r.setEncoding('utf8');
      r.on('data', (chunk: string) => (body += chunk));
      r.on('end', () => done(null, body));
    });
    expect(res.status).toBe(200);
    expect(res.headers['content-type']).toMatch(/^image\/svg\+xml/);
    expect(res.headers['cache-control']).toMatch(/max-age=\d{5,}/);
    expect(res.headers['content-security-policy']).toBe("default-src 'none'");
    const svg = res.body as string;
    expect(svg).toMatch(/^<svg xmlns="http:\/\/www\.w3\.org\/2000\/svg"[^>]*>[\s\S]*<\/svg>\n$/);
    expect(svg).not.toMatch(/<script|\son[a-z]+=|href=/i);
    expect(svg.length).toBeLessThan(1024);
  });

  it('answers /favicon.ico with 204 and a year of cache, not a 404 problem', async () => {
    const res = await t.http.get('/favicon.ico').expect(204);
    expect(res.headers['cache-control']).toBe('public, max-age=31536000, immutable');
    expect(res.headers['content-type']).toBeUndefined();
    expect(res.text ?? '').toBe('');
  });

  it('is linked from every verify page, and their CSP lets it load', async () => {
    for (const path of ['/verify', '/serials?serial=JCL-ERL-R1-1-10', '/verify/RC-1999-000001']) {
      const res = await t.http.get(path);
      expect(res.headers['content-type']).toMatch(/^text\/html/);
      expect(res.text).toContain('<link rel="icon" href="/favicon.svg" type="image/svg+xml"/>');
      expect(res.headers['content-security-policy']).toMatch(/(^|; )img-src 'self'[^;]*(;|$)/);
    }
  });
});
