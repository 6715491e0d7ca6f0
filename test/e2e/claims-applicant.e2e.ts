import { createOrganizationWithKey, startTestApp, type TestApp } from '../support/test-app';

type Org = Awaited<ReturnType<typeof createOrganizationWithKey>>;
const CN = {
  type: 'CN',
  declarations: { independentOfCertifierAndVerifier: true },
  boundary: '本社',
  targetPeriod: { start: '2024-04-01', end: '2025-03-31' },
  baseYear: 2013,
  emissions: { scope1: '100', scope2: '50' },
};
const CFP = {
  type: 'CFP',
  declarations: { notAntiSocialForce: true },
  product: { name: 'ボールペン', cfpVerificationNumber: 'CV-1' },
  cfpPerUnitKg: '2.5',
  quantity: '400',
  period: { start: '2024-04-01', end: '2025-03-31' },
};

/** The applicant's own requirements when it files, over HTTP. */
describe('applicant requirements (CN-2.1.1-1, CN-2.1.1-2, CFP-art5-2, CN-2.1.5-supplied)', () => {
  let t: TestApp;
  let legalEntity: Org;
  let noCorporateNumber: Org;

  beforeAll(async () => {
    t = await startTestApp();
    legalEntity = await createOrganizationWithKey(t, ['applicant']);
    noCorporateNumber = await createOrganizationWithKey(t, ['applicant'], { corporateNumber: undefined });
  });
  afterAll(() => t.close());

  const file = (org: Org, body: Record<string, unknown>) => t.http.post('/v1/claims').set(org.auth).send(body);

  it('CN-2.1.1-1 (「法人格を有する者であること」): a CN or CN plan applicant without a corporate number is 422; a CFP participant is not', async () => {
    const refused = await file(noCorporateNumber, CN).expect(422);
    expect(refused.body).toMatchObject({ code: 'RULE_VIOLATION', errors: [expect.objectContaining({ rule: 'CN-2.1.1-1' })] });
    const plan = { ...CN, type: 'CN_PLAN', planPeriod: { start: '2024-04-01', end: '2025-09-30' }, targetPeriod: { start: '2024-10-01', end: '2025-09-30' } };
    const planRefused = await t.http.post('/v1/claims').set(t.admin).send({ ...plan, applicantId: noCorporateNumber.id, receivedOn: '2024-03-01' }).expect(422);
    expect(planRefused.body.errors).toEqual([expect.objectContaining({ rule: 'CN-2.1.1-1' })]);
    await file(noCorporateNumber, CFP).expect(201);
    const accepted = await file(legalEntity, CN).expect(201);
    expect(accepted.body.draft.declarations).toEqual({ independentOfCertifierAndVerifier: true });
  });

  it('CN-2.1.1-2 (2.1.1 ②): the independence declaration is required (400 naming it) and must be true (422)', async () => {
    const missing = await file(legalEntity, { ...CN, declarations: undefined }).expect(400);
    expect(missing.body).toMatchObject({ code: 'VALIDATION_FAILED', errors: [expect.objectContaining({ field: 'declarations.independentOfCertifierAndVerifier' })] });
    const notBoolean = await file(legalEntity, { ...CN, declarations: { independentOfCertifierAndVerifier: 'yes' } }).expect(400);
    expect(notBoolean.body.code).toBe('VALIDATION_FAILED');
    const refused = await file(legalEntity, { ...CN, declarations: { independentOfCertifierAndVerifier: false } }).expect(422);
    expect(refused.body.errors).toEqual([expect.objectContaining({ rule: 'CN-2.1.1-2' })]);
  });

  it('CFP-art5-2 (art. 5 ②): the anti-social-force declaration is required (400) and must be true (422)', async () => {
    const missing = await file(legalEntity, { ...CFP, declarations: {} }).expect(400);
    expect(missing.body.errors).toEqual([expect.objectContaining({ field: 'declarations.notAntiSocialForce' })]);
    const refused = await file(legalEntity, { ...CFP, declarations: { notAntiSocialForce: false } }).expect(422);
    expect(refused.body.errors).toEqual([expect.objectContaining({ rule: 'CFP-art5-2' })]);
  });

  it('CN-2.1.5-supplied: suppliedToOthers up to scope 1 is left out; above it is 400 RULE_VIOLATION', async () => {
    const atScope1 = await file(legalEntity, { ...CN, emissions: { scope1: '100', scope2: '50', suppliedToOthers: '100' } }).expect(201);
    expect(atScope1.body.requiredTonnes).toBe('50');
    const above = await file(legalEntity, { ...CN, emissions: { scope1: '100', scope2: '50', suppliedToOthers: '100.5' } }).expect(400);
    expect(above.body).toMatchObject({ code: 'RULE_VIOLATION', errors: [expect.objectContaining({ rule: 'CN-2.1.5-supplied' })] });
  });
});
