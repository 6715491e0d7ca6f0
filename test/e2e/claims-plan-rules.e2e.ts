import { createOrganizationWithKey, startTestApp, type TestApp } from '../support/test-app';
import { assignCertifier, verifyClaim } from '../support/claims';

type Org = Awaited<ReturnType<typeof createOrganizationWithKey>>;
type Finding = { rule: string; severity: string; message: string };

/** CN plan rules of seed 002 chapter 3, over HTTP. */
describe('CN plan rules (CNP-3.1.6, CNP-3.1.1-2)', () => {
  let t: TestApp;
  let certifier: Org;

  beforeAll(async () => {
    t = await startTestApp();
    certifier = await createOrganizationWithKey(t, ['certifier']);
  });
  afterAll(() => t.close());

  const newApplicant = () => createOrganizationWithKey(t, ['applicant']);
  const plan = (applicantId: string, extra: Record<string, unknown> = {}) => ({
    type: 'CN_PLAN',
    declarations: { independentOfCertifierAndVerifier: true },
    applicantId,
    receivedOn: '2024-03-01',
    boundary: '本社',
    planPeriod: { start: '2024-04-01', end: '2025-09-30' },
    targetPeriod: { start: '2024-10-01', end: '2025-09-30' },
    baseYear: 2013,
    emissions: { scope1: '10', scope2: '5' },
    plannedRetirements: [{ scheme: 'JCREDIT', tonnes: '15', by: '2025-09-30' }],
    ...extra,
  });
  const file = (body: Record<string, unknown>) => t.http.post('/v1/claims').set(t.admin).send(body).expect(201);
  const certifyPlan = async (id: string, applicant: Org, extra: Record<string, unknown> = {}) => {
    await assignCertifier(t, id, certifier.id);
    await verifyClaim(t, id); // CN-2.2.4 (3.2.1): the count is judged on a claim otherwise ready for certification
    return t.http.post(`/v1/claims/${id}/certify`).set(certifier.auth).send(extra);
  };
  const rulesOf = (findings: Finding[], rule: string) => findings.filter((f) => f.rule === rule);

  it('CNP-3.1.6 (「同一の者によって一回に限り」): a withdrawn plan application still counts', async () => {
    const applicant = await newApplicant();
    const first = await file(plan(applicant.id));
    expect(rulesOf(first.body.findings, 'CNP-3.1.6')).toEqual([]);
    await t.http.post(`/v1/claims/${first.body.id}/submit`).set(applicant.auth).expect(200);
    await t.http.post(`/v1/claims/${first.body.id}/withdraw`).set(applicant.auth).send({ reason: 'rethinking' }).expect(200);

    const second = await file(plan(applicant.id));
    expect(rulesOf(second.body.findings, 'CNP-3.1.6')).toEqual([expect.objectContaining({ severity: 'warning' })]);
    await t.http.post(`/v1/claims/${second.body.id}/submit`).set(applicant.auth).expect(200);
    const refused = await (await certifyPlan(second.body.id, applicant)).body;
    expect(refused).toMatchObject({ code: 'RULE_VIOLATION', errors: [expect.objectContaining({ rule: 'CNP-3.1.6' })] });
    const allowed = await certifyPlan(second.body.id, applicant, { allowAdditionalPlan: true });
    expect(allowed.status).toBe(200);
  });

  it('CNP-3.1.6: a revoked plan still counts; a plan left as a draft does not', async () => {
    const applicant = await newApplicant();
    const draftOnly = await file(plan(applicant.id));
    const first = await file(plan(applicant.id));
    expect(rulesOf(first.body.findings, 'CNP-3.1.6')).toEqual([]); // the other one is only a draft
    await t.http.post(`/v1/claims/${first.body.id}/submit`).set(applicant.auth).expect(200);
    expect((await certifyPlan(first.body.id, applicant)).status).toBe(200);
    await t.http.post(`/v1/claims/${first.body.id}/revoke`).set(certifier.auth).send({ reason: 'false statement', ground: 'urgent' }).expect(200); // CNP-3.3.4 ③: no recommendation first

    await t.http.post(`/v1/claims/${draftOnly.body.id}/submit`).set(applicant.auth).expect(200);
    const refused = await certifyPlan(draftOnly.body.id, applicant);
    expect(refused.status).toBe(422);
    expect(refused.body.errors).toEqual([expect.objectContaining({ rule: 'CNP-3.1.6', message: expect.stringMatching(/revoked and withdrawn/) })]);
  });

  it('CNP-3.1.1-2: a retirement planned outside the plan period is a warning, not a 400 (no seed forbids it)', async () => {
    const applicant = await newApplicant();
    const outside = await file(plan(applicant.id, { plannedRetirements: [{ scheme: 'JCREDIT', tonnes: '15', by: '2026-01-01' }] }));
    expect(rulesOf(outside.body.findings, 'CNP-3.1.1-2')).toEqual([expect.objectContaining({ severity: 'warning', message: expect.stringMatching(/outside the plan period/) })]);
    expect(rulesOf(outside.body.findings, 'CNP-3.1.5')).toEqual([]);
    const short = await file(plan(applicant.id, { plannedRetirements: [{ scheme: 'JCREDIT', tonnes: '14', by: '2025-09-30' }] }));
    expect(rulesOf(short.body.findings, 'CNP-3.1.1-2')).toEqual([expect.objectContaining({ severity: 'warning', message: expect.stringMatching(/14 t/) })]);
    const malformed = await t.http.post('/v1/claims').set(t.admin).send(plan(applicant.id, { plannedRetirements: [{ scheme: 'JCREDIT', tonnes: '15', by: '2025-02-30' }] })).expect(400);
    expect(malformed.body.errors).toEqual([expect.objectContaining({ field: 'plannedRetirements[0].by' })]);
  });
});
