import { createOrganizationWithKey, logSettled, startTestApp, type TestApp } from '../support/test-app';

/**
 * LEDGER-1 under concurrency: many overlapping retirements of one block fired at once give exactly
 * one 201; the rest 409, never a 5xx, and the ledger ends with that one retirement only.
 */
describe('concurrent retirements of one block', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await startTestApp();
  });
  afterAll(() => t.close());

  it('40 overlapping retirements at once: exactly one 201, the rest 409', async () => {
    const provider = await createOrganizationWithKey(t, ['provider']);
    const rival = await createOrganizationWithKey(t, ['provider']);
    const auditor = await createOrganizationWithKey(t, ['auditor']);
    await t.http.post('/v1/holdings').set(provider.auth).send({ serial: 'JCL-ERL-C1-1-1000', evidence: { registry: 'J-Credit registry', reference: 'account statement 0001' } }).expect(201);
    await logSettled(t);
    const before = (await t.http.get('/v1/ledger/head').set(auditor.auth).expect(200)).body.sequence;
    const requests = Array.from({ length: 40 }, (_, i) => {
      const start = 1 + (i % 10) * 10;
      const who = i % 4 === 3 ? rival : provider;
      return t.http
        .post('/v1/retirements')
        .set(who.auth)
        .send({ serials: [`JCL-ERL-C1-${start}-${start + 500}`], beneficiary: `b${i}`, purpose: 'race', evidence: { registry: 'J-Credit', reference: `r${i}` } });
    });
    const responses = await Promise.all(requests);
    const statuses = responses.map((r) => r.status);
    expect(statuses.filter((s) => s === 201)).toHaveLength(1);
    expect(statuses.filter((s) => s === 409)).toHaveLength(39);
    const winner = responses.find((r) => r.status === 201)!;
    const status = await t.http.get('/v1/serials/status').query({ serial: 'JCL-ERL-C1-1-1000' }).expect(200);
    const retired = status.body.segments.filter((s: { status: string }) => s.status === 'retired');
    expect(retired.map((s: { retirementId: string }) => s.retirementId)).toEqual([winner.body.id]);
    await logSettled(t);
    const verify = await t.http.get('/v1/ledger/verify').set(auditor.auth).expect(200);
    expect(verify.body).toMatchObject({ ok: true, checked: before + 1 });
  });
});
