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

  it('30 racing retirements of 3 serials each over 3 namespaces and 15 blocks: no serial retired twice, every 201 whole, no 5xx', async () => {
    const provider = await createOrganizationWithKey(t, ['provider']);
    const auditor = await createOrganizationWithKey(t, ['auditor']);
    const namespaces = ['C21', 'C22', 'C23'];
    for (const ns of namespaces) {
      for (let b = 0; b < 5; b++) {
        await t.http.post('/v1/holdings').set(provider.auth).send({ serial: `JCL-ERL-${ns}-${b * 100 + 1}-${b * 100 + 100}`, evidence: { registry: 'J-Credit registry', reference: `statement ${ns}-${b}` } }).expect(201);
      }
    }
    // Deterministic pseudo-random requests: one range in each namespace, some across two blocks, many overlapping another request's.
    let state = 7;
    const next = (n: number) => (state = (state * 48271) % 2147483647) % n;
    const asked = Array.from({ length: 30 }, () =>
      namespaces.map((ns) => {
        const start = 1 + next(490);
        return { ns, start, end: start + next(12) };
      }),
    );
    const responses = await Promise.all(
      asked.map((ranges, i) =>
        t.http.post('/v1/retirements').set(provider.auth).send({ serials: ranges.map((r) => `JCL-ERL-${r.ns}-${r.start}-${r.end}`), beneficiary: `m${i}`, purpose: 'race' }),
      ),
    );
    expect(responses.map((r) => r.status).filter((s) => s !== 201 && s !== 409)).toEqual([]);
    const won = responses.flatMap((r, i) => (r.status === 201 ? [{ id: r.body.id as string, ranges: asked[i] }] : []));
    expect(won.length).toBeGreaterThan(1);
    expect(won.length).toBeLessThan(30);
    // Each unit retired by exactly the winner that asked for it; nothing else retired; the rest still held.
    for (const ns of namespaces) {
      const owner = new Map<number, string>();
      for (const w of won) for (const r of w.ranges.filter((x) => x.ns === ns)) for (let u = r.start; u <= r.end; u++) {
        expect([ns, u, owner.get(u)]).toEqual([ns, u, undefined]);
        owner.set(u, w.id);
      }
      const segments = (await t.http.get('/v1/serials/status').query({ serial: `JCL-ERL-${ns}-1-500` }).expect(200)).body.segments as { start: string; end: string; status: string; retirementId?: string }[];
      for (const segment of segments) {
        for (let u = Number(segment.start); u <= Number(segment.end); u++) {
          expect([ns, u, segment.status, segment.retirementId]).toEqual([ns, u, owner.has(u) ? 'retired' : 'held', owner.get(u)]);
        }
      }
    }
    await logSettled(t);
    expect((await t.http.get('/v1/ledger/verify').set(auditor.auth).expect(200)).body).toMatchObject({ ok: true });
  }, 60_000);
});
