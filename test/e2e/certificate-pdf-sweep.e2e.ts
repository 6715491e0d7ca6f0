import { JobQueue, type EnqueueOptions, type JobName, type JobPayloads, type QueueHealth } from '@registry/jobs';
import { CertificatePdfStore, SweepCertificatePdfsUseCase, UnitOfWork } from '@registry/ledger';
import { certificatePdfDatabasePath } from '@registry/persistence';
import Database from 'better-sqlite3';
import { existsSync } from 'node:fs';
import { createOrganizationWithKey, eventually, startTestApp, type TestApp } from '../support/test-app';
import { TEST_ENGINE } from '../support/test-engine';

/** Records what the sweep enqueues instead of rendering it, so the test sees exactly the repairs. */
class RecordingQueue extends JobQueue {
  readonly enqueued: { name: JobName; payload: unknown; jobId: string }[] = [];
  async enqueue<N extends JobName>(name: N, payload: JobPayloads[N], options: EnqueueOptions): Promise<void> {
    this.enqueued.push({ name, payload, jobId: options.jobId });
  }
  async health(): Promise<QueueHealth> {
    return { ok: true, mode: 'in-process', failed: 0 };
  }
}

describe('certificate PDF store and repair sweep', () => {
  let t: TestApp;
  let numbers: string[];
  let voided: string;

  beforeAll(async () => {
    t = await startTestApp();
    const provider = await createOrganizationWithKey(t, ['provider']);
    await t.http.post('/v1/holdings').set(provider.auth).send({ serial: 'JCL-ERL-R700-1-1000', evidence: { registry: 'J-Credit registry', reference: 'account statement 0001' } }).expect(201);
    const retired = [];
    for (let i = 0; i < 4; i++) {
      const serial = `JCL-ERL-R700-${i * 100 + 1}-${i * 100 + 100}`;
      const res = await t.http.post('/v1/retirements').set(provider.auth).send({ serials: [serial], beneficiary: '株式会社サンプル', purpose: 'オフセット' }).expect(201);
      retired.push(res.body as { id: string; certificateNumber: string });
    }
    await t.http.post(`/v1/retirements/${retired[1].id}/void`).set(t.admin).send({ reason: 'entered twice' }).expect(200);
    numbers = retired.map((r) => r.certificateNumber);
    voided = numbers[1];
    // Every PDF rendered by the app's own jobs before the test takes some away.
    for (const number of numbers) await eventually(async () => ((await t.http.get(`/v1/certificates/${number}.pdf`)).status === 200 ? true : undefined), 30_000);
  }, 60_000);
  afterAll(() => t.close());

  /** A PDF that was never stored (the crash between commit and enqueue), made by deleting its row. */
  async function forget(...forgotten: string[]): Promise<void> {
    if (TEST_ENGINE === 'postgres') {
      await t.dataSource.query(`DELETE FROM certificate_pdfs WHERE number = ANY($1)`, [forgotten]);
      return;
    }
    const db = new Database(certificatePdfDatabasePath(t.config.database.engine === 'sqlite' ? t.config.database.sqlitePath : ''));
    try {
      db.prepare(`DELETE FROM certificate_pdfs WHERE number IN (SELECT value FROM json_each(?))`).run(JSON.stringify(forgotten));
    } finally {
      db.close();
    }
  }

  const newSweep = (queue: JobQueue) => new SweepCertificatePdfsUseCase(t.app.get(UnitOfWork), t.app.get(CertificatePdfStore), queue);
  const jobIds = (queue: RecordingQueue) => queue.enqueued.map((e) => e.jobId).sort();

  it('SQLite keeps PDFs in a file of their own, so rendering never takes the ledger’s write lock', async () => {
    if (t.config.database.engine !== 'sqlite') return expect(TEST_ENGINE).toBe('postgres');
    const ledgerPath = t.config.database.sqlitePath;
    expect(existsSync(certificatePdfDatabasePath(ledgerPath))).toBe(true);
    const ledger = new Database(ledgerPath, { readonly: true });
    try {
      expect(ledger.prepare(`SELECT name FROM sqlite_master WHERE name = 'certificate_pdfs'`).all()).toEqual([]);
    } finally {
      ledger.close();
    }
  });

  it('stores a PDF once: a second render of the same number and status is ignored', async () => {
    const store = t.app.get(CertificatePdfStore);
    const stored = await store.get(numbers[0], 'valid');
    expect(stored?.subarray(0, 5).toString()).toBe('%PDF-');
    expect(await store.put(numbers[0], 'valid', Buffer.from('%PDF-other'), 'test', new Date().toISOString())).toBe(false);
    expect((await store.get(numbers[0], 'valid'))?.equals(stored!)).toBe(true);
    expect(await store.missing([{ number: numbers[0], status: 'valid' }, { number: numbers[0], status: 'revoked' }, { number: 'RC-1999-000001', status: 'valid' }])).toEqual([
      { number: numbers[0], status: 'revoked' },
      { number: 'RC-1999-000001', status: 'valid' },
    ]);
  });

  it('finds every committed certificate whose PDF for its current status is missing, valid and revoked', async () => {
    await forget(numbers[0], voided, numbers[3]);
    const queue = new RecordingQueue();
    expect(await newSweep(queue).execute()).toBe(3);
    expect(jobIds(queue)).toEqual([`certificate-pdf.${numbers[0]}.valid`, `certificate-pdf.${numbers[3]}.valid`, `certificate-pdf.${voided}.revoked`].sort());
    expect(queue.enqueued.find((e) => e.jobId.includes(voided))?.payload).toEqual({ number: voided, status: 'revoked' });
    for (const pageSize of [1, 2, 3]) {
      const paged = new RecordingQueue();
      expect(await newSweep(paged).execute(500, pageSize)).toBe(3);
      expect(jobIds(paged)).toEqual(jobIds(queue));
    }
  });

  it('enqueues at most `limit` per sweep; the next sweep picks up the rest, and nothing once all are rendered', async () => {
    const queue = new RecordingQueue();
    const sweep = newSweep(queue);
    expect(await sweep.execute(1)).toBe(1);
    expect(await sweep.execute(1)).toBe(1);
    expect(await sweep.execute(5)).toBe(3); // still missing: nothing was rendered, so the first two come again
    expect(new Set(queue.enqueued.map((e) => e.jobId)).size).toBe(3);

    const store = t.app.get(CertificatePdfStore);
    for (const number of [numbers[0], numbers[3]]) await store.put(number, 'valid', Buffer.from('%PDF-1.7 test'), 'test', new Date().toISOString());
    await store.put(voided, 'revoked', Buffer.from('%PDF-1.7 test'), 'test', new Date().toISOString());
    expect(await sweep.execute()).toBe(0);
  });

  it('a later sweep starts after what it found rendered (less its settle window); a restarted process checks everything again', async () => {
    const queue = new RecordingQueue();
    const sweep = newSweep(queue);
    expect(await sweep.execute(500, 500, 0)).toBe(0);
    await forget(numbers[2]);
    expect(await sweep.execute(500, 500, 0)).toBe(0); // below its checked mark, no window: this process does not re-read it
    // The default window looks again at the last 10,000 entry ids: a certificate that committed after
    // higher ids were checked (parallel PostgreSQL writers) is still found.
    expect(await sweep.execute()).toBe(1);
    expect(jobIds(queue)).toEqual([`certificate-pdf.${numbers[2]}.valid`]);
    const restarted = new RecordingQueue();
    expect(await newSweep(restarted).execute()).toBe(1);
    expect(jobIds(restarted)).toEqual([`certificate-pdf.${numbers[2]}.valid`]);
  });
});
