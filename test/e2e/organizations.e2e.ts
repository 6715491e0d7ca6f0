import { corporateNumberCheckDigit } from '@registry/domain';
import { startTestApp, type TestApp } from '../support/test-app';

describe('POST /v1/organizations', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await startTestApp();
  });
  afterAll(() => t.close());

  it('creates an organisation with a valid 法人番号', async () => {
    const res = await t.http
      .post('/v1/organizations')
      .set(t.admin)
      .send({ name: '国税庁', corporateNumber: '7000012050002', roles: ['provider', 'applicant'] })
      .expect(201);
    expect(res.body).toEqual({
      id: expect.stringMatching(/^[0-9a-f-]{36}$/),
      name: '国税庁',
      corporateNumber: '7000012050002',
      roles: ['applicant', 'provider'],
      createdAt: expect.any(String),
    });
    const fetched = await t.http.get(`/v1/organizations/${res.body.id}`).set(t.admin).expect(200);
    expect(fetched.body).toEqual(res.body);
  });

  it('answers 400 INVALID_CORPORATE_NUMBER for a wrong check digit and writes nothing', async () => {
    const res = await t.http
      .post('/v1/organizations')
      .set(t.admin)
      .send({ name: 'X', corporateNumber: '1000012050002', roles: ['provider'] })
      .expect(400);
    expect(res.body).toMatchObject({ code: 'INVALID_CORPORATE_NUMBER', field: 'corporateNumber' });
    const rows = await t.dataSource.query("SELECT COUNT(*) AS n FROM organizations WHERE name = 'X'");
    expect(Number(rows[0].n)).toBe(0);
  });

  it('answers 409 DUPLICATE_CORPORATE_NUMBER for a second organisation with the same number, even concurrently', async () => {
    const body = { name: 'Twin', corporateNumber: `${corporateNumberCheckDigit('010401000009')}010401000009`, roles: ['provider'] };
    const results = await Promise.all(Array.from({ length: 8 }, () => t.http.post('/v1/organizations').set(t.admin).send(body)));
    const statuses = results.map((r) => r.status).sort();
    expect(statuses).toEqual([201, 409, 409, 409, 409, 409, 409, 409]);
    expect(results.find((r) => r.status === 409)?.body.code).toBe('DUPLICATE_CORPORATE_NUMBER');
  });

  it('accepts an organisation without a corporate number (e.g. a foreign entity)', async () => {
    const res = await t.http.post('/v1/organizations').set(t.admin).send({ name: 'Foreign Ltd', roles: ['auditor'] }).expect(201);
    expect(res.body.corporateNumber).toBeNull();
  });

  it('answers 404 for an unknown organisation id', async () => {
    const res = await t.http.get('/v1/organizations/not-an-id').set(t.admin).expect(404);
    expect(res.body.code).toBe('NOT_FOUND');
  });
});
