import { createOrganizationWithKey, startTestApp, type TestApp } from '../support/test-app';

type Org = Awaited<ReturnType<typeof createOrganizationWithKey>>;
type Finding = { rule: string; severity: string; message: string };
const EVIDENCE = { registry: 'J-Credit registry', reference: 'retirement notice 0001' };

/** Rulebook versions and dates (seed 000, seed 002 附則, seed 004 改訂履歴), over HTTP. */
describe('rulebook versions: the CN annex ends 2013-03-31, CN starts 2011-09-15, CFP before Ver. 5.1', () => {
  let t: TestApp;
  let applicant: Org;

  beforeAll(async () => {
    t = await startTestApp();
    applicant = await createOrganizationWithKey(t, ['applicant', 'provider'], { corporateNumber: '7000012050002' });
  });
  afterAll(() => t.close());

  const fileFor = (body: Record<string, unknown>) => t.http.post('/v1/claims').set(t.admin).send({ applicantId: applicant.id, ...body });
  const cn = (receivedOn: string, targetPeriod: { start: string; end: string }) => ({
    type: 'CN',
    declarations: { independentOfCertifierAndVerifier: true },
    receivedOn,
    boundary: '本社',
    targetPeriod,
    baseYear: 2010,
    emissions: { scope1: '10', scope2: '0' },
  });
  const retire = (claimId: string, serials: string[], extra: Record<string, unknown> = {}) =>
    t.http.post('/v1/retirements').set(applicant.auth).send({ serials, claimId, retiredOn: '2013-03-31', evidence: EVIDENCE, beneficiary: 'x', purpose: 'CN', ...extra });

  it('CN-annex-abolished (附則): a claim received 2014-05-01 cannot use prefectural J-VER retired 2013-03-31', async () => {
    const claim = await fileFor(cn('2014-05-01', { start: '2013-04-01', end: '2014-03-31' })).expect(201);
    expect(claim.body.rulebookId).toBe('CN-2013');
    const refused = await retire(claim.body.id, ['NIG-FM-950-1-4']).expect(422);
    expect(refused.body).toMatchObject({ code: 'INELIGIBLE_CREDIT', rule: 'CN-annex-abolished' });
  });

  it('CN-annex-2: a claim received 2013-03-31 keeps the annex, with its conditions (retired by 2013-03-31, a minority)', async () => {
    const claim = await fileFor(cn('2013-03-31', { start: '2012-03-01', end: '2013-02-28' })).expect(201);
    expect(claim.body.rulebookId).toBe('CN-2011');
    await retire(claim.body.id, ['NIG-FM-951-1-5']).expect(201);
    await retire(claim.body.id, ['JCL-ERL-R951-1-5']).expect(201);
    const half = await t.http.get(`/v1/claims/${claim.body.id}`).set(applicant.auth).expect(200);
    // 5 of 10 t is not a minority (過半 = more than half fully eligible).
    expect(half.body).toMatchObject({ transitionalTonnes: '5', covered: false });
    expect(half.body.findings.map((f: Finding) => f.rule)).toContain('CN-annex-2-majority');
    await retire(claim.body.id, ['JCL-ERL-R951-6-6']).expect(201);
    const covered = await t.http.get(`/v1/claims/${claim.body.id}`).set(applicant.auth).expect(200);
    expect(covered.body).toMatchObject({ transitionalTonnes: '5', covered: true });
    await t.http.post(`/v1/claims/${claim.body.id}/submit`).set(applicant.auth).expect(200);
  });

  it('CN-annex-2 issue date: not asked when the retirement date proves it; when given, a real date not after retiredOn', async () => {
    const claim = await fileFor(cn('2013-03-31', { start: '2012-03-01', end: '2013-02-28' })).expect(201);
    for (const issuedOn of ['', '1', '2013-02-30', '2013-04-01']) {
      const bad = await retire(claim.body.id, ['NIG-FM-952-1-1'], { creditFacts: { issuedOn } }).expect(400);
      expect(bad.body).toMatchObject({ code: 'VALIDATION_FAILED', errors: [expect.objectContaining({ field: 'creditFacts.issuedOn' })] });
    }
    await retire(claim.body.id, ['NIG-FM-952-1-1'], { creditFacts: { issuedOn: '2013-03-31' } }).expect(201);
    await retire(claim.body.id, ['NIG-FM-952-2-2']).expect(201);
  });

  it('CN starts 2011-09-15 (seed 000): a claim received 2011-09-14 has no rulebook (RULEBOOK-NONE)', async () => {
    const none = await fileFor(cn('2011-09-14', { start: '2010-04-01', end: '2011-03-31' })).expect(400);
    expect(none.body.errors).toEqual([expect.objectContaining({ rule: 'RULEBOOK-NONE' })]);
    const first = await fileFor(cn('2011-09-15', { start: '2010-04-01', end: '2011-03-31' })).expect(201);
    expect(first.body.rulebookId).toBe('CN-2011');
  });

  it('RULEBOOK-NOT-ENCODED: a CFP claim received under Ver. 3.0 is judged by CFP-5.1 with a warning; before Ver. 1.0 (2012-11-27), none', async () => {
    const cfp = { type: 'CFP', declarations: { notAntiSocialForce: true }, product: { name: 'tea', cfpVerificationNumber: 'CV-1' }, cfpPerUnitKg: '1', quantity: '1000', period: { start: '2014-04-01', end: '2015-03-31' } };
    const old = await fileFor({ ...cfp, receivedOn: '2015-01-10' }).expect(201);
    expect(old.body).toMatchObject({ rulebookId: 'CFP-5.1', judgedOn: '2015-01-10' });
    expect(old.body.findings).toEqual(expect.arrayContaining([expect.objectContaining({ rule: 'RULEBOOK-NOT-ENCODED', severity: 'warning', message: expect.stringContaining('Ver. 3.0') })]));
    const before = await fileFor({ ...cfp, receivedOn: '2012-11-26' }).expect(400);
    expect(before.body.errors).toEqual([expect.objectContaining({ rule: 'RULEBOOK-NONE' })]);
  });
});
