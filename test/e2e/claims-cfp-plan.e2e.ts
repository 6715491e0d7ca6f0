import { createOrganizationWithKey, startTestApp, type TestApp } from '../support/test-app';
import { assignCertifier, verifyClaim } from '../support/claims';
import { addDaysIso, todayJst } from '../support/dates';

type Org = Awaited<ReturnType<typeof createOrganizationWithKey>>;
/** The managing registry's cancellation record: certification refuses retirements still pending it. */
const OFFICIAL = { registry: 'J-Credit registry', reference: '無効化通知 JCR-0001' };

describe('CFP offset and CN plan certification (stories)', () => {
  let t: TestApp;
  let applicant: Org;
  let certifier: Org;

  beforeAll(async () => {
    t = await startTestApp();
    applicant = await createOrganizationWithKey(t, ['applicant', 'provider']);
    certifier = await createOrganizationWithKey(t, ['certifier']);
    await t.http.post('/v1/holdings').set(applicant.auth).send({ serial: 'JCL-ERL-R700-1-1000', evidence: { registry: 'J-Credit registry', reference: 'account statement 0001' } }).expect(201);
  });
  afterAll(() => t.close());

  const retire = (serials: string[], claimId: string, extra: Record<string, unknown> = {}) =>
    t.http.post('/v1/retirements').set(applicant.auth).send({ serials, claimId, beneficiary: 'CFP mark', purpose: 'CFP offset', evidence: OFFICIAL, ...extra });

  it('CFP: ceil(2.5 kg × 400 / 1000) = 1 t is covered and certified; actuals of 1,000 units leave 2 t to retire (art. 10)', async () => {
    const claim = await t.http
      .post('/v1/claims')
      .set(applicant.auth)
      .send({
        type: 'CFP',
        declarations: { notAntiSocialForce: true },
        product: { name: 'ボールペン', cfpVerificationNumber: 'CV-AB01-001' },
        cfpPerUnitKg: '2.5',
        quantity: '400',
        period: { start: '2024-04-01', end: '2025-03-31' },
      })
      .expect(201);
    expect(claim.body).toMatchObject({ requiredTonnes: '1', covered: false });

    const kyoto = await retire(['RW-5-1463953-2-2-0-7014 - RW-5-1463953-2-2-0-7014'], claim.body.id, { evidence: { registry: 'CDM', reference: 'c1' } }).expect(422);
    expect(kyoto.body).toMatchObject({ code: 'INELIGIBLE_CREDIT', rule: 'CFP-art8-2' });
    const own = await retire(['JCL-ERL-R700-1-1'], claim.body.id, { creditFacts: { creatorId: applicant.id } }).expect(422);
    expect(own.body).toMatchObject({ code: 'INELIGIBLE_CREDIT', rule: 'CFP-art12' });

    await retire(['JCL-ERL-R700-1-1'], claim.body.id).expect(201);
    await t.http.post(`/v1/claims/${claim.body.id}/submit`).set(applicant.auth).expect(200);
    await assignCertifier(t, claim.body.id, certifier.id);
    const certified = await t.http.post(`/v1/claims/${claim.body.id}/certify`).set(certifier.auth).send({}).expect(200);
    expect(certified.body.certificationNumber).toMatch(/^CFP-\d{4}-\d{4}$/);

    const trued = await t.http.post(`/v1/claims/${claim.body.id}/actuals`).set(applicant.auth).send({ points: [{ date: '2025-03-31', quantity: '1000' }] }).expect(200);
    expect(trued.body).toMatchObject({ covered: false, trueUp: [{ actualTonnes: '3', retiredTonnes: '1', shortfallTonnes: '2' }] });
    expect(trued.body.findings).toEqual(expect.arrayContaining([expect.objectContaining({ rule: 'CFP-art10' })]));

    // After the period, as art. 10 has it: held credits are retired on the day of the request, never backdated.
    await retire(['JCL-ERL-R700-2-3'], claim.body.id).expect(201);
    const settled = await t.http.get(`/v1/claims/${claim.body.id}`).set(applicant.auth).expect(200);
    expect(settled.body).toMatchObject({ covered: true, trueUp: [{ shortfallTonnes: '0' }] });
  });

  it('CFP-art9-3 / CFP-art10-3: with an implementation plan a CFP claim is submitted before full coverage, and the interim true-up runs for the plan', async () => {
    // 2.5 kg × 1,200 = 3 t; 1 t retired now, 2 t planned within 90 days.
    const cfp = { type: 'CFP', declarations: { notAntiSocialForce: true }, product: { name: '緑茶', cfpVerificationNumber: 'CV-AB01-002' }, cfpPerUnitKg: '2.5', quantity: '1200', period: { start: '2025-04-01', end: '2026-03-31' } };
    const unplanned = await t.http.post('/v1/claims').set(applicant.auth).send(cfp).expect(201);
    await retire(['JCL-ERL-R700-200-200'], unplanned.body.id).expect(201);
    const refused = await t.http.post(`/v1/claims/${unplanned.body.id}/submit`).set(applicant.auth).expect(422);
    expect(refused.body.errors).toEqual([expect.objectContaining({ rule: 'CFP-art8' })]);

    const implementationPlan = { retirements: [{ tonnes: '2', by: addDaysIso(todayJst(), 90) }] };
    const short = await t.http.post('/v1/claims').set(applicant.auth).send({ ...cfp, implementationPlan: { retirements: [{ tonnes: '1', by: addDaysIso(todayJst(), 90) }] } }).expect(201);
    expect(short.body.findings).toEqual(expect.arrayContaining([expect.objectContaining({ rule: 'CFP-art9-3', severity: 'error' })]));
    const bad = await t.http.post('/v1/claims').set(applicant.auth).send({ ...cfp, implementationPlan: { retirements: [{ tonnes: '2', by: '1' }] } }).expect(400);
    expect(bad.body.errors).toEqual([expect.objectContaining({ field: 'implementationPlan.retirements[0].by' })]);

    const planned = await t.http.post('/v1/claims').set(applicant.auth).send({ ...cfp, implementationPlan }).expect(201);
    await retire(['JCL-ERL-R700-201-201'], planned.body.id).expect(201);
    const submitted = await t.http.post(`/v1/claims/${planned.body.id}/submit`).set(applicant.auth).expect(200);
    expect(submitted.body).toMatchObject({ covered: false, findings: expect.arrayContaining([expect.objectContaining({ rule: 'CFP-art8', severity: 'warning' })]) });
    await assignCertifier(t, planned.body.id, certifier.id);
    await t.http.post(`/v1/claims/${planned.body.id}/certify`).set(certifier.auth).send({}).expect(200);
    // An interim report: 800 units so far = 2 t against 1 t retired (art. 10 ③).
    const interim = await t.http.post(`/v1/claims/${planned.body.id}/actuals`).set(applicant.auth).send({ points: [{ date: todayJst(), quantity: '800' }, { date: '2026-12-31', quantity: '400' }] }).expect(200);
    expect(interim.body.trueUp).toEqual([expect.objectContaining({ actualTonnes: '2', shortfallTonnes: '1' }), expect.objectContaining({ actualTonnes: '3' })]);
    expect(interim.body.findings).toEqual(expect.arrayContaining([expect.objectContaining({ rule: 'CFP-art10-3' })]));

    // A planned retirement past its date and not made (received 2025-04-01 by the admin, due 2025-09-30).
    const overdue = await t.http.post('/v1/claims').set(t.admin).send({ ...cfp, applicantId: applicant.id, receivedOn: '2025-04-01', implementationPlan: { retirements: [{ tonnes: '2', by: '2025-09-30' }] } }).expect(201);
    await retire(['JCL-ERL-R700-202-202'], overdue.body.id).expect(201);
    const late = await t.http.post(`/v1/claims/${overdue.body.id}/submit`).set(applicant.auth).expect(422);
    expect(late.body.errors).toEqual([expect.objectContaining({ rule: 'CFP-art10-3', message: expect.stringContaining('2025-09-30') })]);
  });

  it('CN plan: certified once; a second plan needs the certifier’s allowance (CNP-3.1.6); the CN claim must follow within 6 months (CNP-3.1.4)', async () => {
    // Received 2024-03-01, before this registry existed: the admin records the day (API.md "Claims").
    const plan = {
      type: 'CN_PLAN',
      declarations: { independentOfCertifierAndVerifier: true },
      applicantId: applicant.id,
      receivedOn: '2024-03-01',
      boundary: '本社',
      planPeriod: { start: '2024-04-01', end: '2025-09-30' },
      targetPeriod: { start: '2024-10-01', end: '2025-09-30' },
      baseYear: 2013,
      emissions: { scope1: '10', scope2: '5' },
      plannedRetirements: [{ scheme: 'JCREDIT', tonnes: '15', by: '2025-09-30' }],
    };
    const first = await t.http.post('/v1/claims').set(t.admin).send(plan).expect(201);
    expect(first.body).toMatchObject({ applicantId: applicant.id, judgedOn: '2024-03-01', draft: expect.objectContaining({ receivedOn: '2024-03-01' }) });
    expect(first.body.findings.filter((f: { rule: string }) => f.rule === 'CNP-3.1.1-2')).toEqual([]);
    expect(first.body.draft.plannedRetirements).toEqual(plan.plannedRetirements);
    await t.http.post(`/v1/claims/${first.body.id}/submit`).set(applicant.auth).expect(200);
    await assignCertifier(t, first.body.id, certifier.id);
    await verifyClaim(t, first.body.id);
    const validFrom = todayJst();
    // CNP-3.3.2: a plan has effect over its plan period; 2.3.3 (the certifier's validity) is not applied to plans (3.3.1).
    const wrongValidity = await t.http.post(`/v1/claims/${first.body.id}/certify`).set(certifier.auth).send({ validFrom, validTo: addDaysIso(validFrom, 364) }).expect(400);
    expect(wrongValidity.body.errors).toEqual([expect.objectContaining({ rule: 'CNP-3.3.2' })]);
    const certified = await t.http.post(`/v1/claims/${first.body.id}/certify`).set(certifier.auth).send({}).expect(200);
    expect(certified.body).toMatchObject({ certificationNumber: expect.stringMatching(/^CNP-\d{4}-\d{4}$/), validFrom: '2024-04-01', validTo: '2025-09-30' });

    const second = await t.http.post('/v1/claims').set(t.admin).send(plan).expect(201);
    expect(second.body.findings).toEqual(expect.arrayContaining([expect.objectContaining({ rule: 'CNP-3.1.6', severity: 'warning' })]));
    await t.http.post(`/v1/claims/${second.body.id}/submit`).set(applicant.auth).expect(200);
    await assignCertifier(t, second.body.id, certifier.id);
    await verifyClaim(t, second.body.id);
    const refused = await t.http.post(`/v1/claims/${second.body.id}/certify`).set(certifier.auth).send({}).expect(422);
    expect(refused.body.errors).toEqual([expect.objectContaining({ rule: 'CNP-3.1.6' })]);
    await t.http.post(`/v1/claims/${second.body.id}/certify`).set(certifier.auth).send({ allowAdditionalPlan: true }).expect(200);

    const cn = { type: 'CN', declarations: { independentOfCertifierAndVerifier: true }, boundary: '本社', targetPeriod: plan.targetPeriod, baseYear: 2013, emissions: plan.emissions, planClaimId: first.body.id };
    // Civil Code counting: six months after a target period ending 2025-09-30 runs to 2026-03-31,
    // counted to the day the registry received the CN application, whatever date is declared.
    const late = await t.http.post('/v1/claims').set(t.admin).send({ ...cn, applicantId: applicant.id, receivedOn: '2026-04-01' }).expect(400);
    expect(late.body.errors).toEqual([expect.objectContaining({ rule: 'CNP-3.1.4' })]);
    // Not naming the plan changes nothing: a plan holder's CN claim for the plan's target period is plan-backed.
    const { planClaimId: _named, ...unnamed } = cn;
    const lateUnnamed = await t.http.post('/v1/claims').set(t.admin).send({ ...unnamed, applicantId: applicant.id, receivedOn: '2026-04-01' }).expect(400);
    expect(lateUnnamed.body.errors).toEqual([expect.objectContaining({ rule: 'CNP-3.1.4' })]);
    const declared = await t.http.post('/v1/claims').set(applicant.auth).send({ ...cn, applicationDate: '2026-03-31' });
    if (todayJst() > '2026-03-31') expect(declared.status).toBe(400); // received today: too late, the declared date changes nothing
    const onTime = await t.http.post('/v1/claims').set(t.admin).send({ ...cn, applicantId: applicant.id, receivedOn: '2026-03-31' }).expect(201);

    // CNP-3.3.2: the plan has effect until its holder obtains CN certification.
    await retire(['JCL-ERL-R700-100-114'], onTime.body.id).expect(201);
    await t.http.post(`/v1/claims/${onTime.body.id}/submit`).set(applicant.auth).expect(200);
    await assignCertifier(t, onTime.body.id, certifier.id);
    await verifyClaim(t, onTime.body.id);
    await t.http.post(`/v1/claims/${onTime.body.id}/certify`).set(certifier.auth).send({ validFrom, validTo: addDaysIso(validFrom, 364) }).expect(200);
    const planAfter = await t.http.get(`/v1/claims/${first.body.id}`).set(applicant.auth).expect(200);
    expect(planAfter.body).toMatchObject({ validFrom: '2024-04-01', validTo: todayJst() });
  });

  it('CN-2.3.3-1: validity must start within 6 months of certification and last at most 1 year', async () => {
    const claim = await t.http
      .post('/v1/claims')
      .set(applicant.auth)
      .send({ type: 'CN', declarations: { independentOfCertifierAndVerifier: true }, boundary: 'x', targetPeriod: { start: '2024-04-01', end: '2025-03-31' }, baseYear: 2013, emissions: { scope1: '1', scope2: '0' } })
      .expect(201);
    await retire(['JCL-ERL-R700-10-10'], claim.body.id).expect(201);
    await t.http.post(`/v1/claims/${claim.body.id}/submit`).set(applicant.auth).expect(200);
    await assignCertifier(t, claim.body.id, certifier.id);
    await verifyClaim(t, claim.body.id);
    const validFrom = todayJst();
    const tooLong = await t.http.post(`/v1/claims/${claim.body.id}/certify`).set(certifier.auth).send({ validFrom, validTo: addDaysIso(validFrom, 400) }).expect(400);
    expect(tooLong.body.errors).toEqual([expect.objectContaining({ rule: 'CN-2.3.3-1' })]);
  });
});
