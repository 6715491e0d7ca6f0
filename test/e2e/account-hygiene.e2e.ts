import { CN_DRAFT } from '../support/access-fixtures';
import { createOrganizationWithKey, startTestApp, type TestApp } from '../support/test-app';

describe('account hygiene: renaming an organisation, withdrawing a provider’s authorisation', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await startTestApp();
  });
  afterAll(() => t.close());

  const journal = async (type: string) =>
    ((await t.http.get('/v1/ledger/entries').set(auditorAuth).query({ limit: '1000' }).expect(200)).body.items as { type: string; payload: string }[])
      .filter((e) => e.type === type)
      .map((e) => ({ ...e, payload: JSON.parse(e.payload) as unknown }));
  let auditorAuth: Record<string, string>;
  beforeAll(async () => {
    auditorAuth = (await createOrganizationWithKey(t, ['auditor'])).auth;
  });

  it('the admin renames an organisation; the journal keeps the old and the new name', async () => {
    const org = await createOrganizationWithKey(t, ['provider']);
    const renamed = await t.http.patch(`/v1/organizations/${org.id}`).set(t.admin).send({ name: '株式会社新社名' }).expect(200);
    expect(renamed.body).toMatchObject({ id: org.id, name: '株式会社新社名', roles: ['provider'] });
    expect((await t.http.get(`/v1/organizations/${org.id}`).set(t.admin).expect(200)).body.name).toBe('株式会社新社名');
    expect(await journal('organization.renamed')).toEqual([expect.objectContaining({ payload: { organizationId: org.id, from: 'org provider', to: '株式会社新社名' } })]);
  });

  it.each([
    [{ name: '' }, 'name'],
    [{ name: 'a\u202eb' }, 'name'],
    [{ name: 'x', roles: ['admin'] }, 'roles'],
  ])('refuses %j naming %s, changing nothing', async (body, field) => {
    const org = await createOrganizationWithKey(t, ['provider']);
    const res = await t.http.patch(`/v1/organizations/${org.id}`).set(t.admin).send(body).expect(400);
    expect(res.body.errors.map((e: { field: string }) => e.field)).toContain(field);
    expect((await t.http.get(`/v1/organizations/${org.id}`).set(t.admin).expect(200)).body.name).toBe('org provider');
  });

  it('only the admin renames (an organisation cannot rename itself), and an unknown id is 404', async () => {
    const org = await createOrganizationWithKey(t, ['provider']);
    expect((await t.http.patch(`/v1/organizations/${org.id}`).set(org.auth).send({ name: 'self' }).expect(403)).body.code).toBe('FORBIDDEN');
    expect((await t.http.patch('/v1/organizations/0190a000-0000-7000-8000-000000000000').set(t.admin).send({ name: 'x' }).expect(404)).body.code).toBe('NOT_FOUND');
  });

  it('an applicant withdraws a provider’s authorisation: no new retirements for the claim, the earlier one stays', async () => {
    const applicant = await createOrganizationWithKey(t, ['applicant'], { corporateNumber: '7000012050002' });
    const provider = await createOrganizationWithKey(t, ['provider']);
    const claim = (await t.http.post('/v1/claims').set(applicant.auth).send(CN_DRAFT).expect(201)).body;
    await t.http.post(`/v1/claims/${claim.id}/providers`).set(applicant.auth).send({ providerId: provider.id }).expect(201);
    await t.http.post('/v1/holdings').set(provider.auth).send({ serial: 'JCL-ERL-R870-1-100', evidence: { registry: 'J-Credit registry', reference: 's' } }).expect(201);
    const retire = (serial: string) => t.http.post('/v1/retirements').set(provider.auth).send({ serials: [serial], beneficiary: 'B', purpose: 'P', claimId: claim.id });
    const earlier = (await retire('JCL-ERL-R870-1-10').expect(201)).body;

    expect((await t.http.delete(`/v1/claims/${claim.id}/providers/${provider.id}`).set(provider.auth).expect(403)).body.code).toBe('FORBIDDEN');
    await t.http.delete(`/v1/claims/${claim.id}/providers/${provider.id}`).set(applicant.auth).expect(204);
    expect((await retire('JCL-ERL-R870-11-20').expect(403)).body.code).toBe('FORBIDDEN');
    expect((await t.http.get(`/v1/retirements/${earlier.id}`).expect(200)).body).toMatchObject({ status: 'active', claimId: claim.id });
    expect((await t.http.get(`/v1/claims/${claim.id}`).set(applicant.auth).expect(200)).body.retiredTonnes).toBe('10');
    expect((await t.http.delete(`/v1/claims/${claim.id}/providers/${provider.id}`).set(applicant.auth).expect(404)).body.code).toBe('NOT_FOUND');
    expect(await journal('claim.provider_revoked')).toEqual([expect.objectContaining({ payload: { claimId: claim.id, providerId: provider.id } })]);
  });
});
