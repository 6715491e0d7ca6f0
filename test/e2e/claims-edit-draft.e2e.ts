import { CN_DRAFT } from '../support/access-fixtures';
import { declared } from '../support/claims';
import { createOrganizationWithKey, startTestApp, type TestApp } from '../support/test-app';

describe('PATCH /v1/claims/{id}: a draft is edited with a JSON Merge Patch, journaled (issue 15)', () => {
  let t: TestApp;
  let applicant: Awaited<ReturnType<typeof createOrganizationWithKey>>;
  let provider: Awaited<ReturnType<typeof createOrganizationWithKey>>;
  let auditor: Awaited<ReturnType<typeof createOrganizationWithKey>>;
  beforeAll(async () => {
    t = await startTestApp();
    applicant = await createOrganizationWithKey(t, ['applicant']);
    provider = await createOrganizationWithKey(t, ['provider']);
    auditor = await createOrganizationWithKey(t, ['auditor']);
  });
  afterAll(() => t.close());

  const file = async () => (await t.http.post('/v1/claims').set(applicant.auth).send(declared(CN_DRAFT)).expect(201)).body as { id: string; requiredTonnes: string };
  const patch = (id: string, body: unknown, auth = applicant.auth) => t.http.patch(`/v1/claims/${id}`).set(auth).send(body as object);

  it('changes only what the patch names, recomputes the required tonnes and journals the edited draft', async () => {
    const claim = await file();
    expect(claim.requiredTonnes).toBe('2001');
    const edited = await patch(claim.id, { boundary: '本社のみ', emissions: { scope2: '100' } }).expect(200);
    expect(edited.body).toMatchObject({ status: 'draft', requiredTonnes: '1301', draft: { boundary: '本社のみ', emissions: { scope1: '1200.4', scope2: '100' }, baseYear: 2013 } });
    const entries = (await t.http.get('/v1/ledger/entries').set(auditor.auth).query({ type: 'claim.edited' }).expect(200)).body.items as { payload: string }[];
    expect(entries.map((e) => JSON.parse(e.payload).claimId)).toContain(claim.id);
    expect((await t.http.get(`/v1/claims/${claim.id}`).set(applicant.auth).expect(200)).body.draft.boundary).toBe('本社のみ');
  });

  it('holds the edited draft to the rules a new one meets (CN-2.1.2-3) and leaves it unchanged when refused', async () => {
    const claim = await file();
    const refused = await patch(claim.id, { targetPeriod: { end: '2025-03-30' } }).expect(400);
    expect(refused.body).toMatchObject({ code: 'RULE_VIOLATION', errors: [expect.objectContaining({ rule: 'CN-2.1.2-3' })] });
    expect((await patch(claim.id, { emissions: { scope1: 'lots' } }).expect(400)).body.errors[0].field).toBe('emissions.scope1');
    expect((await patch(claim.id, { type: 'CFP' }).expect(400)).body.errors.map((e: { field: string }) => e.field)).toContain('type');
    expect((await patch(claim.id, { receivedOn: '2020-01-01' }).expect(400)).body.errors[0].field).toBe('receivedOn');
    expect((await patch(claim.id, ['not', 'an', 'object']).expect(400)).body.errors[0].field).toBe('body');
    expect((await t.http.get(`/v1/claims/${claim.id}`).set(applicant.auth).expect(200)).body).toMatchObject({ requiredTonnes: '2001', draft: { targetPeriod: CN_DRAFT.targetPeriod } });
  });

  it('is for the applicant only, and only while the claim is a draft', async () => {
    const claim = await file();
    await t.http.post(`/v1/claims/${claim.id}/providers`).set(applicant.auth).send({ providerId: provider.id }).expect(201);
    expect((await patch(claim.id, { boundary: 'x' }, provider.auth).expect(403)).body.code).toBe('FORBIDDEN');
    const withdrawn = await file();
    await t.http.post(`/v1/claims/${withdrawn.id}/withdraw`).set(applicant.auth).send({ reason: 'filed twice' }).expect(200);
    expect((await patch(withdrawn.id, { boundary: 'x' }).expect(409)).body).toMatchObject({ code: 'INVALID_STATE', claimStatus: 'withdrawn' });
  });

  it('accepts the merge-patch media type', async () => {
    const claim = await file();
    const res = await t.http.patch(`/v1/claims/${claim.id}`).set(applicant.auth).set('Content-Type', 'application/merge-patch+json').send(JSON.stringify({ boundary: '国内全事業所' })).expect(200);
    expect(res.body.draft.boundary).toBe('国内全事業所');
  });
});
