import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { registryExportsDir } from '../support/registry-exports-dir';
import { createOrganizationWithKey, eventually, startTestApp, type TestApp } from '../support/test-app';

type Org = Awaited<ReturnType<typeof createOrganizationWithKey>>;

// Real registry exports live beside the clone (CI checks them out next to it): <repo>/../shared/...
const EXPORTS_DIR = registryExportsDir() ?? path.resolve(__dirname, '..', '..', '..', 'shared', 'fixtures', 'registry-exports');
/** Every real export that carries serials: retirement and cancellation lists, Verra's transactions, issuance lists. */
const FIXTURES: [string, string][] = [
  ['american-carbon-registry/retirements.csv', 'acr'],
  ['american-carbon-registry/cancellations.csv', 'acr'],
  ['art-trees/retirements.csv', 'art'],
  ['art-trees/cancellations.csv', 'art'],
  ['climate-action-reserve/retirements.csv', 'car'],
  ['climate-action-reserve/cancellations.csv', 'car'],
  ['gold-standard/retirements.csv', 'gold-standard'],
  ['gold-standard/issuances.csv', 'gold-standard'],
  ['verra/transactions.csv', 'verra'],
  ['cercarbono/retirements.csv', 'cercarbono'],
  ['cercarbono/issuances.csv', 'cercarbono'],
];

const ACR_HEADER = 'Credit Serial Numbers,Date Issued (GMT),Quantity of Credits,Status Effective (GMT),Retired on Behalf of,Retirement Reason,Project ID';
const serial = (range: string) => `ACR-US-1185-2025-3078-${range}`;
const acrRow = (range: string, quantity: number, effective: string, beneficiary: string) =>
  `${serial(range)},6/30/2025 7:43:26 PM,${quantity},${effective},${beneficiary},Environmental Benefit,ACR1185`;

