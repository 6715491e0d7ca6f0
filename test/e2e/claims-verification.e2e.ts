import { assignCertifier, declared, testVerifier } from '../support/claims';
import { addDaysIso, todayJst } from '../support/dates';
import { createOrganizationWithKey, startTestApp, type TestApp } from '../support/test-app';
import { TEST_ENGINE } from '../support/test-engine';

type Org = Awaited<ReturnType<typeof createOrganizationWithKey>>;
const EVIDENCE = { registry: 'J-Credit registry', reference: 'JC-2025-0042' };
/** 100 t declared: 5 % materiality tolerates a verified total from 95.238… to 105.263… t. */
const CN_DRAFT = declared({ type: 'CN', boundary: '本社', targetPeriod: { start: '2024-04-01', end: '2025-03-31' }, baseYear: 2013, emissions: { scope1: '60', scope2: '40' } });
const REPORT = { reportReference: 'VR-2025-0042', assurance: 'reasonable', opinion: 'unqualified', independentOfApplicant: true };

/** Seed 002 2.2 and 3.2: a verification body verifies the claim; certification needs it (CN-2.2.4). */
describe(`claim verification (${TEST_ENGINE})`, () => {
  let t: TestApp;
  let applicant: Org;
  let certifier: Org;
  let verifier: { id: string; auth: { Authorization: string } };
  let serial = 0;

  beforeAll(async () => {
    t = await startTestApp();
    applicant = await createOrganizationWithKey(t, ['applicant', 'verifier']);
    certifier = await createOrganizationWithKey(t, ['certifier']);
    verifier = await testVerifier(t);
  });
  afterAll(() => t.close());

  async function submitted(tonnes: number, draft: Record<string, unknown> = CN_DRAFT): Promise<string> {
    const claim = await t.http.post('/v1/claims').set(applicant.auth).send(draft).expect(201);
    const n = ++serial;
    await t.http
      .post('/v1/retirements')
      .set(applicant.auth)
      .send({ serials: [`JCL-ERL-R9${40 + n}-1-${tonnes}`], claimId: claim.body.id, beneficiary: 'own', purpose: 'CN', evidence: EVIDENCE })
      .expect(201);
    await t.http.post(`/v1/claims/${claim.body.id}/submit`).set(applicant.auth).expect(200);
    await assignCertifier(t, claim.body.id, certifier.id);
    return claim.body.id;
  }
  const verify = (claimId: string, body: Record<string, unknown>, org: { auth: { Authorization: string } } = verifier) =>
    t.http.post(`/v1/claims/${claimId}/verification`).set(org.auth).send({ ...REPORT, ...body });
  const certify = (claimId: string) => t.http.post(`/v1/claims/${claimId}/certify`).set(certifier.auth).send({ validFrom: todayJst(), validTo: addDaysIso(todayJst(), 364) });

  it('CN-2.2.4: an unverified claim is not certified (422), and neither is one verified outside 5 % materiality', async () => {
    const claimId = await submitted(110);
    const unverified = await certify(claimId).expect(422);
    expect(unverified.body).toMatchObject({ code: 'RULE_VIOLATION', errors: [expect.objectContaining({ rule: 'CN-2.2.4' })] });

    // 100 t declared against 94 t verified: 6 t apart, more than 5 % of 94 t (4.7 t).
    const far = await verify(claimId, { verifiedEmissions: { scope1: '54', scope2: '40' } }).expect(201);
    expect(far.body.verification).toMatchObject({ verifierId: verifier.id, reportReference: 'VR-2025-0042', opinion: 'unqualified', materiality: { withinMateriality: false, difference: '6' } });
    const refused = await certify(claimId).expect(422);
    expect(refused.body.errors).toEqual([expect.objectContaining({ rule: 'CN-2.2.4', message: expect.stringContaining('more than 5 %') })]);
  });

  it('CN-2.2.4: within 5 % the claim is certified and the verified figure sets the required tonnes (rounded up)', async () => {
    const claimId = await submitted(105);
    // 104.5 t verified against 100 t declared: 4.5 t apart, within 5.225 t.
    const verified = await verify(claimId, { verifiedEmissions: { scope1: '64.5', scope2: '40' } }).expect(201);
    expect(verified.body).toMatchObject({ requiredTonnes: '105', retiredTonnes: '105', covered: true, verification: { materiality: { withinMateriality: true, verifiedTotal: '104.5', declaredTotal: '100' } } });
    expect(verified.body.draft.emissions).toEqual(CN_DRAFT.emissions);
    const certified = await certify(claimId).expect(200);
    expect(certified.body).toMatchObject({ status: 'certified', requiredTonnes: '105', verification: { reportReference: 'VR-2025-0042', independenceDeclared: true } });
    const read = await t.http.get(`/v1/claims/${claimId}`).set(applicant.auth).expect(200);
    expect(read.body.verification.verifiedEmissions).toEqual({ scope1: '64.5', scope2: '40' });

    const auditor = await createOrganizationWithKey(t, ['auditor']);
    const entries = (await t.http.get('/v1/ledger/entries').query({ limit: 1000 }).set(auditor.auth).expect(200)).body.items as { type: string; payload: string }[];
    const journaled = entries.filter((e) => e.type === 'claim.verified').map((e) => JSON.parse(e.payload)).find((p) => p.claimId === claimId);
    expect(journaled).toMatchObject({ verifierId: verifier.id, opinion: 'unqualified', verifiedEmissions: { scope1: '64.5', scope2: '40' } });
    // Verification precedes the decision: a certified claim takes no new report.
    expect((await verify(claimId, { verifiedEmissions: { scope1: '60', scope2: '40' } }).expect(409)).body.code).toBe('INVALID_STATE');
  });

  it('CN-2.2.4: a qualified or adverse opinion does not certify; CN-2.2.3: a CN verification gives reasonable assurance', async () => {
    const claimId = await submitted(100);
    await verify(claimId, { opinion: 'qualified', verifiedEmissions: { scope1: '60', scope2: '40' } }).expect(201);
    expect((await certify(claimId).expect(422)).body.errors).toEqual([expect.objectContaining({ rule: 'CN-2.2.4', message: expect.stringContaining('qualified') })]);
    await verify(claimId, { assurance: 'limited', verifiedEmissions: { scope1: '60', scope2: '40' } }).expect(201);
    expect((await certify(claimId).expect(422)).body.errors).toEqual([expect.objectContaining({ rule: 'CN-2.2.3' })]);
    await verify(claimId, { verifiedEmissions: { scope1: '60', scope2: '40' } }).expect(201);
    await certify(claimId).expect(200);
  });

  it('CN-2.1.1-2 / CN-2.2.2: the applicant never verifies its own claim (403); a verifier not declaring independence is refused (422)', async () => {
    const claimId = await submitted(100);
    const own = await verify(claimId, { verifiedEmissions: { scope1: '60', scope2: '40' } }, applicant).expect(403);
    expect(own.body.rule).toBe('CN-2.1.1-2');
    await verify(claimId, { verifiedEmissions: { scope1: '60', scope2: '40' } }, certifier).expect(403);
    const notIndependent = await verify(claimId, { independentOfApplicant: false, verifiedEmissions: { scope1: '60', scope2: '40' } }).expect(422);
    expect(notIndependent.body.errors).toEqual([expect.objectContaining({ rule: 'CN-2.2.2' })]);
    expect((await t.http.get(`/v1/claims/${claimId}`).set(applicant.auth).expect(200)).body.verification).toBeNull();
  });

  it('bad figures are a 400 naming the field, and a CFP offset has no verification here (409, art. 4)', async () => {
    const claimId = await submitted(100);
    const bad = await verify(claimId, { verifiedEmissions: { scope1: '-1', scope2: 'x' } }).expect(400);
    expect(bad.body.errors.map((e: { field: string }) => e.field).sort()).toEqual(['verifiedEmissions.scope1', 'verifiedEmissions.scope2']);
    expect((await verify(claimId, { verifiedEmissions: undefined }).expect(400)).body.code).toBe('VALIDATION_FAILED');
    expect((await verify(claimId, { opinion: 'fine', verifiedEmissions: { scope1: '1', scope2: '1' } }).expect(400)).body.code).toBe('VALIDATION_FAILED');
    const cfp = await t.http
      .post('/v1/claims')
      .set(applicant.auth)
      .send(declared({ type: 'CFP', product: { name: 'pen', cfpVerificationNumber: 'CV-1' }, cfpPerUnitKg: '2.5', quantity: '400', period: { start: '2024-04-01', end: '2025-03-31' } }))
      .expect(201);
    expect((await verify(cfp.body.id, { verifiedEmissions: { scope1: '1', scope2: '1' } }).expect(409)).body.code).toBe('INVALID_STATE');
  });
});
