import { verifyCertificate } from '@registry/domain';
import type { JsonWebKey } from 'node:crypto';
import { assignCertifier, declared, verifyClaim } from '../support/claims';
import { addDaysIso, todayJst } from '../support/dates';
import { createOrganizationWithKey, eventually, startTestApp, type TestApp } from '../support/test-app';
import { TEST_ENGINE } from '../support/test-engine';

type Org = Awaited<ReturnType<typeof createOrganizationWithKey>>;

const OFFICIAL = { registry: 'J-Credit registry', reference: '無効化通知 JCR-2026-000901' };
const CN_DRAFT = declared({ type: 'CN', boundary: '本社', targetPeriod: { start: '2024-04-01', end: '2025-03-31' }, baseYear: 2013, emissions: { scope1: '2', scope2: '0' } });
const CFP_DRAFT = declared({ type: 'CFP', product: { name: 'ボールペン', cfpVerificationNumber: 'CV-AB01-001' }, cfpPerUnitKg: '2.5', quantity: '400', period: { start: '2024-04-01', end: '2025-03-31' } });

/** Issue 16 "The claim's own certificate": signed at certification, verifiable like retirement certificates, its status following the claim. */
describe(`claim certificates (${TEST_ENGINE})`, () => {
  let t: TestApp;
  let applicant: Org;
  let certifier: Org;
  let keys: JsonWebKey[];
  let serial = 0;

  beforeAll(async () => {
    t = await startTestApp();
    applicant = await createOrganizationWithKey(t, ['provider', 'applicant']);
    certifier = await createOrganizationWithKey(t, ['certifier']);
    await t.http.post('/v1/holdings').set(applicant.auth).send({ serial: 'JCL-ERL-R610-1-1000', evidence: { registry: 'J-Credit registry', reference: 'account statement 0001' } }).expect(201);
    keys = (await t.http.get('/v1/certificate-keys').expect(200)).body.keys;
  });
  afterAll(() => t.close());

  const act = (org: Org, claimId: string, action: string, body: object = {}) => t.http.post(`/v1/claims/${claimId}/${action}`).set(org.auth).send(body);
  const certificate = async (number: string) => (await t.http.get(`/v1/certificates/${number}`).expect(200)).body;
  const verifyPage = (number: string, lang = 'en') => t.http.get(`/verify/${number}`).query({ lang }).expect(200);
  const pdfOf = (number: string) =>
    eventually(async () => {
      const res = await t.http.get(`/v1/certificates/${number}.pdf`).buffer(true);
      return res.status === 200 ? res : undefined;
    }, 30_000);

  /** A claim backed by one-tonne retirements with their official reference, submitted, certified by its assigned certifier. */
  async function certified(draft: object, tonnes: number, validity: object) {
    const claim = (await t.http.post('/v1/claims').set(applicant.auth).send(draft).expect(201)).body;
    const retirements = [];
    for (let i = 0; i < tonnes; i++) {
      const serials = [`JCL-ERL-R610-${++serial}-${serial}`];
      retirements.push(
        (await t.http.post('/v1/retirements').set(applicant.auth).send({ serials, claimId: claim.id, beneficiary: '株式会社サンプル', purpose: 'offset', evidence: OFFICIAL }).expect(201)).body,
      );
    }
    await act(applicant, claim.id, 'submit').expect(200);
    await assignCertifier(t, claim.id, certifier.id);
    if (claim.type !== 'CFP') await verifyClaim(t, claim.id);
    const done = (await act(certifier, claim.id, 'certify', validity).expect(200)).body;
    return { claim: done, retirements };
  }

  const cnValidity = () => ({ validFrom: todayJst(), validTo: addDaysIso(todayJst(), 364) });

  it('certification issues a signed certificate under the certification number, listing the figures and the retirement certificates', async () => {
    const { claim, retirements } = await certified(CN_DRAFT, 2, cnValidity());
    expect(claim.certificationNumber).toMatch(/^CN-\d{4}-\d{4}$/);
    const doc = await certificate(claim.certificationNumber);
    expect(doc).toMatchObject({
      kind: 'claim',
      number: claim.certificationNumber,
      version: 1,
      status: 'valid',
      claimId: claim.id,
      type: 'CN',
      applicant: { id: applicant.id },
      certifier: { id: certifier.id },
      boundary: '本社',
      targetPeriod: CN_DRAFT.targetPeriod,
      certifiedOn: todayJst(),
      validFrom: todayJst(),
      validTo: addDaysIso(todayJst(), 364),
      requiredTonnes: '2',
      retiredTonnes: '2',
      retirementCertificates: retirements.map((r) => r.certificateNumber),
    });
    expect(verifyCertificate(doc, keys)).toEqual({ valid: true });
    expect(verifyCertificate({ ...doc, retiredTonnes: '3' }, keys).valid).toBe(false);
    expect(verifyCertificate({ ...doc, validTo: '2099-12-31' }, keys).valid).toBe(false);

    const page = await verifyPage(claim.certificationNumber);
    expect(page.text).toContain(claim.certificationNumber);
    expect(page.text).toContain('Carbon Neutral certification');
    expect(page.text).toContain(`/verify/${retirements[0].certificateNumber}?lang=en`);
    expect(page.text).not.toMatch(/<script/i);
    expect((await verifyPage(claim.certificationNumber, 'ja')).text).toContain('有効');
    const pdf = await pdfOf(claim.certificationNumber);
    expect(pdf.headers['content-type']).toBe('application/pdf');
    expect((pdf.body as Buffer).subarray(0, 5).toString()).toBe('%PDF-');

    const retirement = await certificate(retirements[0].certificateNumber);
    expect(retirement).toMatchObject({ claimCertificate: { number: claim.certificationNumber, status: 'valid' } });
    expect(verifyCertificate(retirement, keys)).toEqual({ valid: true });
    expect((await verifyPage(retirements[0].certificateNumber)).text).toContain(`/verify/${claim.certificationNumber}?lang=en`);
  });

  it('CN-2.3.5 / CN-2.3.6: the status follows suspension, reinstatement and revocation; the signature stays valid; retirement certificates say the claim is no longer valid', async () => {
    const { claim, retirements } = await certified(CN_DRAFT, 2, cnValidity());
    const number = claim.certificationNumber;
    const issued = await certificate(number);

    const today = new Date().toLocaleDateString('sv-SE', { timeZone: 'Asia/Tokyo' });
    await act(certifier, claim.id, 'recommend-correction', { reason: '算定方法の誤り', dueOn: today }).expect(200);
    await act(certifier, claim.id, 'suspend', { reason: '是正勧告に従わない' }).expect(200);
    const suspended = await certificate(number);
    expect(suspended).toMatchObject({ status: 'suspended', statusChange: { reason: '是正勧告に従わない' }, digest: issued.digest });
    expect(verifyCertificate(suspended, keys)).toEqual({ valid: true });
    const retirement = await certificate(retirements[1].certificateNumber);
    expect(retirement.claimCertificate).toEqual({ number, status: 'suspended' });
    expect(verifyCertificate(retirement, keys)).toEqual({ valid: true });
    expect((await verifyPage(retirements[1].certificateNumber)).text).toContain('no longer valid');
    expect((await verifyPage(retirements[1].certificateNumber, 'ja')).text).toContain('現在有効ではありません');
    expect((await verifyPage(number)).text).toContain('Suspended');
    await pdfOf(number);

    await act(certifier, claim.id, 'reinstate', { reason: '是正済み' }).expect(200);
    expect((await certificate(number)).status).toBe('valid');
    await act(certifier, claim.id, 'revoke', { reason: '虚偽の報告', ground: 'urgent' }).expect(200);
    const revoked = await certificate(number);
    expect(revoked).toMatchObject({ status: 'revoked', statusChange: { reason: '虚偽の報告' } });
    expect(verifyCertificate(revoked, keys)).toEqual({ valid: true });
    expect((await certificate(retirements[0].certificateNumber)).claimCertificate).toEqual({ number, status: 'revoked' });
    expect((await verifyPage(number)).text).toContain('虚偽の報告');
    await pdfOf(number);
  });

  it('CN-2.3.3: expired the day after validTo (Japan date)', async () => {
    const { claim } = await certified(CN_DRAFT, 2, cnValidity());
    const yesterday = addDaysIso(todayJst(), -1);
    await t.dataSource.query(`UPDATE claims SET valid_to = ${TEST_ENGINE === 'postgres' ? '$1' : '?'} WHERE id = ${TEST_ENGINE === 'postgres' ? '$2' : '?'}`, [yesterday, claim.id]);
    const expired = await certificate(claim.certificationNumber);
    expect(expired.status).toBe('expired');
    expect(verifyCertificate(expired, keys)).toEqual({ valid: true });
    expect((await verifyPage(claim.certificationNumber)).text).toContain('Expired');
    await pdfOf(claim.certificationNumber);
  });

  it('CN-2.3.3-2: past validTo the certificate stays valid while a renewal received within the validity (receivedOn) awaits its decision', async () => {
    const { claim, retirements } = await certified(CN_DRAFT, 2, cnValidity());
    const p = (n: number) => (TEST_ENGINE === 'postgres' ? `$${n}` : '?');
    await t.dataSource.query(`UPDATE claims SET valid_from = ${p(1)}, valid_to = ${p(2)} WHERE id = ${p(3)}`, [addDaysIso(todayJst(), -20), addDaysIso(todayJst(), -1), claim.id]);
    // Received five days ago, within the validity, entered today by the administrator (API.md "Claims").
    const receivedOn = addDaysIso(todayJst(), -5);
    const renewal = (
      await t.http.post('/v1/claims').set(t.admin).send({ ...CN_DRAFT, applicantId: applicant.id, receivedOn, targetPeriod: { start: '2025-04-01', end: '2026-03-31' } }).expect(201)
    ).body;
    for (let i = 0; i < 2; i++) {
      const serials = [`JCL-ERL-R610-${++serial}-${serial}`];
      await t.http.post('/v1/retirements').set(applicant.auth).send({ serials, claimId: renewal.id, beneficiary: '株式会社サンプル', purpose: 'offset', evidence: OFFICIAL }).expect(201);
    }
    await act(applicant, renewal.id, 'submit').expect(200);

    expect((await t.http.get(`/v1/claims/${claim.id}`).set(applicant.auth).expect(200)).body.pendingRenewal).toEqual({ claimId: renewal.id, filedOn: receivedOn, rule: 'CN-2.3.3-2' });
    const pending = await certificate(claim.certificationNumber);
    expect(pending.status).toBe('valid');
    expect(verifyCertificate(pending, keys)).toEqual({ valid: true });
    expect((await certificate(retirements[0].certificateNumber)).claimCertificate).toEqual({ number: claim.certificationNumber, status: 'valid' });

    // Once the renewal is decided (here withdrawn before a decision), the validity has ended.
    await act(applicant, renewal.id, 'withdraw', { reason: '申請取下げ' }).expect(200);
    expect((await certificate(claim.certificationNumber)).status).toBe('expired');
    expect((await certificate(retirements[0].certificateNumber)).claimCertificate).toEqual({ number: claim.certificationNumber, status: 'expired' });
  });

  it('CFP-art18: a CFP notification gets its certificate under its notification number, withdrawn when the offset is withdrawn', async () => {
    const { claim, retirements } = await certified(CFP_DRAFT, 1, {});
    expect(claim.certificationNumber).toMatch(/^CFP-\d{4}-\d{4}$/);
    const doc = await certificate(claim.certificationNumber);
    expect(doc).toMatchObject({ kind: 'claim', type: 'CFP', status: 'valid', product: CFP_DRAFT.product, period: CFP_DRAFT.period, requiredTonnes: '1', retiredTonnes: '1', retirementCertificates: [retirements[0].certificateNumber] });
    expect(verifyCertificate(doc, keys)).toEqual({ valid: true });
    await act(applicant, claim.id, 'withdraw', { reason: '販売終了' }).expect(200);
    const withdrawn = await certificate(claim.certificationNumber);
    expect(withdrawn).toMatchObject({ status: 'withdrawn', statusChange: { reason: '販売終了' } });
    expect((await certificate(retirements[0].certificateNumber)).claimCertificate).toEqual({ number: claim.certificationNumber, status: 'withdrawn' });
    expect((await verifyPage(claim.certificationNumber)).text).toContain('Withdrawn');
  });

  it('a claim certificate has one version: ?version=2 is 404, an unknown number 404 on every route', async () => {
    const { claim } = await certified(CFP_DRAFT, 1, {});
    await t.http.get(`/v1/certificates/${claim.certificationNumber}`).query({ version: 1 }).expect(200);
    await t.http.get(`/v1/certificates/${claim.certificationNumber}`).query({ version: 2 }).expect(404);
    await t.http.get('/v1/certificates/CN-1999-0001').expect(404);
    await t.http.get('/v1/certificates/CN-1999-0001.pdf').expect(404);
    await t.http.get('/verify/CN-1999-0001').expect(404);
  });
});
