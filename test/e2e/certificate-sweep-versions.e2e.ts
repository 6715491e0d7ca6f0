import { JobQueue, type EnqueueOptions, type JobName, type JobPayloads, type QueueHealth } from '@registry/jobs';
import { CertificatePdfStore, SweepCertificatePdfsUseCase, UnitOfWork } from '@registry/ledger';
import { certificatePdfDatabasePath } from '@registry/persistence';
import Database from 'better-sqlite3';
import { assignCertifier, certifiedClaim, declared, verifyClaim } from '../support/claims';
import { addDaysIso, todayJst } from '../support/dates';
import { createOrganizationWithKey, eventually, startTestApp, type TestApp } from '../support/test-app';
import { TEST_ENGINE } from '../support/test-engine';

class RecordingQueue extends JobQueue {
  readonly jobIds: string[] = [];
  async enqueue<N extends JobName>(_name: N, _payload: JobPayloads[N], options: EnqueueOptions): Promise<void> {
    this.jobIds.push(options.jobId);
  }
  async health(): Promise<QueueHealth> {
    return { ok: true, mode: 'in-process', failed: 0 };
  }
}

const OFFICIAL = { registry: 'J-Credit registry', reference: '無効化通知 JCR-2026-000950' };

/** The repair sweep renders what a crash lost: later certificate versions and claim certificates in the status their claim gives them. */
describe(`PDF repair sweep for certificate versions and claim certificates (${TEST_ENGINE})`, () => {
  let t: TestApp;

  beforeAll(async () => {
    t = await startTestApp();
  });
  afterAll(() => t.close());

  async function forget(number: string, version: number, status: string): Promise<void> {
    if (TEST_ENGINE === 'postgres') {
      await t.dataSource.query(`DELETE FROM certificate_pdfs WHERE number = $1 AND version = $2 AND status = $3`, [number, version, status]);
      return;
    }
    const db = new Database(certificatePdfDatabasePath(t.config.database.engine === 'sqlite' ? t.config.database.sqlitePath : ''));
    try {
      db.prepare(`DELETE FROM certificate_pdfs WHERE number = ? AND version = ? AND status = ?`).run(number, version, status);
    } finally {
      db.close();
    }
  }
  const pdfReady = (number: string) => eventually(async () => ((await t.http.get(`/v1/certificates/${number}.pdf`)).status === 200 ? true : undefined), 30_000);

  it('re-enqueues a lost version 2 PDF and a lost claim certificate PDF for the withdrawn status (CFP-art18)', async () => {
    const applicant = await createOrganizationWithKey(t, ['provider', 'applicant']);
    const certifier = await createOrganizationWithKey(t, ['certifier']);
    await t.http.post('/v1/holdings').set(applicant.auth).send({ serial: 'JCL-ERL-R620-1-100', evidence: { registry: 'J-Credit registry', reference: 'statement' } }).expect(201);
    const draft = declared({ type: 'CFP', product: { name: 'ペン', cfpVerificationNumber: 'CV-1' }, cfpPerUnitKg: '2.5', quantity: '400', period: { start: '2024-04-01', end: '2025-03-31' } });
    const claim = (await t.http.post('/v1/claims').set(applicant.auth).send(draft).expect(201)).body;
    const retirement = (
      await t.http.post('/v1/retirements').set(applicant.auth).send({ serials: ['JCL-ERL-R620-1-1'], claimId: claim.id, beneficiary: 'b', purpose: 'p' }).expect(201)
    ).body;
    await t.http.post(`/v1/retirements/${retirement.id}/evidence`).set(applicant.auth).send(OFFICIAL).expect(200);
    await t.http.post(`/v1/claims/${claim.id}/submit`).set(applicant.auth).expect(200);
    await assignCertifier(t, claim.id, certifier.id);
    if (claim.type !== 'CFP') await verifyClaim(t, claim.id);
    const { certificationNumber } = (await t.http.post(`/v1/claims/${claim.id}/certify`).set(certifier.auth).send({}).expect(200)).body;
    await pdfReady(certificationNumber);
    await t.http.post(`/v1/claims/${claim.id}/withdraw`).set(applicant.auth).send({ reason: 'check' }).expect(200);
    await pdfReady(certificationNumber);
    await pdfReady(retirement.certificateNumber);

    await forget(retirement.certificateNumber, 2, 'valid');
    await forget(certificationNumber, 1, 'withdrawn');
    const queue = new RecordingQueue();
    await new SweepCertificatePdfsUseCase(t.app.get(UnitOfWork), t.app.get(CertificatePdfStore), queue).execute();
    expect(queue.jobIds).toEqual(
      expect.arrayContaining([`certificate-pdf.${retirement.certificateNumber}.v2.valid`, `certificate-pdf.${certificationNumber}.withdrawn`]),
    );
    expect(queue.jobIds).not.toContain(`certificate-pdf.${retirement.certificateNumber}.valid`);
  });

  it('CN-2.3.3-2: past validTo, a claim certificate whose renewal (received within the validity) awaits its decision is swept as valid, not expired', async () => {
    const applicant = await createOrganizationWithKey(t, ['applicant']);
    const certifier = await createOrganizationWithKey(t, ['certifier']);
    const draft = declared({ type: 'CN', boundary: '本社', targetPeriod: { start: '2024-04-01', end: '2025-03-31' }, baseYear: 2013, emissions: { scope1: '1', scope2: '0' } });
    const claim = await certifiedClaim(t, applicant, certifier, draft, 1);
    const certificationNumber = claim.body.certificationNumber as string;
    await pdfReady(certificationNumber);
    const p = (n: number) => (TEST_ENGINE === 'postgres' ? `$${n}` : '?');
    await t.dataSource.query(`UPDATE claims SET valid_from = ${p(1)}, valid_to = ${p(2)} WHERE id = ${p(3)}`, [addDaysIso(todayJst(), -20), addDaysIso(todayJst(), -1), claim.id]);
    const renewal = (
      await t.http.post('/v1/claims').set(t.admin).send({ ...draft, applicantId: applicant.id, receivedOn: addDaysIso(todayJst(), -5), targetPeriod: { start: '2025-04-01', end: '2026-03-31' } }).expect(201)
    ).body;
    await t.http.post('/v1/retirements').set(applicant.auth).send({ serials: ['JCL-ERL-R621-1-1'], claimId: renewal.id, beneficiary: 'b', purpose: 'p', evidence: OFFICIAL }).expect(201);
    await t.http.post(`/v1/claims/${renewal.id}/submit`).set(applicant.auth).expect(200);
    expect((await t.http.get(`/v1/certificates/${certificationNumber}`).expect(200)).body.status).toBe('valid');

    await forget(certificationNumber, 1, 'valid');
    const queue = new RecordingQueue();
    await new SweepCertificatePdfsUseCase(t.app.get(UnitOfWork), t.app.get(CertificatePdfStore), queue).execute();
    expect(queue.jobIds).toContain(`certificate-pdf.${certificationNumber}.valid`);
    expect(queue.jobIds).not.toContain(`certificate-pdf.${certificationNumber}.expired`);
  });
});
