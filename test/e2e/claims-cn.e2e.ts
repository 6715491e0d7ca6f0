import { createOrganizationWithKey, startTestApp, type TestApp } from '../support/test-app';
import { assignCertifier, verifyClaim } from '../support/claims';
import { addDaysIso, todayJst } from '../support/dates';

type Org = Awaited<ReturnType<typeof createOrganizationWithKey>>;
const CN_DRAFT = {
  type: 'CN',
  declarations: { independentOfCertifierAndVerifier: true },
  boundary: '本社及び国内全事業所',
  targetPeriod: { start: '2024-04-01', end: '2025-03-31' },
  baseYear: 2013,
  emissions: { scope1: '1200.4', scope2: '800' },
  calculationMethod: '燃料使用量×排出係数',
  reductionMeasures: '照明のLED化',
  labelUse: 'ウェブサイトに表示',
};

describe('CN certification, from organisation to certified claim (story)', () => {
  let t: TestApp;
  let applicant: Org;
  let provider: Org;
  let stranger: Org;
  let certifier: Org;

  beforeAll(async () => {
    t = await startTestApp();
    applicant = await createOrganizationWithKey(t, ['applicant'], { corporateNumber: '7000012050002' });
    provider = await createOrganizationWithKey(t, ['provider']);
    stranger = await createOrganizationWithKey(t, ['provider']);
    certifier = await createOrganizationWithKey(t, ['certifier']);
  });
  afterAll(() => t.close());

  const retire = (org: Org, body: Record<string, unknown>) =>
    t.http.post('/v1/retirements').set(org.auth).send({ beneficiary: '株式会社サンプル', purpose: 'CN FY2024', evidence: { registry: 'J-Credit registry', reference: '無効化通知 JCR-0001' }, ...body });

  it('files, backs, submits, certifies and publishes a CN claim; the certified claim then guards its credits', async () => {
    const claim = await t.http.post('/v1/claims').set(applicant.auth).send(CN_DRAFT).expect(201);
    expect(claim.body).toMatchObject({ type: 'CN', status: 'draft', requiredTonnes: '2001', retiredTonnes: '0', covered: false });

    await t.http.post(`/v1/claims/${claim.body.id}/providers`).set(applicant.auth).send({ providerId: provider.id }).expect(201);
    await t.http.post('/v1/holdings').set(provider.auth).send({ serial: 'JCL-ERL-R900-1-5000', evidence: { registry: 'J-Credit registry', reference: 'account statement 0001' } }).expect(201);
    const denied = await retire(stranger, { serials: ['JCL-ERL-R901-1-10'], claimId: claim.body.id, evidence: { registry: 'J', reference: 'x' } }).expect(403);
    expect(denied.body.code).toBe('FORBIDDEN');

    const early = await t.http.post(`/v1/claims/${claim.body.id}/submit`).set(applicant.auth).expect(422);
    expect(early.body).toMatchObject({ code: 'RULE_VIOLATION', errors: [expect.objectContaining({ rule: 'CN-2.1.6' })] });

    const retirement = await retire(provider, { serials: ['JCL-ERL-R900-1-2001'], claimId: claim.body.id }).expect(201);
    const covered = await t.http.get(`/v1/claims/${claim.body.id}`).set(applicant.auth).expect(200);
    expect(covered.body).toMatchObject({ retiredTonnes: '2001', covered: true });

    await t.http.post(`/v1/claims/${claim.body.id}/submit`).set(applicant.auth).expect(200);
    await t.http.post(`/v1/claims/${claim.body.id}/certify`).set(applicant.auth).send({}).expect(403);
    await assignCertifier(t, claim.body.id, certifier.id);
    await verifyClaim(t, claim.body.id);
    const validFrom = todayJst();
    const certified = await t.http
      .post(`/v1/claims/${claim.body.id}/certify`)
      .set(certifier.auth)
      .send({ validFrom, validTo: addDaysIso(validFrom, 364) })
      .expect(200);
    expect(certified.body).toMatchObject({ status: 'certified', certificationNumber: expect.stringMatching(/^CN-\d{4}-\d{4}$/) });

    const register = await t.http.get('/v1/register').expect(200);
    const entry = register.body.items.find((e: { certificationNumber: string }) => e.certificationNumber === certified.body.certificationNumber);
    expect(entry).toMatchObject({
      type: 'CN',
      status: 'certified',
      holder: { name: expect.any(String), corporateNumber: '7000012050002' },
      disclosure: expect.objectContaining({ boundary: '本社及び国内全事業所', targetPeriod: CN_DRAFT.targetPeriod, reductionMeasures: '照明のLED化', labelUse: 'ウェブサイトに表示' }),
      credits: [expect.objectContaining({ scheme: 'JCREDIT', quantity: '2001', retirementStatus: 'retired', retirementMethod: expect.any(String) })],
    });
    const csv = await t.http.get('/v1/register').query({ format: 'csv' }).expect(200).expect('Content-Type', /text\/csv/);
    expect(csv.text).toContain(certified.body.certificationNumber);
    expect(csv.text).toContain('JCL-ERL-R900-1-2001');

    const voidRefused = await t.http.post(`/v1/retirements/${retirement.body.id}/void`).set(t.admin).send({ reason: 'oops' }).expect(409);
    expect(voidRefused.body.code).toBe('INVALID_STATE');

    await t.http.post(`/v1/claims/${claim.body.id}/suspend`).set(certifier.auth).send({ reason: 'investigation (2.3.5)', ground: 'non_cooperation' }).expect(200);
    await t.http.post(`/v1/claims/${claim.body.id}/reinstate`).set(certifier.auth).send({ reason: 'corrected' }).expect(200);
    const revoked = await t.http.post(`/v1/claims/${claim.body.id}/revoke`).set(certifier.auth).send({ reason: 'false statement (2.3.6)', ground: 'urgent' }).expect(200);
    expect(revoked.body).toMatchObject({ status: 'revoked', statusReason: 'false statement (2.3.6)' });
    const late = await t.http.post(`/v1/claims/${claim.body.id}/withdraw`).set(applicant.auth).send({ reason: 'late' }).expect(409);
    // The problem's `status` stays the HTTP status; the claim's own is `claimStatus`.
    expect(late.body).toMatchObject({ code: 'INVALID_STATE', status: 409, claimStatus: 'revoked' });
    const published = (await t.http.get('/v1/register').expect(200)).body.items.find((e: { certificationNumber: string }) => e.certificationNumber === certified.body.certificationNumber);
    expect(published.status).toBe('revoked');
  });

  it('CN-2.1.2-3 / CN-2.1.2-4: a 364-day target period and base year FY1989 are refused with 400 RULE_VIOLATION', async () => {
    const res = await t.http
      .post('/v1/claims')
      .set(applicant.auth)
      .send({ ...CN_DRAFT, targetPeriod: { start: '2024-04-01', end: '2025-03-30' }, baseYear: 1989 })
      .expect(400);
    expect(res.body.code).toBe('RULE_VIOLATION');
    expect(res.body.errors.map((e: { rule: string }) => e.rule).sort()).toEqual(['CN-2.1.2-3', 'CN-2.1.2-4']);
  });

  it('INELIGIBLE_CREDIT: a green CO2 equivalent cannot back a CN claim, and nothing is written', async () => {
    const claim = await t.http.post('/v1/claims').set(applicant.auth).send(CN_DRAFT).expect(201);
    const res = await retire(applicant, { serials: ['GEQ-C001-1-10'], claimId: claim.body.id, evidence: { registry: 'green', reference: 'g1' } }).expect(422);
    expect(res.body).toMatchObject({ code: 'INELIGIBLE_CREDIT', serial: 'GEQ-C001-1-10', rule: expect.stringMatching(/^CN-/) });
    const status = await t.http.get('/v1/serials/status').query({ serial: 'GEQ-C001-1-10' }).expect(200);
    expect(status.body.segments).toEqual([{ start: '1', end: '10', status: 'unknown' }]);
  });

  it('rejects unknown claim fields and malformed figures naming the field', async () => {
    const unknown = await t.http.post('/v1/claims').set(applicant.auth).send({ ...CN_DRAFT, bonus: 1 }).expect(400);
    expect(unknown.body.errors).toEqual([{ field: 'bonus', message: 'is not a known field' }]);
    const malformed = await t.http.post('/v1/claims').set(applicant.auth).send({ ...CN_DRAFT, emissions: { scope1: '1.2.3', scope2: '-5' } }).expect(400);
    expect(malformed.body.code).toBe('VALIDATION_FAILED');
    expect(malformed.body.errors.map((e: { field: string }) => e.field)).toEqual(expect.arrayContaining(['emissions.scope1', 'emissions.scope2']));
  });
});
