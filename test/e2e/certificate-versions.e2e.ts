import { verifyCertificate } from '@registry/domain';
import type { JsonWebKey } from 'node:crypto';
import { assignCertifier, declared, verifyClaim } from '../support/claims';
import { addDaysIso, todayJst } from '../support/dates';
import { createOrganizationWithKey, eventually, logSettled, startTestApp, type TestApp } from '../support/test-app';
import { TEST_ENGINE } from '../support/test-engine';

type Org = Awaited<ReturnType<typeof createOrganizationWithKey>>;

const OFFICIAL = { registry: 'J-Credit registry', reference: '無効化通知 JCR-2026-000777' };
const CN_DRAFT = declared({ type: 'CN', boundary: '本社', targetPeriod: { start: '2024-04-01', end: '2025-03-31' }, baseYear: 2013, emissions: { scope1: '1', scope2: '0' } });
const CFP_DRAFT = declared({ type: 'CFP', product: { name: 'ボールペン', cfpVerificationNumber: 'CV-AB01-001' }, cfpPerUnitKg: '2.5', quantity: '400', period: { start: '2024-04-01', end: '2025-03-31' } });

/** Issue 14 "Official references": a retirement of held parts is pending until the managing registry's reference is recorded. */
describe(`official references and certificate versions (${TEST_ENGINE})`, () => {
  let t: TestApp;
  let provider: Org;
  let other: Org;
  let certifier: Org;
  let keys: JsonWebKey[];

  beforeAll(async () => {
    t = await startTestApp();
    provider = await createOrganizationWithKey(t, ['provider', 'applicant']);
    other = await createOrganizationWithKey(t, ['provider']);
    certifier = await createOrganizationWithKey(t, ['certifier']);
    await t.http.post('/v1/holdings').set(provider.auth).send({ serial: 'JCL-ERL-R600-1-1000', evidence: { registry: 'J-Credit registry', reference: 'account statement 0001' } }).expect(201);
    keys = (await t.http.get('/v1/certificate-keys').expect(200)).body.keys;
  });
  afterAll(() => t.close());

  const retire = (serial: string, extra: Record<string, unknown> = {}) =>
    t.http.post('/v1/retirements').set(provider.auth).send({ serials: [serial], beneficiary: '株式会社サンプル', purpose: 'カーボン・オフセット', ...extra }).expect(201);
  const certificate = (number: string, version?: number) =>
    t.http.get(`/v1/certificates/${number}`).query(version ? { version } : {});

  it('records a retirement of held parts without evidence as pending; its certificate says so, signed', async () => {
    const { body: retirement } = await retire('JCL-ERL-R600-1-10');
    expect(retirement).toMatchObject({ officialReference: 'pending', evidence: null });
    const v1 = (await certificate(retirement.certificateNumber).expect(200)).body;
    expect(v1).toMatchObject({ version: 1, officialReference: 'pending', evidence: null, status: 'valid' });
    expect(verifyCertificate(v1, keys)).toEqual({ valid: true });
    const ja = await t.http.get(`/verify/${retirement.certificateNumber}`).query({ lang: 'ja' }).expect(200);
    expect(ja.text).toContain('保留中');
    expect(ja.text).not.toContain('本登録簿内での償却');
    const en = await t.http.get(`/verify/${retirement.certificateNumber}`).query({ lang: 'en' }).expect(200);
    expect(en.text).toContain('Pending');
    const given = (await retire('JCL-ERL-R600-11-20', { evidence: OFFICIAL })).body;
    expect(given).toMatchObject({ officialReference: 'recorded', evidence: OFFICIAL });
  });

  it('adds the evidence once, journaled; the certificate keeps its number and gains a signed version 2, version 1 still verifiable', async () => {
    const { body: retirement } = await retire('JCL-ERL-R600-21-30');
    const number = retirement.certificateNumber;
    const path = `/v1/retirements/${retirement.id}/evidence`;

    expect((await t.http.post(path).set(other.auth).send(OFFICIAL).expect(403)).body.code).toBe('FORBIDDEN');
    expect((await t.http.post(path).set(provider.auth).send({ registry: 'J-Credit registry' }).expect(400)).body.errors).toContainEqual(expect.objectContaining({ field: 'reference' }));
    expect((await t.http.post(path).set(provider.auth).send({ ...OFFICIAL, reference: 'MK\u202e1' }).expect(400)).body.code).toBe('VALIDATION_FAILED');
    await t.http.post('/v1/retirements/00000000-0000-4000-8000-000000000000/evidence').set(provider.auth).send(OFFICIAL).expect(404);

    const recorded = (await t.http.post(path).set(provider.auth).send(OFFICIAL).expect(200)).body;
    expect(recorded).toMatchObject({ id: retirement.id, officialReference: 'recorded', evidence: OFFICIAL, certificateNumber: number, evidenceRecordedAt: expect.any(String) });
    const again = await t.http.post(path).set(provider.auth).send({ ...OFFICIAL, reference: 'another' }).expect(409);
    expect(again.body.code).toBe('EVIDENCE_ALREADY_RECORDED');
    expect((await t.http.get(`/v1/retirements/${retirement.id}`).expect(200)).body).toMatchObject({ officialReference: 'recorded', evidence: OFFICIAL });

    await logSettled(t); // the sequencer adds `log` to a certificate once it places it: read both versions after that
    const latest = (await certificate(number).expect(200)).body;
    expect(latest).toMatchObject({ number, version: 2, officialReference: 'recorded', evidence: OFFICIAL, status: 'valid', retirementId: retirement.id, quantity: '10' });
    const first = (await certificate(number, 1).expect(200)).body;
    expect(first).toMatchObject({ number, version: 1, officialReference: 'pending', evidence: null });
    expect((await certificate(number, 2).expect(200)).body).toEqual(latest);
    for (const version of [first, latest]) expect(verifyCertificate(version, keys)).toEqual({ valid: true });
    expect(latest.digest).not.toBe(first.digest);
    expect(verifyCertificate({ ...latest, evidence: first.evidence }, keys).valid).toBe(false);

    expect((await certificate(number, 3).expect(404)).body.code).toBe('NOT_FOUND');
    expect((await certificate(number).query({ version: 'x' }).expect(400)).body.errors).toEqual([expect.objectContaining({ field: 'version' })]);

    const page = await t.http.get(`/verify/${number}`).query({ lang: 'en' }).expect(200);
    expect(page.text).toContain(OFFICIAL.reference);
    expect(page.text).toContain('version 2');
    expect(page.text).toContain(`/v1/certificates/${number}?version=1`);

    const pdf = await eventually(async () => {
      const res = await t.http.get(`/v1/certificates/${number}.pdf`);
      return res.status === 200 ? res : undefined;
    }, 30_000);
    expect(pdf.headers['content-type']).toBe('application/pdf');
    await eventually(async () => ((await t.http.get(`/v1/certificates/${number}.pdf`).query({ version: 1 })).status === 200 ? true : undefined), 30_000);

    const journal = await t.dataSource.query(`SELECT type, payload FROM journal_entries WHERE type = 'retirement.evidence_recorded'`);
    expect(journal.map((j: { payload: string }) => JSON.parse(j.payload))).toContainEqual(
      expect.objectContaining({ retirementId: retirement.id, evidence: OFFICIAL, certificateNumber: number, certificateVersion: 2 }),
    );
    expect((await t.http.get('/v1/ledger/verify').set((await createOrganizationWithKey(t, ['auditor'])).auth).expect(200)).body).toMatchObject({ ok: true });
  }, 20_000); // two PDFs are rendered in-process before it ends

  it('refuses evidence for a voided retirement (409 INVALID_STATE); the revoked certificate still verifies (revocation is unsigned, like status)', async () => {
    const { body: retirement } = await retire('JCL-ERL-R600-31-40');
    await t.http.post(`/v1/retirements/${retirement.id}/void`).set(t.admin).send({ reason: 'entered in error' }).expect(200);
    const revoked = (await certificate(retirement.certificateNumber).expect(200)).body;
    expect(revoked).toMatchObject({ status: 'revoked', revocation: { reason: 'entered in error' } });
    expect(verifyCertificate(revoked, keys)).toEqual({ valid: true });
    expect((await t.http.post(`/v1/retirements/${retirement.id}/evidence`).set(provider.auth).send(OFFICIAL).expect(409)).body.code).toBe('INVALID_STATE');
  });

  async function submitted(draft: object, serial: string) {
    const claim = (await t.http.post('/v1/claims').set(provider.auth).send(draft).expect(201)).body;
    const retirement = (await retire(serial, { claimId: claim.id })).body;
    await t.http.post(`/v1/claims/${claim.id}/submit`).set(provider.auth).expect(200);
    await assignCertifier(t, claim.id, certifier.id);
    if (claim.type !== 'CFP') await verifyClaim(t, claim.id);
    return { claim, retirement };
  }

  it.each([
    ['CN-2.1.6-evidence', CN_DRAFT, 'JCL-ERL-R600-41-41', { validFrom: todayJst(), validTo: addDaysIso(todayJst(), 364) }],
    ['CFP-art9-evidence', CFP_DRAFT, 'JCL-ERL-R600-42-42', {}],
  ])('%s: a claim is not certified while a retirement backing it is pending; it is once the reference is recorded', async (rule, draft, serial, validity) => {
    const { claim, retirement } = await submitted(draft, serial);
    const refused = await t.http.post(`/v1/claims/${claim.id}/certify`).set(certifier.auth).send(validity).expect(422);
    expect(refused.body).toMatchObject({ code: 'RULE_VIOLATION', errors: [expect.objectContaining({ rule, message: expect.stringContaining(retirement.certificateNumber) })] });
    expect((await t.http.get(`/v1/claims/${claim.id}`).set(provider.auth).expect(200)).body.status).toBe('submitted');
    await t.http.post(`/v1/retirements/${retirement.id}/evidence`).set(provider.auth).send(OFFICIAL).expect(200);
    const certified = await t.http.post(`/v1/claims/${claim.id}/certify`).set(certifier.auth).send(validity).expect(200);
    expect(certified.body.status).toBe('certified');
  });
});
