import { createOrganizationWithKey, startTestApp, type TestApp } from '../support/test-app';

type Org = Awaited<ReturnType<typeof createOrganizationWithKey>>;

/** API.md "Serial status": one segment per run of serials that look alike to the caller. */
describe('serial status: neighbours the caller cannot tell apart are one segment', () => {
  let t: TestApp;
  let alpha: Org;
  let beta: Org;
  let auditor: Org;
  let block = 0;
  /** A fresh J-Credit certification number per test, so tests do not share serials. */
  const cert = () => `R${++block}`;

  beforeAll(async () => {
    t = await startTestApp();
    alpha = await createOrganizationWithKey(t, ['provider']);
    beta = await createOrganizationWithKey(t, ['provider']);
    auditor = await createOrganizationWithKey(t, ['auditor']);
  });
  afterAll(() => t.close());

  const hold = (org: Org, serial: string) => t.http.post('/v1/holdings').set(org.auth).send({ serial, evidence: { registry: 'J-Credit registry', reference: 'account statement 0001' } }).expect(201);
  const transfer = (from: Org, to: Org, serial: string) =>
    t.http.post('/v1/transfers').set(from.auth).send({ serial, toOrganizationId: to.id }).expect(201);
  const retire = async (org: Org, serials: string[]) =>
    (await t.http.post('/v1/retirements').set(org.auth).send({ serials, beneficiary: '株式会社サンプル', purpose: 'CN 2025' }).expect(201)).body;
  const segments = async (serial: string, org?: Org) =>
    (await t.http.get('/v1/serials/status').query({ serial }).set(org ? org.auth : {}).expect(200)).body.segments;

  it('shows two adjacent held blocks of one holder as one segment, to everyone', async () => {
    const c = cert();
    await hold(alpha, `JCL-ERL-${c}-1-10`);
    await hold(alpha, `JCL-ERL-${c}-11-20`);
    const serial = `JCL-ERL-${c}-1-25`;
    expect(await segments(serial)).toEqual([
      { start: '1', end: '20', status: 'held' },
      { start: '21', end: '25', status: 'unknown' },
    ]);
    for (const viewer of [alpha, auditor]) {
      expect(await segments(serial, viewer)).toEqual([
        { start: '1', end: '20', status: 'held', holderId: alpha.id },
        { start: '21', end: '25', status: 'unknown' },
      ]);
    }
  });

  it('joins the parts of a block that went away and came back (a split the holder cannot see)', async () => {
    const c = cert();
    await hold(alpha, `JCL-ERL-${c}-1-30`);
    await transfer(alpha, beta, `JCL-ERL-${c}-11-20`);
    await transfer(beta, alpha, `JCL-ERL-${c}-11-20`);
    expect(await segments(`JCL-ERL-${c}-1-30`, alpha)).toEqual([{ start: '1', end: '30', status: 'held', holderId: alpha.id }]);
  });

  it('shows held blocks of two holders as one segment to an anonymous caller, and apart to whoever sees a holder', async () => {
    const c = cert();
    await hold(alpha, `JCL-ERL-${c}-1-10`);
    await hold(beta, `JCL-ERL-${c}-11-20`);
    const serial = `JCL-ERL-${c}-1-20`;
    expect(await segments(serial)).toEqual([{ start: '1', end: '20', status: 'held' }]);
    expect(await segments(serial, auditor)).toEqual([
      { start: '1', end: '10', status: 'held', holderId: alpha.id },
      { start: '11', end: '20', status: 'held', holderId: beta.id },
    ]);
    // A holder sees its own holder id only; the other's block is redacted, and still apart from its own.
    expect(await segments(serial, alpha)).toEqual([
      { start: '1', end: '10', status: 'held', holderId: alpha.id },
      { start: '11', end: '20', status: 'held' },
    ]);
    expect(await segments(serial, beta)).toEqual([
      { start: '1', end: '10', status: 'held' },
      { start: '11', end: '20', status: 'held', holderId: beta.id },
    ]);
    // The public serial page shows what an anonymous caller sees: one held row.
    const page = await t.http.get('/serials').query({ serial, lang: 'en' }).expect(200);
    expect([...page.text.matchAll(/<tr class="segment segment-(\w+)"><td[^>]*>([^<]*)<\/td>/g)].map((m) => [m[1], m[2]])).toEqual([['held', '1 – 20']]);
  });

  it('keeps adjacent retirements apart, and joins the adjacent parts of one retirement', async () => {
    const c = cert();
    await hold(alpha, `JCL-ERL-${c}-1-30`);
    const first = await retire(alpha, [`JCL-ERL-${c}-1-10`]);
    const second = await retire(alpha, [`JCL-ERL-${c}-11-15`, `JCL-ERL-${c}-16-20`]);
    const retired = (r: typeof first, start: string, end: string) => ({
      start,
      end,
      status: 'retired',
      retirementId: r.id,
      certificateNumber: r.certificateNumber,
      retiredOn: r.retiredOn,
      beneficiary: '株式会社サンプル',
    });
    const expected = [retired(first, '1', '10'), retired(second, '11', '20'), { start: '21', end: '30', status: 'held' }];
    expect(await segments(`JCL-ERL-${c}-1-30`)).toEqual(expected);
    // The auditors' bulk check answers the same segments.
    const checked = await t.http.post('/v1/serials/check').set(auditor.auth).send({ serials: [`JCL-ERL-${c}-1-30`] }).expect(200);
    expect(checked.body.items[0].segments).toEqual([expected[0], expected[1], { ...expected[2], holderId: alpha.id }]);
  });
});
