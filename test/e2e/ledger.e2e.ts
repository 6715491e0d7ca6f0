import { createOrganizationWithKey, startTestApp, type TestApp } from '../support/test-app';

type Org = Awaited<ReturnType<typeof createOrganizationWithKey>>;
const EVIDENCE = { registry: 'J-Credit registry', reference: 'MK-2026-000123' };

describe('ledger: holdings, transfers, retirements, status, journal', () => {
  let t: TestApp;
  let provider: Org;
  let other: Org;
  let auditor: Org;
  let block = 0;
  /** A fresh J-Credit certification number per test, so tests do not share serials. */
  const cert = () => `R${++block}`;

  beforeAll(async () => {
    t = await startTestApp();
    provider = await createOrganizationWithKey(t, ['provider']);
    other = await createOrganizationWithKey(t, ['provider']);
    auditor = await createOrganizationWithKey(t, ['auditor']);
  });
  afterAll(() => t.close());

  const hold = (org: Org, serial: string) => t.http.post('/v1/holdings').set(org.auth).send({ serial, evidence: { registry: 'J-Credit registry', reference: 'account statement 0001' } });
  const retire = (org: Org, body: Record<string, unknown>) =>
    t.http.post('/v1/retirements').set(org.auth).send({ beneficiary: '株式会社サンプル', purpose: 'CN 2025', ...body });
  const status = (serial: string, org?: Org) => t.http.get('/v1/serials/status').query({ serial }).set(org ? org.auth : {});

  it('registers a held block and lists it among the holder’s holdings', async () => {
    const c = cert();
    const res = await hold(provider, `JCL-ERL-${c}-1000001-1000500`).expect(201);
    expect(res.body).toMatchObject({ scheme: 'JCREDIT', start: '1000001', end: '1000500', quantity: '500', status: 'held', ownerId: provider.id });
    const list = await t.http.get('/v1/holdings').set(provider.auth).expect(200);
    expect(list.body.items.map((h: { id: string }) => h.id)).toContain(res.body.id);
  });

  it('answers 409 SERIAL_CONFLICT naming the overlapping block', async () => {
    const c = cert();
    await hold(provider, `JCL-ERL-${c}-100-199`).expect(201);
    const res = await hold(other, `JCL-ERL-${c}-150-250`).expect(409);
    expect(res.body).toMatchObject({ code: 'SERIAL_CONFLICT', conflicts: [{ start: '100', end: '199', status: 'held' }] });
  });

  it('retires part of a held block, splitting it, and shows exact status segments', async () => {
    const c = cert();
    await hold(provider, `JCL-ERL-${c}-1-100`).expect(201);
    const res = await retire(provider, { serials: [`JCL-ERL-${c}-21-30`] }).expect(201);
    expect(res.body).toMatchObject({ quantity: '10', serials: [`JCL-ERL-${c}-21-30`], status: 'active', organizationId: provider.id });
    expect(res.body.certificateNumber).toMatch(/^RC-\d{4}-\d{6}$/);
    const s = await status(`JCL-ERL-${c}-1-120`).expect(200);
    expect(s.body.segments).toEqual([
      { start: '1', end: '20', status: 'held' },
      { start: '21', end: '30', status: 'retired', retirementId: res.body.id, certificateNumber: res.body.certificateNumber, retiredOn: res.body.retiredOn, beneficiary: '株式会社サンプル' },
      { start: '31', end: '100', status: 'held' },
      { start: '101', end: '120', status: 'unknown' },
    ]);
    const asAuditor = await status(`JCL-ERL-${c}-1-20`, auditor).expect(200);
    expect(asAuditor.body.segments[0].holderId).toBe(provider.id);
    const holdings = await t.http.get('/v1/holdings').set(provider.auth).expect(200);
    const mine = holdings.body.items.filter((h: { serial: string }) => h.serial.includes(`-${c}-`)).map((h: { serial: string }) => h.serial).sort();
    expect(mine).toEqual([`JCL-ERL-${c}-1-20`, `JCL-ERL-${c}-31-100`]);
  });

  it('refuses to retire a serial twice: 409 ALREADY_RETIRED naming the retirement', async () => {
    const c = cert();
    await hold(provider, `JCL-ERL-${c}-1-100`).expect(201);
    const first = await retire(provider, { serials: [`JCL-ERL-${c}-1-50`] }).expect(201);
    const again = await retire(provider, { serials: [`JCL-ERL-${c}-40-60`] }).expect(409);
    expect(again.body).toMatchObject({ code: 'ALREADY_RETIRED', conflicts: [{ start: '40', end: '50', retirementId: first.body.id }] });
    const s = await status(`JCL-ERL-${c}-51-60`).expect(200);
    expect(s.body.segments).toEqual([{ start: '51', end: '60', status: 'held' }]);
  });

  it('is all or nothing: one bad part writes nothing at all', async () => {
    const c = cert();
    await hold(provider, `JCL-ERL-${c}-1-100`).expect(201);
    await hold(other, `JCL-ERL-${c}-101-200`).expect(201);
    const head = (await t.http.get('/v1/ledger/head').set(auditor.auth)).body;
    const res = await retire(provider, { serials: [`JCL-ERL-${c}-1-10`, `JCL-ERL-${c}-150-160`] }).expect(409);
    expect(res.body.code).toBe('NOT_HELD');
    expect((await t.http.get('/v1/ledger/head').set(auditor.auth)).body).toEqual(head);
    expect((await status(`JCL-ERL-${c}-1-10`)).body.segments).toEqual([{ start: '1', end: '10', status: 'held' }]);
  });

  it('orders errors 400 before 409, and ALREADY_RETIRED before NOT_HELD', async () => {
    const c = cert();
    await hold(provider, `JCL-ERL-${c}-1-10`).expect(201);
    await hold(other, `JCL-ERL-${c}-11-20`).expect(201);
    await retire(provider, { serials: [`JCL-ERL-${c}-1-5`] }).expect(201);
    const mixed = [`JCL-ERL-${c}-1-5`, `JCL-ERL-${c}-11-12`];
    expect((await retire(provider, { serials: [...mixed, `JCL-ERL-${c}-50-60`] }).expect(400)).body.code).toBe('EVIDENCE_REQUIRED');
    expect((await retire(provider, { serials: mixed }).expect(409)).body.code).toBe('ALREADY_RETIRED');
    expect((await retire(provider, { serials: [`JCL-ERL-${c}-11-12`] }).expect(409)).body.code).toBe('NOT_HELD');
  });

  it('records serials unknown to the ledger as retired outside it, with evidence', async () => {
    const c = cert();
    const res = await retire(provider, { serials: [`JCL-ERL-${c}-5000-5099`], evidence: EVIDENCE }).expect(201);
    expect(res.body).toMatchObject({ quantity: '100', evidence: EVIDENCE });
    const s = await status(`JCL-ERL-${c}-5000-5099`).expect(200);
    expect(s.body.segments).toEqual([expect.objectContaining({ status: 'retired', retirementId: res.body.id })]);
  });

  it.each([
    ['the same serial twice', (c: string) => [`JCL-ERL-${c}-1-10`, `JCL-ERL-${c}-1-10`], 'DUPLICATE_SERIALS'],
    ['overlapping serials', (c: string) => [`JCL-ERL-${c}-1-10`, `JCL-ERL-${c}-10-20`], 'DUPLICATE_SERIALS'],
    ['more than 1,000 serials', (c: string) => Array.from({ length: 1001 }, (_, i) => `JCL-ERL-${c}-${i * 10 + 1}-${i * 10 + 5}`), 'TOO_MANY_SERIALS'],
    ['an unreadable serial', () => ['JCL-ERL-R1-20-10'], 'INVALID_SERIAL'],
  ])('answers 400 for %s', async (_name, serials, code) => {
    const res = await retire(provider, { serials: serials(cert()), evidence: EVIDENCE }).expect(400);
    expect(res.body.code).toBe(code);
  });

  it('answers 400 VALIDATION_FAILED for a retiredOn in the future or not a date', async () => {
    for (const retiredOn of ['2999-01-01', '2025-02-30']) {
      const res = await retire(provider, { serials: [`JCL-ERL-${cert()}-1-1`], evidence: EVIDENCE, retiredOn }).expect(400);
      expect(res.body).toMatchObject({ code: 'VALIDATION_FAILED', errors: [{ field: 'retiredOn' }] });
    }
  });

  it('transfers a range wholly held by the caller, and refuses one that is not (409 NOT_HELD)', async () => {
    const c = cert();
    await hold(provider, `JCL-ERL-${c}-1-100`).expect(201);
    const moved = await t.http.post('/v1/transfers').set(provider.auth).send({ serial: `JCL-ERL-${c}-41-60`, toOrganizationId: other.id }).expect(201);
    expect(moved.body).toMatchObject({ quantity: '20', toOrganizationId: other.id });
    await retire(other, { serials: [`JCL-ERL-${c}-41-45`] }).expect(201);
    await retire(provider, { serials: [`JCL-ERL-${c}-46-50`] }).expect(409);
    const back = await t.http.post('/v1/transfers').set(provider.auth).send({ serial: `JCL-ERL-${c}-55-70`, toOrganizationId: other.id }).expect(409);
    expect(back.body.code).toBe('NOT_HELD');
  });

  it('replays an idempotent retirement and refuses the key with another body', async () => {
    const c = cert();
    await hold(provider, `JCL-ERL-${c}-1-100`).expect(201);
    const body = { serials: [`JCL-ERL-${c}-1-10`] };
    const first = await retire(provider, body).set('Idempotency-Key', `k-${c}`).expect(201);
    const second = await retire(provider, body).set('Idempotency-Key', `k-${c}`).expect(201);
    expect(second.body).toEqual(first.body);
    expect(second.headers['idempotent-replayed']).toBe('true');
    const reused = await retire(provider, { serials: [`JCL-ERL-${c}-11-20`] }).set('Idempotency-Key', `k-${c}`).expect(422);
    expect(reused.body.code).toBe('IDEMPOTENCY_KEY_REUSED');
  });

  it('voids a retirement entered in error (admin only): serials return to the holder, history stays', async () => {
    const c = cert();
    await hold(provider, `JCL-ERL-${c}-1-100`).expect(201);
    const r = await retire(provider, { serials: [`JCL-ERL-${c}-1-10`] }).expect(201);
    await t.http.post(`/v1/retirements/${r.body.id}/void`).set(provider.auth).send({ reason: 'typo' }).expect(403);
    const voided = await t.http.post(`/v1/retirements/${r.body.id}/void`).set(t.admin).send({ reason: 'wrong beneficiary' }).expect(200);
    expect(voided.body).toMatchObject({ id: r.body.id, status: 'voided', void: { reason: 'wrong beneficiary' } });
    expect((await t.http.get(`/v1/retirements/${r.body.id}`).expect(200)).body.status).toBe('voided');
    expect((await status(`JCL-ERL-${c}-1-10`)).body.segments).toEqual([{ start: '1', end: '10', status: 'held' }]);
    await retire(provider, { serials: [`JCL-ERL-${c}-1-10`], beneficiary: 'the right one' }).expect(201);
  });

  it('journals every change in a hash chain that verifies', async () => {
    const head = await t.http.get('/v1/ledger/head').set(auditor.auth).expect(200);
    expect(head.body.sequence).toBeGreaterThan(10);
    const verify = await t.http.get('/v1/ledger/verify').set(auditor.auth).expect(200);
    expect(verify.body).toEqual({ ok: true, checked: head.body.sequence, head: head.body });
    const page = await t.http.get('/v1/ledger/entries').query({ after: 0, limit: 3 }).set(auditor.auth).expect(200);
    expect(page.body.items.map((e: { seq: number }) => e.seq)).toEqual([1, 2, 3]);
    expect(page.body.items[0]).toMatchObject({ type: 'organization.created', actor: 'admin' });
    const all = await t.http.get('/v1/ledger/entries').query({ limit: 1000 }).set(auditor.auth).expect(200);
    const types = new Set(all.body.items.map((e: { type: string }) => e.type));
    expect(types).toEqual(new Set(['organization.created', 'api_key.issued', 'holding.registered', 'retirement.created', 'transfer.completed', 'retirement.voided']));
    await t.http.get('/v1/ledger/verify').set(provider.auth).expect(403);
  });

  it('answers bulk checks for auditors, as JSON or CSV', async () => {
    const c = cert();
    await retire(provider, { serials: [`JCL-ERL-${c}-1-5`], evidence: EVIDENCE }).expect(201);
    const json = await t.http.post('/v1/serials/check').set(auditor.auth).send({ serials: [`JCL-ERL-${c}-1-5`, `JCL-ERL-${c}-6-9`] }).expect(200);
    expect(json.body.items.map((i: { segments: { status: string }[] }) => i.segments[0].status)).toEqual(['retired', 'unknown']);
    const csv = await t.http.post('/v1/serials/check').set(auditor.auth).set('Content-Type', 'text/csv').send(`serial,note\nJCL-ERL-${c}-3-4,x\n`).expect(200);
    expect(csv.body.items[0].segments[0]).toMatchObject({ status: 'retired', start: '3', end: '4' });
    await t.http.post('/v1/serials/check').set(provider.auth).send({ serials: ['x'] }).expect(403);
  });
});
