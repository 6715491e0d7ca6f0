import { deadlineAfter, earliestPlanChange, periodLastDay } from '@registry/domain';
import { assignCertifier, declared, testVerifier } from '../support/claims';
import { addDaysIso, todayJst } from '../support/dates';
import { createOrganizationWithKey, startTestApp, type TestApp } from '../support/test-app';
import { TEST_ENGINE } from '../support/test-engine';

type Org = Awaited<ReturnType<typeof createOrganizationWithKey>>;
type Auth = { auth: { Authorization: string } };
const EVIDENCE = { registry: 'J-Credit registry', reference: 'JC-STORY' };
const PROJECT = { project: 'R6001', name: '〇〇町森林管理プロジェクト', region: '日本・高知県', projectType: '森林管理' };

/**
 * One story per program (issue 16), filing to withdrawal over HTTP, on the engine under test:
 * CN (seed 002 ch. 2), CN plan (ch. 3), CFP offset (seed 004).
 */
describe(`claims from filing to withdrawal (${TEST_ENGINE})`, () => {
  let t: TestApp;
  let applicant: Org;
  let certifier: Org;
  let verifier: { id: string } & Auth;
  let project = 6100;

  beforeAll(async () => {
    t = await startTestApp();
    applicant = await createOrganizationWithKey(t, ['applicant'], { corporateNumber: '7000012050002' });
    certifier = await createOrganizationWithKey(t, ['certifier']);
    verifier = await testVerifier(t);
  });
  afterAll(() => t.close());

  const act = (org: Auth, claimId: string, action: string, body: Record<string, unknown> = {}) => t.http.post(`/v1/claims/${claimId}/${action}`).set(org.auth).send(body);
  const read = async (claimId: string) => (await t.http.get(`/v1/claims/${claimId}`).set(applicant.auth).expect(200)).body;
  const published = async (certificationNumber: string) =>
    (await t.http.get('/v1/register').query({ limit: 100 }).expect(200)).body.items.find((e: { certificationNumber: string }) => e.certificationNumber === certificationNumber);
  /** A retirement at the credit's own registry, for the claim. */
  const retire = (claimId: string, tonnes: number, code = `R${++project}`) =>
    t.http
      .post('/v1/retirements')
      .set(applicant.auth)
      .send({ serials: [`JCL-ERL-${code}-1-${tonnes}`], claimId, beneficiary: '株式会社サンプル', purpose: 'offset', evidence: EVIDENCE })
      .expect(201);
  const validity = () => ({ validFrom: todayJst(), validTo: addDaysIso(todayJst(), 364) });
  const verification = (verifiedEmissions: Record<string, string>) => ({ reportReference: 'VR-STORY', assurance: 'reasonable', opinion: 'unqualified', verifiedEmissions, independentOfApplicant: true });

  it('CN: filed, verified (CN-2.2.4), certified, corrected and suspended (CN-2.3.5-2), renewed (CN-2.3.3-2), withdrawn with the certifier (CN-2.3.7)', async () => {
    const draft = declared({
      type: 'CN',
      boundary: '本社及び国内全事業所',
      targetPeriod: { start: '2024-04-01', end: '2025-03-31' },
      baseYear: 2013,
      emissions: { scope1: '100', scope2: '50' },
      baseYearEmissions: '180.5',
      emissionSources: '都市ガス（ボイラー）、購入電力',
      calculationMethod: '燃料使用量×排出係数',
      creditProjects: [PROJECT],
    });
    const claim = (await t.http.post('/v1/claims').set(applicant.auth).send(draft).expect(201)).body;
    const retirement = await retire(claim.id, 150, PROJECT.project);
    await act(applicant, claim.id, 'submit').expect(200);
    await assignCertifier(t, claim.id, certifier.id);
    expect((await act(certifier, claim.id, 'certify', validity()).expect(422)).body.errors[0].rule).toBe('CN-2.2.4');

    const verified = await act(verifier, claim.id, 'verification', verification({ scope1: '97.5', scope2: '50' })).expect(201);
    expect(verified.body).toMatchObject({ requiredTonnes: '148', verification: { materiality: { withinMateriality: true } } });
    const certified = (await act(certifier, claim.id, 'certify', validity()).expect(200)).body;
    expect(certified.certificationNumber).toMatch(/^CN-\d{4}-\d{4}$/);

    // Tables 3: scope, sources, base-year and period emissions, the verification body, the projects in words.
    const entry = await published(certified.certificationNumber);
    expect(entry).toMatchObject({
      status: 'certified',
      emissionsDisclosure: { scope: ['scope1', 'scope2'], emissionSources: draft.emissionSources, baseYear: 2013, baseYearEmissions: '180.5', periodEmissions: { scope1: '97.5', scope2: '50' }, verified: true },
      verificationBody: { id: verifier.id, name: 'verification body', reportReference: 'VR-STORY', opinion: 'unqualified' },
      credits: [expect.objectContaining({ project: 'R6001', projectName: PROJECT.name, projectRegion: PROJECT.region, projectTypeName: '森林管理', retirementStatus: 'retired' })],
    });
    const csv = (await t.http.get('/v1/register').query({ format: 'csv', limit: 100 }).expect(200)).text;
    expect(csv).toContain(PROJECT.name);
    expect(csv).toContain('verification body');

    // 2.3.5 ②: a recommendation first, then the suspension for the uncorrected breach; reinstated once corrected.
    await act(certifier, claim.id, 'suspend', { reason: '算定漏れ' }).expect(422);
    await act(certifier, claim.id, 'recommend-correction', { reason: '算定漏れ', dueOn: addDaysIso(todayJst(), 14) }).expect(200);
    await act(certifier, claim.id, 'suspend', { reason: '期限までに是正されない' }).expect(200);
    expect((await published(certified.certificationNumber)).status).toBe('suspended');
    await act(certifier, claim.id, 'reinstate', { reason: '是正された' }).expect(200);

    // 2.3.3 ②: a new CN application filed within validity keeps the certification valid until it is decided.
    const renewal = (await t.http.post('/v1/claims').set(applicant.auth).send({ ...draft, targetPeriod: { start: '2025-04-01', end: '2026-03-31' } }).expect(201)).body;
    expect((await read(claim.id)).pendingRenewal).toBeNull();
    await retire(renewal.id, 150);
    await act(applicant, renewal.id, 'submit').expect(200);
    expect((await read(claim.id)).pendingRenewal).toEqual({ claimId: renewal.id, filedOn: todayJst(), rule: 'CN-2.3.3-2' });
    expect((await published(certified.certificationNumber)).pendingRenewal).toMatchObject({ claimId: renewal.id });

    // 2.3.7: asked in writing, accepted by the certifier; the credits stay used.
    expect((await act(applicant, claim.id, 'withdraw', { reason: '事業再編' }).expect(200)).body.status).toBe('withdrawal_requested');
    expect((await act(certifier, claim.id, 'accept-withdrawal', { reason: '妥当' }).expect(200)).body).toMatchObject({ status: 'withdrawn', pendingRenewal: null });
    expect((await published(certified.certificationNumber)).status).toBe('withdrawn');
    await t.http.post(`/v1/retirements/${retirement.body.id}/void`).set(t.admin).send({ reason: 'reuse' }).expect(409);

    // The renewal is decided on its own verification.
    await assignCertifier(t, renewal.id, certifier.id);
    await act(verifier, renewal.id, 'verification', verification({ scope1: '100', scope2: '50' })).expect(201);
    expect((await act(certifier, renewal.id, 'certify', validity()).expect(200)).body.status).toBe('certified');
  });

  it('CN plan: verified (CN-2.2.4 via 3.2.1), certified, a change notified 30 business days ahead (CNP-3.4.1), suspended after correction (CNP-3.3.4-2), withdrawn with the certifier (2.3.7 via 3.3.1)', async () => {
    const planStart = addDaysIso(todayJst(), 30);
    const targetEnd = periodLastDay(planStart, 12);
    const plan = declared({
      type: 'CN_PLAN',
      boundary: '本社',
      applicationDate: todayJst(),
      planPeriod: { start: planStart, end: targetEnd },
      targetPeriod: { start: planStart, end: targetEnd },
      baseYear: 2013,
      emissions: { scope1: '10', scope2: '5' },
      emissionSources: '購入電力',
      plannedRetirements: [{ scheme: 'JCREDIT', tonnes: '15', by: targetEnd }],
    });
    const claim = (await t.http.post('/v1/claims').set(applicant.auth).send(plan).expect(201)).body;
    await act(applicant, claim.id, 'submit').expect(200);
    await assignCertifier(t, claim.id, certifier.id);
    await act(verifier, claim.id, 'verification', verification({ scope1: '12', scope2: '5' })).expect(201);
    // CNP-3.3.2: the certifier names no validity for a plan; it has effect over its plan period.
    expect((await act(certifier, claim.id, 'certify').expect(422)).body.errors[0].rule).toBe('CN-2.2.4');
    await act(verifier, claim.id, 'verification', verification({ scope1: '10.5', scope2: '5' })).expect(201);
    const certified = (await act(certifier, claim.id, 'certify').expect(200)).body;
    expect(certified).toMatchObject({ certificationNumber: expect.stringMatching(/^CNP-\d{4}-\d{4}$/), requiredTonnes: '16', validFrom: planStart, validTo: targetEnd });

    const tooSoon = await act(applicant, claim.id, 'plan-changes', { effectiveOn: addDaysIso(todayJst(), 20), description: 'J-VER に変更' }).expect(422);
    expect(tooSoon.body.errors).toEqual([expect.objectContaining({ rule: 'CNP-3.4.1' })]);
    const effectiveOn = earliestPlanChange(todayJst());
    const change = await act(applicant, claim.id, 'plan-changes', { effectiveOn, description: 'J-VER に変更' }).expect(201);
    expect(change.body).toMatchObject({ status: 'certified', planChanges: [{ effectiveOn, description: 'J-VER に変更', notifiedOn: todayJst() }] });

    expect((await act(certifier, claim.id, 'suspend', { reason: '取組が困難' }).expect(422)).body.errors[0].rule).toBe('CNP-3.3.4-2');
    await act(certifier, claim.id, 'recommend-correction', { reason: '取組計画の見直し', dueOn: addDaysIso(todayJst(), 30) }).expect(200);
    await act(certifier, claim.id, 'suspend', { reason: '是正されない' }).expect(200);
    // 3.3.1 applies 2.3.7 to plans: a suspended plan's withdrawal waits too, and a refusal keeps it suspended.
    await act(applicant, claim.id, 'withdraw', { reason: '計画中止' }).expect(200);
    expect((await act(certifier, claim.id, 'reject-withdrawal', { reason: '書面不備' }).expect(200)).body.status).toBe('suspended');
    await act(certifier, claim.id, 'reinstate', { reason: '是正された' }).expect(200);
    expect((await act(applicant, claim.id, 'withdraw', { reason: '計画中止' }).expect(200)).body.status).toBe('withdrawal_requested');
    expect((await act(certifier, claim.id, 'accept-withdrawal').expect(200)).body.status).toBe('withdrawn');
    // 3.3.1 does not apply 2.3.3 to plans: no renewal keeps a plan alive.
    expect((await read(claim.id)).pendingRenewal).toBeNull();
    expect((await published(certified.certificationNumber))).toMatchObject({ status: 'withdrawn', emissionsDisclosure: expect.objectContaining({ emissionSources: '購入電力', verified: true }) });
  });

  it('CFP: notified (art. 13) and accepted with a notification number, no verification or sanctions here, changes notified again (art. 13 ③), renewed as a new notification, withdrawn at once (art. 18)', async () => {
    const draft = declared({
      type: 'CFP',
      product: { name: 'ボールペン', cfpVerificationNumber: 'CV-AB01-001' },
      cfpPerUnitKg: '2.5',
      quantity: '400',
      period: { start: '2024-04-01', end: '2025-03-31' },
      creditProjects: [{ ...PROJECT, project: 'R6900' }],
    });
    const claim = (await t.http.post('/v1/claims').set(applicant.auth).send(draft).expect(201)).body;
    const retirement = await retire(claim.id, 1, 'R6900');
    expect((await act(verifier, claim.id, 'verification', verification({ scope1: '1', scope2: '0' })).expect(409)).body.rule).toBe('CFP-art4');
    await act(applicant, claim.id, 'submit').expect(200);
    await assignCertifier(t, claim.id, certifier.id);
    const accepted = (await act(certifier, claim.id, 'certify').expect(200)).body;
    expect(accepted).toMatchObject({ status: 'certified', notificationNumber: accepted.certificationNumber });
    expect(accepted.notificationNumber).toMatch(/^CFP-\d{4}-\d{4}$/);

    await act(applicant, claim.id, 'change-notifications', { description: '実施マークの表示方法を変更' }).expect(201);
    expect((await act(certifier, claim.id, 'suspend', { reason: 'x', ground: 'urgent' }).expect(409)).body.rule).toBe('CFP-art13');
    const entry = await published(accepted.certificationNumber);
    expect(entry).toMatchObject({ emissionsDisclosure: null, credits: [expect.objectContaining({ projectName: PROJECT.name, projectTypeName: '森林管理' })] });

    // The next period is a new notification of its own.
    const next = (await t.http.post('/v1/claims').set(applicant.auth).send({ ...draft, period: { start: '2025-04-01', end: '2026-03-31' } }).expect(201)).body;
    await retire(next.id, 1);
    await act(applicant, next.id, 'submit').expect(200);
    await assignCertifier(t, next.id, certifier.id);
    const nextNumber = (await act(certifier, next.id, 'certify').expect(200)).body.notificationNumber;
    // A project the claim does not describe: its name stays unknown, a domestic scheme's region is Japan.
    expect((await published(nextNumber)).credits).toEqual([expect.objectContaining({ projectName: null, projectRegion: '日本', projectTypeName: null })]);

    const withdrawn = await act(applicant, claim.id, 'withdraw', { reason: '販売終了' }).expect(200);
    expect(withdrawn.body).toMatchObject({ status: 'withdrawn', labelsRemovedBy: deadlineAfter(todayJst(), 1) });
    expect(await published(accepted.certificationNumber)).toMatchObject({ status: 'withdrawn', labelsRemovedBy: deadlineAfter(todayJst(), 1) });
    await t.http.post(`/v1/retirements/${retirement.body.id}/void`).set(t.admin).send({ reason: 'reuse' }).expect(409);
  });
});