describe('reconciliation with a managing registry (API.md "Reconciliation")', () => {
  let t: TestApp;
  let provider: Org;
  let otherProvider: Org;
  let auditor: Org;

  beforeAll(async () => {
    t = await startTestApp();
    provider = await createOrganizationWithKey(t, ['provider']);
    otherProvider = await createOrganizationWithKey(t, ['provider']);
    auditor = await createOrganizationWithKey(t, ['auditor']);

    const retireOutside = (range: string, beneficiary: string, retiredOn: string) =>
      t.http
        .post('/v1/retirements')
        .set(provider.auth)
        .send({ serials: [serial(range)], beneficiary, purpose: 'offset', retiredOn, evidence: { registry: 'ACR Registry', reference: `ACR-RET-${range}` } })
        .expect(201);
    await retireOutside('1 to 100', 'AWS', '2026-04-13');
    await retireOutside('101 to 200', 'Duke University', '2026-04-13');
    await retireOutside('201 to 300', 'AWS', '2026-03-01');
    await t.http.post('/v1/holdings').set(provider.auth).send({ serial: serial('301 to 400'), evidence: { registry: 'ACR Registry', reference: 'statement 1' } }).expect(201);
    await retireOutside('401 to 500', 'AWS', '2026-04-13');
  });
  afterAll(() => t.close());

  const EXPORT = [
    ACR_HEADER,
    acrRow('1 to 100', 100, '4/13/2026 7:17:56 PM', 'AWS'),
    acrRow('101 to 200', 100, '4/13/2026 7:15:01 PM', '=Chanel'),
    acrRow('201 to 300', 100, '4/13/2026 7:11:53 PM', 'AWS'),
    acrRow('301 to 400', 100, '4/12/2026 1:00:00 AM', 'AWS'),
    'not-a-serial,6/30/2025 7:43:26 PM,5,4/13/2026 7:17:56 PM,AWS,Environmental Benefit,ACR1185',
  ].join('\r\n');

  async function reconcile(org: Org, body: string, format?: string) {
    const created = await t.http.post('/v1/reconciliations').query(format ? { format } : {}).set(org.auth).set('Content-Type', 'text/csv').send(body).expect(202);
    expect(created.body).toEqual({ id: expect.any(String), status: 'queued' });
    return eventually(async () => {
      const res = await t.http.get(`/v1/reconciliations/${created.body.id}`).set(org.auth).expect(200);
      return res.body.status === 'done' || res.body.status === 'failed' ? res.body : undefined;
    }, 30_000);
  }

  it('reports matched ranges and each alert kind, per overlapping serial range', async () => {
    const result = await reconcile(auditor, EXPORT, 'acr');
    expect(result).toMatchObject({ status: 'done', format: 'acr', rows: 5, matched: 3, unreadable: 1, alertCount: 4 });
    expect(result.alerts).toEqual(
      expect.arrayContaining([
        { kind: 'beneficiary_mismatch', serial: serial('101 to 200'), detail: expect.stringContaining('=Chanel') },
        { kind: 'date_mismatch', serial: serial('201 to 300'), detail: expect.stringContaining('2026-03-01') },
        { kind: 'retired_in_registry_held_here', serial: serial('301 to 400'), detail: expect.stringContaining(provider.id) },
        { kind: 'retired_here_not_in_registry', serial: serial('401 to 500'), detail: expect.stringContaining('ACR-RET-401 to 500') },
      ]),
    );
    expect(result.alerts).toHaveLength(4);
  });

  it('serves the report as CSV with a BOM, both references on matched rows and formula cells neutralised', async () => {
    const { id } = await reconcile(auditor, EXPORT);
    const res = await t.http.get(`/v1/reconciliations/${id}/report.csv`).set(auditor.auth).buffer(true).parse((r, done) => {
      let text = '';
      r.setEncoding('utf8');
      r.on('data', (chunk: string) => (text += chunk));
      r.on('end', () => done(null, text));
    }).expect(200);
    expect(res.headers['content-type']).toMatch(/^text\/csv/);
    const text = res.body as string;
    expect(text.startsWith('\ufeffoutcome,row,serial,detail')).toBe(true);
    const matched = text.split(/\r?\n/).find((line) => line.startsWith('matched,1,'));
    expect(matched).toContain('ACR-RET-1 to 100');
    expect(matched).toContain(`row 1: ${serial('1 to 100')}`);
    expect(text).toContain(",'=Chanel,");
    expect(text).toContain('unreadable,5,not-a-serial');
  });

  it('compares only a provider’s own blocks, and shows a reconciliation only to its requester and auditors', async () => {
    const own = await reconcile(provider, EXPORT, 'acr');
    expect(own).toMatchObject({ status: 'done', matched: 3, alertCount: 4 });
    const others = await reconcile(otherProvider, EXPORT, 'acr');
    expect(others).toMatchObject({ status: 'done', rows: 5, matched: 0, alertCount: 0, alerts: [] });
    await t.http.get(`/v1/reconciliations/${own.id}`).set(otherProvider.auth).expect(404);
    await t.http.get(`/v1/reconciliations/${own.id}`).set(auditor.auth).expect(200);
  });

  it('journals the run with its counts', async () => {
    const result = await reconcile(auditor, EXPORT, 'acr');
    const head = await t.http.get('/v1/ledger/head').set(auditor.auth).expect(200);
    const entries = await t.http.get('/v1/ledger/entries').query({ after: head.body.sequence - 5, limit: 5 }).set(auditor.auth).expect(200);
    const payloads = (entries.body.items as { type: string; payload: string }[]).filter((e) => e.type === 'reconciliation.completed').map((e) => JSON.parse(e.payload));
    expect(payloads.find((p: { reconciliationId: string }) => p.reconciliationId === result.id)).toMatchObject({ matched: 3, alertCount: 4, alertsByKind: { date_mismatch: 1 } });
  });

  it('refuses an unknown format and a header that is not the named format, naming the field', async () => {
    const bad = await t.http.post('/v1/reconciliations').query({ format: 'nope' }).set(auditor.auth).set('Content-Type', 'text/csv').send(EXPORT).expect(400);
    expect(bad.body).toMatchObject({ code: 'VALIDATION_FAILED', errors: [{ field: 'format' }] });
    const wrong = await t.http.post('/v1/reconciliations').query({ format: 'verra' }).set(auditor.auth).set('Content-Type', 'text/csv').send(EXPORT).expect(400);
    expect(wrong.body).toMatchObject({ code: 'VALIDATION_FAILED', errors: [{ field: 'format' }] });
    const unknown = await t.http.post('/v1/reconciliations').set(auditor.auth).set('Content-Type', 'text/csv').send('a,b\n1,2').expect(400);
    expect(unknown.body).toMatchObject({ code: 'VALIDATION_FAILED', errors: [{ field: 'body' }] });
    const empty = await t.http.post('/v1/reconciliations').set(auditor.auth).send({}).expect(400);
    expect(empty.body).toMatchObject({ code: 'VALIDATION_FAILED', errors: [{ field: 'body' }] });
  });

  const describeWithFixtures = existsSync(EXPORTS_DIR) ? describe : describe.skip;
  describeWithFixtures('every real export reconciles without error', () => {
    it.each(FIXTURES)('%s (%s)', async (file, format) => {
      const body = readFileSync(path.join(EXPORTS_DIR, file), 'utf8');
      const result = await reconcile(auditor, body, format);
      expect(result).toMatchObject({ status: 'done', format, unreadable: 0 });
      expect(result.rows).toBeGreaterThan(0);
    });
  });
});
