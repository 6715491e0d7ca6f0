import { verifyCertificate } from '@registry/domain';
import { createOrganizationWithKey, eventually, startTestApp, type TestApp } from '../support/test-app';
import { binaryBody } from '../support/binary-body';

type Org = Awaited<ReturnType<typeof createOrganizationWithKey>>;

describe('retirement certificates', () => {
  let t: TestApp;
  let provider: Org;

  beforeAll(async () => {
    t = await startTestApp();
    provider = await createOrganizationWithKey(t, ['provider']);
    await t.http.post('/v1/holdings').set(provider.auth).send({ serial: 'JCL-ERL-R500-1-1000', evidence: { registry: 'J-Credit registry', reference: 'account statement 0001' } }).expect(201);
  });
  afterAll(() => t.close());

  async function retire(serial: string) {
    const res = await t.http.post('/v1/retirements').set(provider.auth).send({ serials: [serial], beneficiary: '株式会社サンプル', purpose: 'カーボン・オフセット' }).expect(201);
    return res.body as { id: string; certificateNumber: string };
  }

  const pdfReady = (number: string) =>
    eventually(async () => {
      const res = await t.http.get(`/v1/certificates/${number}.pdf`).buffer(true).parse(binaryBody);
      return res.status === 200 ? res : undefined;
    }, 30_000);

  it('signs every retirement’s certificate; it verifies against the published keys and any tampering breaks it', async () => {
    const { certificateNumber, id } = await retire('JCL-ERL-R500-1-100');
    const certificate = (await t.http.get(`/v1/certificates/${certificateNumber}`).expect(200)).body;
    expect(certificate).toMatchObject({
      number: certificateNumber,
      status: 'valid',
      retirementId: id,
      quantity: '100',
      serials: ['JCL-ERL-R500-1-100'],
      beneficiary: '株式会社サンプル',
      digest: expect.stringMatching(/^[0-9a-f]{64}$/),
      keyId: expect.any(String),
    });
    const { keys } = (await t.http.get('/v1/certificate-keys').expect(200)).body;
    expect(keys).toEqual([expect.objectContaining({ kid: certificate.keyId, kty: 'OKP', crv: 'Ed25519' })]);
    expect(keys[0].d).toBeUndefined();
    expect(verifyCertificate(certificate, keys)).toEqual({ valid: true });
    expect(verifyCertificate({ ...certificate, quantity: '1000' }, keys).valid).toBe(false);
    expect(verifyCertificate({ ...certificate, beneficiary: '別の会社' }, keys).valid).toBe(false);
  });

  it('renders the PDF in a job after the commit (202 with Retry-After until then)', async () => {
    const { certificateNumber } = await retire('JCL-ERL-R500-101-200');
    const first = await t.http.get(`/v1/certificates/${certificateNumber}.pdf`);
    if (first.status === 202) expect(first.headers['retry-after']).toBeDefined();
    else expect(first.status).toBe(200);
    const pdf = await pdfReady(certificateNumber);
    expect(pdf.headers['content-type']).toBe('application/pdf');
    expect((pdf.body as Buffer).subarray(0, 5).toString()).toBe('%PDF-');
  });

  it('answers 404 NOT_FOUND for an unknown certificate, JSON and PDF', async () => {
    expect((await t.http.get('/v1/certificates/RC-1999-000001').expect(404)).body.code).toBe('NOT_FOUND');
    await t.http.get('/v1/certificates/RC-1999-000001.pdf').expect(404);
  });

  it('revokes the certificate when its retirement is voided, keeping the digest', async () => {
    const { certificateNumber, id } = await retire('JCL-ERL-R500-201-300');
    const before = (await t.http.get(`/v1/certificates/${certificateNumber}`).expect(200)).body;
    await t.http.post(`/v1/retirements/${id}/void`).set(t.admin).send({ reason: 'entered in error' }).expect(200);
    const after = (await t.http.get(`/v1/certificates/${certificateNumber}`).expect(200)).body;
    expect(after).toMatchObject({ status: 'revoked', revocation: { reason: 'entered in error' }, digest: before.digest });
    await pdfReady(certificateNumber);
    const page = await t.http.get(`/verify/${certificateNumber}`).query({ lang: 'en' }).expect(200);
    expect(page.text).toContain('entered in error');
  });

  it('serves the verify pages as plain HTML in Japanese and English, without scripts', async () => {
    const { certificateNumber } = await retire('JCL-ERL-R500-301-400');
    const ja = await t.http.get(`/verify/${certificateNumber}`).set('Accept-Language', 'ja').expect(200).expect('Content-Type', /text\/html/);
    expect(ja.text).toContain(certificateNumber);
    expect(ja.text).toContain('有効');
    expect(ja.text).not.toMatch(/<script/i);
    expect(ja.headers['content-security-policy']).toContain("default-src 'none'");
    const en = await t.http.get(`/verify/${certificateNumber}`).query({ lang: 'en' }).expect(200);
    expect(en.text).toContain('Valid');
    const serial = await t.http.get('/serials').query({ serial: 'JCL-ERL-R500-350-450', lang: 'en' }).expect(200);
    expect(serial.text).toContain(certificateNumber);
    expect(serial.text).toMatch(/unknown|Unknown|held|Held/);
    await t.http.get('/verify/RC-1999-000001').expect(404);
    const bad = await t.http.get('/serials').query({ serial: '<script>alert(1)</script>' }).expect(400);
    expect(bad.text).not.toContain('<script>alert(1)</script>');
  });
});
