import { createOrganizationWithKey, startTestApp, type TestApp } from '../support/test-app';
import { addDaysIso, todayJst } from '../support/dates';

type Org = Awaited<ReturnType<typeof createOrganizationWithKey>>;
const CN = {
  type: 'CN',
  declarations: { independentOfCertifierAndVerifier: true },
  boundary: '本社',
  targetPeriod: { start: '2024-04-01', end: '2025-03-31' },
  baseYear: 2013,
  emissions: { scope1: '10', scope2: '5' },
};

/** API.md "Claims": every date rule counts from the day the registry received the claim (receivedOn). */
describe('receivedOn: the application date is the day the registry received the claim', () => {
  let t: TestApp;
  let applicant: Org;
  let provider: Org;

  beforeAll(async () => {
    t = await startTestApp();
    applicant = await createOrganizationWithKey(t, ['applicant'], { corporateNumber: '7000012050002' });
    provider = await createOrganizationWithKey(t, ['provider']);
  });
  afterAll(() => t.close());

  it('an applicant’s claim is received today (Japan time); a declared applicationDate is recorded but judges nothing', async () => {
    const claim = await t.http.post('/v1/claims').set(applicant.auth).send({ ...CN, applicationDate: '2012-01-01' }).expect(201);
    expect(claim.body).toMatchObject({ judgedOn: todayJst(), draft: expect.objectContaining({ receivedOn: todayJst(), applicationDate: '2012-01-01' }) });
    const read = await t.http.get(`/v1/claims/${claim.body.id}`).set(applicant.auth).expect(200);
    expect(read.body).toMatchObject({ judgedOn: todayJst(), draft: expect.objectContaining({ receivedOn: todayJst() }) });
  });

  it('receivedOn from any key but the admin’s is 400 VALIDATION_FAILED naming it', async () => {
    const refused = await t.http.post('/v1/claims').set(applicant.auth).send({ ...CN, receivedOn: '2012-03-01' }).expect(400);
    expect(refused.body).toMatchObject({ code: 'VALIDATION_FAILED', errors: [expect.objectContaining({ field: 'receivedOn' })] });
  });

  it('the admin files for a named applicant and records an earlier receipt, journaled as such', async () => {
    const noApplicant = await t.http.post('/v1/claims').set(t.admin).send({ ...CN, receivedOn: '2025-04-01' }).expect(400);
    expect(noApplicant.body.errors).toEqual([expect.objectContaining({ field: 'applicantId' })]);
    const notApplicant = await t.http.post('/v1/claims').set(t.admin).send({ ...CN, applicantId: provider.id }).expect(400);
    expect(notApplicant.body.errors).toEqual([expect.objectContaining({ field: 'applicantId', message: expect.stringMatching(/applicant role/) })]);
    for (const receivedOn of ['', '1', '2025-02-30', addDaysIso(todayJst(), 1)]) {
      const bad = await t.http.post('/v1/claims').set(t.admin).send({ ...CN, applicantId: applicant.id, receivedOn }).expect(400);
      expect(bad.body.errors).toEqual([expect.objectContaining({ field: 'receivedOn' })]);
    }

    const claim = await t.http.post('/v1/claims').set(t.admin).send({ ...CN, applicantId: applicant.id, receivedOn: '2025-04-01' }).expect(201);
    expect(claim.body).toMatchObject({ applicantId: applicant.id, judgedOn: '2025-04-01', draft: expect.objectContaining({ receivedOn: '2025-04-01' }) });
    // The applicant owns it: it reads and submits it like its own.
    await t.http.get(`/v1/claims/${claim.body.id}`).set(applicant.auth).expect(200);

    const auditor = await createOrganizationWithKey(t, ['auditor']);
    const entries = (await t.http.get('/v1/ledger/entries').query({ limit: 1000 }).set(auditor.auth).expect(200)).body.items as { type: string; actor: string; payload: string }[];
    const created = entries.filter((e) => e.type === 'claim.created').map((e) => ({ actor: e.actor, payload: JSON.parse(e.payload) as Record<string, unknown> }));
    expect(created.find((e) => e.payload.id === claim.body.id)).toMatchObject({
      actor: 'admin',
      payload: { applicantId: applicant.id, receivedOn: '2025-04-01', receivedOnRecordedByAdmin: true },
    });
  });

  it('CNP-3.1.2-1 (plan start within 1 year of the plan application) counts from receivedOn, not the declared applicationDate', async () => {
    const plan = {
      ...CN,
      type: 'CN_PLAN',
      targetPeriod: { start: '2024-10-01', end: '2025-09-30' },
      planPeriod: { start: '2024-04-01', end: '2025-09-30' },
    };
    // Declared as applied 2024-03-01, but received today: the plan started before it was received.
    const declared = await t.http.post('/v1/claims').set(applicant.auth).send({ ...plan, applicationDate: '2024-03-01' }).expect(400);
    expect(declared.body).toMatchObject({ code: 'RULE_VIOLATION', errors: expect.arrayContaining([expect.objectContaining({ rule: 'CNP-3.1.2-1' })]) });
    // Received 2024-03-01 (recorded by the admin): the plan starts within the year.
    await t.http.post('/v1/claims').set(t.admin).send({ ...plan, applicantId: applicant.id, receivedOn: '2024-03-01' }).expect(201);
    // Boundary: received 2023-04-01, the plan must start by 2024-04-01 (Civil Code: the receiving day is not counted).
    await t.http.post('/v1/claims').set(t.admin).send({ ...plan, applicantId: applicant.id, receivedOn: '2023-04-01' }).expect(201);
    const late = await t.http.post('/v1/claims').set(t.admin).send({ ...plan, applicantId: applicant.id, receivedOn: '2023-03-31' }).expect(400);
    expect(late.body.errors).toEqual(expect.arrayContaining([expect.objectContaining({ rule: 'CNP-3.1.2-1' })]));
  });
});
