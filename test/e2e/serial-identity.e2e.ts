import { IdentityDuplicatesQuery } from '@registry/ledger';
import { plantLegacyDoubleRetirement } from '../support/legacy-ledger';
import { createOrganizationWithKey, startTestApp, type TestApp } from '../support/test-app';
import { TEST_ENGINE } from '../support/test-engine';

type Org = Awaited<ReturnType<typeof createOrganizationWithKey>>;
const EVIDENCE = { registry: 'J-Credit registry', reference: 'account statement 0042' };
const CN_DRAFT = {
  type: 'CN',
  declarations: { independentOfCertifierAndVerifier: true },
  boundary: '本社',
  targetPeriod: { start: '2024-04-01', end: '2025-03-31' },
  baseYear: 2013,
  emissions: { scope1: '5', scope2: '5' },
};

/** Issue 13's findings 1, 2, 4 and the transfer holes, each reproduced as the outsider did it. */
describe('one credit, one identity; no backdating, squatting or stuck credits', () => {
  let t: TestApp;
  let provider: Org;
  let other: Org;
  let auditorOnly: Org;

  beforeAll(async () => {
    t = await startTestApp();
    provider = await createOrganizationWithKey(t, ['provider', 'applicant']);
    other = await createOrganizationWithKey(t, ['provider']);
    auditorOnly = await createOrganizationWithKey(t, ['auditor']);
  });
  afterAll(() => t.close());

  const hold = (org: Org, body: Record<string, unknown>) => t.http.post('/v1/holdings').set(org.auth).send({ evidence: EVIDENCE, ...body });
  const retire = (org: Org, body: Record<string, unknown>) =>
    t.http.post('/v1/retirements').set(org.auth).send({ beneficiary: '株式会社サンプル', purpose: 'offset', ...body });

  it('finding 1: a held JCL serial retired once cannot be retired again as REGIONAL_JCREDIT (409, one certificate)', async () => {
    await hold(provider, { serial: 'JCL-ERL-R901-1-10' }).expect(201);
    const first = await retire(provider, { serials: ['JCL-ERL-R901-1-10'] }).expect(201);
    const again = await retire(provider, { serials: ['JCL-ERL-R901-1-10'], scheme: 'REGIONAL_JCREDIT', evidence: { registry: 'J', reference: 'made up' } }).expect(409);
    expect(again.body).toMatchObject({ code: 'ALREADY_RETIRED', conflicts: [{ start: '1', end: '10', retirementId: first.body.id }] });
    const status = await t.http.get('/v1/serials/status').query({ serial: 'JCL-ERL-R901-1-10' }).expect(200);
    expect(status.body.segments).toEqual([expect.objectContaining({ status: 'retired', retirementId: first.body.id })]);
  });

  it('finding 1: of 30 concurrent retirements of one serial under alternating labels, exactly one succeeds', async () => {
    const attempts = await Promise.all(
      Array.from({ length: 30 }, (_, i) =>
        retire(i % 2 ? provider : other, { serials: ['JCL-ERL-R910-1-10'], scheme: i % 3 ? 'REGIONAL_JCREDIT' : 'JCREDIT', evidence: { registry: 'J', reference: `r${i}` } }),
      ),
    );
    const statuses = attempts.map((r) => r.status);
    expect(statuses.filter((s) => s === 201)).toHaveLength(1);
    expect(statuses.every((s) => s === 201 || s === 409)).toBe(true);
  });

  it('finding 1: the first record decides the scheme of an ambiguous print; another label later is 409, none takes the record', async () => {
    await hold(provider, { serial: 'JCL-ERL-R902-1-10', scheme: 'REGIONAL_JCREDIT' }).expect(201);
    const relabel = await hold(other, { serial: 'JCL-ERL-R902-11-20', scheme: 'JCREDIT' }).expect(409);
    expect(relabel.body).toMatchObject({ code: 'SERIAL_CONFLICT', conflicts: [{ scheme: 'REGIONAL_JCREDIT' }] });
    const unlabelled = await hold(other, { serial: 'JCL-ERL-R902-11-20' }).expect(201);
    expect(unlabelled.body.scheme).toBe('REGIONAL_JCREDIT');
    const status = await t.http.get('/v1/serials/status').query({ serial: 'JCL-ERL-R902-1-20', scheme: 'JCREDIT' }).expect(200);
    expect(status.body.scheme).toBe('REGIONAL_JCREDIT');
    const outside = await retire(other, { serials: ['JCL-ERL-R902-21-30'], scheme: 'JCREDIT', evidence: EVIDENCE }).expect(409);
    expect(outside.body.code).toBe('SERIAL_CONFLICT');
    const transfer = await t.http.post('/v1/transfers').set(other.auth).send({ serial: 'JCL-ERL-R902-11-20', scheme: 'JCREDIT', toOrganizationId: provider.id }).expect(409);
    expect(transfer.body.code).toBe('SERIAL_CONFLICT');
  });

  it('finding 1: a label that contradicts the printed symbol is 400 INVALID_SERIAL', async () => {
    const res = await hold(provider, { serial: 'KC-KC-R903-1-10', scheme: 'REGIONAL_JCREDIT' }).expect(400);
    expect(res.body).toMatchObject({ code: 'INVALID_SERIAL', field: 'scheme' });
  });

  // Received today, the claim is judged without the annex (CN-annex-abolished, 附則): prefectural J-VER never counts.
  it('finding 1 (CN-annex-abolished): eligibility uses the scheme on record, so relabelling a prefectural J-VER does not make it eligible', async () => {
    const claim = await t.http.post('/v1/claims').set(provider.auth).send(CN_DRAFT).expect(201);
    await hold(provider, { serial: 'NIG-FM-904-1-10' }).expect(201);
    const plain = await retire(provider, { serials: ['NIG-FM-904-1-10'], claimId: claim.body.id }).expect(422);
    expect(plain.body).toMatchObject({ code: 'INELIGIBLE_CREDIT', rule: 'CN-annex-abolished' });
    const relabelled = await retire(provider, { serials: ['NIG-FM-904-1-10'], scheme: 'REGIONAL_JCREDIT', claimId: claim.body.id }).expect(422);
    expect(relabelled.body).toMatchObject({ code: 'INELIGIBLE_CREDIT', rule: 'CN-annex-abolished' });
    const view = await t.http.get(`/v1/claims/${claim.body.id}`).set(provider.auth).expect(200);
    expect(view.body).toMatchObject({ retiredTonnes: '0', covered: false });
  });

  it.each(['2013-03-01', '0001-01-01'])('finding 2: held serials cannot be retired on %s, before they entered the ledger', async (retiredOn) => {
    const serial = `JCL-ERL-R905${retiredOn.slice(0, 4)}-1-10`;
    await hold(provider, { serial }).expect(201);
    const res = await retire(provider, { serials: [serial], retiredOn }).expect(400);
    expect(res.body).toMatchObject({ code: 'VALIDATION_FAILED', errors: [{ field: 'retiredOn' }] });
    expect((await t.http.get('/v1/serials/status').query({ serial }).expect(200)).body.segments).toEqual([expect.objectContaining({ status: 'held' })]);
  });

  it("finding 2: parts retired outside the ledger keep the managing registry's date", async () => {
    const res = await retire(provider, { serials: ['JCL-ERL-R906-1-10'], retiredOn: '2013-03-01', evidence: { registry: 'J-Credit registry', reference: 'MK-2013-001' } }).expect(201);
    expect((await t.http.get(`/v1/retirements/${res.body.id}`).expect(200)).body.retiredOn).toBe('2013-03-01');
  });

  it('finding 4: a holding needs evidence, and no one can squat a whole namespace', async () => {
    const bare = await t.http.post('/v1/holdings').set(provider.auth).send({ serial: 'JCL-ERL-R907-1-10' }).expect(400);
    expect(bare.body).toMatchObject({ code: 'EVIDENCE_REQUIRED', field: 'evidence' });
    const huge = 'JCL-ERL-R907-0-9223372036854775807';
    expect((await hold(provider, { serial: huge }).expect(400)).body).toMatchObject({ code: 'VALIDATION_FAILED', errors: [{ field: 'serial' }] });
    expect((await retire(provider, { serials: [huge], evidence: EVIDENCE }).expect(400)).body).toMatchObject({ code: 'VALIDATION_FAILED', errors: [{ field: 'serials' }] });
    await hold(other, { serial: 'JCL-ERL-R907-1-1000' }).expect(201);
  });

  it('transfers go only to another organisation with the provider role', async () => {
    await hold(provider, { serial: 'JCL-ERL-R908-1-10' }).expect(201);
    const transfer = (to: string) => t.http.post('/v1/transfers').set(provider.auth).send({ serial: 'JCL-ERL-R908-1-5', toOrganizationId: to });
    expect((await transfer(provider.id).expect(400)).body).toMatchObject({ code: 'VALIDATION_FAILED', errors: [{ field: 'toOrganizationId' }] });
    expect((await transfer(auditorOnly.id).expect(422)).body).toMatchObject({ code: 'RULE_VIOLATION', errors: [{ rule: 'LEDGER-transfer-receiver' }] });
    await transfer(other.id).expect(201);
  });

  it('the schema refuses a block entering a namespace under another scheme than the one on record (direct SQL)', async () => {
    await hold(provider, { serial: 'JCL-ERL-R909-1-10' }).expect(201);
    let n = 0;
    const insert = (id: string, scheme: string, start: number) =>
      t.dataSource.query(
        `INSERT INTO serial_blocks (id, scheme, namespace, start_serial, end_serial, attributes, status, owner_id, created_seq)
         VALUES (?, ?, 'JCREDIT_REGISTRY:JCL-ERL-R909', ?, ?, '{}', 'held', ?, 1)`.replace(/\?/g, () => (TEST_ENGINE === 'postgres' ? `$${++n}` : '?')),
        ((n = 0), [id, scheme, start, start + 9, provider.id]),
      );
    await expect(insert('11111111-1111-4111-8111-111111111111', 'REGIONAL_JCREDIT', 100)).rejects.toThrow(/SERIAL_IDENTITY/);
    await expect(insert('22222222-2222-4222-8222-222222222222', 'JCREDIT', 5)).rejects.toThrow(/SERIAL_OVERLAP|23P01|exclusion|UNIQUE/i);
    await insert('33333333-3333-4333-8333-333333333333', 'JCREDIT', 100);
  });
});

describe('the serial-identity migration keeps a double retirement planted under the old keys, and ledger duplicates finds it', () => {
  it('both records stay, marked; an administrator voids one and the serials stay retired once', async () => {
    const legacy = await plantLegacyDoubleRetirement();
    const t = await startTestApp(legacy.database.env);
    try {
      const rows: { id: string; namespace: string; identity_duplicate: unknown; closed_seq: unknown }[] = await t.dataSource.query(
        `SELECT id, namespace, identity_duplicate, closed_seq FROM serial_blocks ORDER BY created_seq`,
      );
      expect(rows.map((r) => [r.id, r.namespace, Boolean(Number(r.identity_duplicate) || r.identity_duplicate === true), r.closed_seq])).toEqual([
        [legacy.blockIds[0], 'JCREDIT_REGISTRY:JCL-ERL-LEG1', true, null],
        [legacy.blockIds[1], 'JCREDIT_REGISTRY:JCL-ERL-LEG1', true, null],
      ]);
      const pairs = await t.app.get(IdentityDuplicatesQuery).execute();
      expect(pairs).toEqual([
        {
          namespace: 'JCREDIT_REGISTRY:JCL-ERL-LEG1',
          records: [
            expect.objectContaining({ scheme: 'JCREDIT', serial: 'JCL-ERL-LEG1-1-10', status: 'retired', retirementId: legacy.retirementIds[0] }),
            expect.objectContaining({ scheme: 'REGIONAL_JCREDIT', serial: 'JCL-ERL-LEG1-1-10', status: 'retired', retirementId: legacy.retirementIds[1] }),
          ],
        },
      ]);
      const shown = await t.http.get('/v1/serials/status').query({ serial: 'JCL-ERL-LEG1-1-10' }).expect(200);
      expect(shown.body.segments).toEqual([expect.objectContaining({ start: '1', end: '10', status: 'retired', retirementId: legacy.retirementIds[0] })]);
      const provider = await createOrganizationWithKey(t, ['provider']);
      const again = await t.http.post('/v1/retirements').set(provider.auth)
        .send({ serials: ['JCL-ERL-LEG1-5-5'], beneficiary: 'b', purpose: 'p', evidence: EVIDENCE }).expect(409);
      expect(again.body.code).toBe('ALREADY_RETIRED');

      await t.http.post(`/v1/retirements/${legacy.retirementIds[1]}/void`).set(t.admin).send({ reason: 'retired twice under two labels (ledger duplicates)' }).expect(200);
      expect(await t.app.get(IdentityDuplicatesQuery).execute()).toEqual([]);
      const status = await t.http.get('/v1/serials/status').query({ serial: 'JCL-ERL-LEG1-1-10' }).expect(200);
      expect(status.body.segments).toEqual([expect.objectContaining({ start: '1', end: '10', status: 'retired', retirementId: legacy.retirementIds[0] })]);
      const auditor = await createOrganizationWithKey(t, ['auditor']);
      expect((await t.http.get('/v1/ledger/verify').set(auditor.auth).expect(200)).body.ok).toBe(true);
    } finally {
      await t.close();
      await legacy.database.drop();
    }
  }, 60_000);
});
