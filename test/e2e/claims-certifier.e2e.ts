import { assignCertifier, verifyClaim } from '../support/claims';
import { addDaysIso, todayJst } from '../support/dates';
import { createOrganizationWithKey, startTestApp, type TestApp } from '../support/test-app';
import { TEST_ENGINE } from '../support/test-engine';

type Org = Awaited<ReturnType<typeof createOrganizationWithKey>>;

/** CN 2.1.1 ② (seed 002): the applicant is independent of the certification body (and the verifier). */
const INDEPENDENCE = 'CN-2.1.1-2';
const CN_DRAFT = { type: 'CN', declarations: { independentOfCertifierAndVerifier: true }, boundary: '本社', targetPeriod: { start: '2024-04-01', end: '2025-03-31' }, baseYear: 2013, emissions: { scope1: '1', scope2: '0' } };
const EVIDENCE = { registry: 'J-Credit registry', reference: 'JC-2025-0001' };

/**
 * Issue 13 finding 3: an organisation holding the applicant and certifier roles certified its own
 * claim, and any certifier could certify any claim. Now the admin assigns each claim's
 * certification body, only that body acts on the claim, and never the applicant.
 */
describe(`claim certification body (${TEST_ENGINE})`, () => {
  let t: TestApp;
  let selfCertifier: Org;
  let certifier: Org;
  let otherCertifier: Org;
  let provider: Org;
  let serial = 0;

  beforeAll(async () => {
    t = await startTestApp();
    selfCertifier = await createOrganizationWithKey(t, ['applicant', 'certifier']);
    certifier = await createOrganizationWithKey(t, ['certifier']);
    otherCertifier = await createOrganizationWithKey(t, ['certifier']);
    provider = await createOrganizationWithKey(t, ['provider']);
  });
  afterAll(() => t.close());

  /** A 1 t CN claim of `selfCertifier`, backed by a 1 t retirement outside the ledger, submitted and verified (CN-2.2.4). */
  async function submittedClaim(): Promise<{ id: string; retirementId: string }> {
    const claim = await t.http.post('/v1/claims').set(selfCertifier.auth).send(CN_DRAFT).expect(201);
    const serials = [`JCL-ERL-R930-${++serial}-${serial}`];
    const retirement = await t.http
      .post('/v1/retirements')
      .set(selfCertifier.auth)
      .send({ serials, claimId: claim.body.id, beneficiary: 'own', purpose: 'CN', evidence: EVIDENCE })
      .expect(201);
    await t.http.post(`/v1/claims/${claim.body.id}/submit`).set(selfCertifier.auth).expect(200);
    await verifyClaim(t, claim.body.id);
    return { id: claim.body.id, retirementId: retirement.body.id };
  }

  const validity = () => ({ validFrom: todayJst(), validTo: addDaysIso(todayJst(), 364) });
  const act = (org: Org, claimId: string, action: string, body: Record<string, unknown>) =>
    t.http.post(`/v1/claims/${claimId}/${action}`).set(org.auth).send(body);
  /** Direct SQL, bypassing the application (placeholders written `?` for both engines). */
  const sql = (text: string, params: unknown[]) => {
    let i = 0;
    return t.dataSource.query(TEST_ENGINE === 'postgres' ? text.replace(/\?/g, () => `$${++i}`) : text, params);
  };
  const claimOf = async (claimId: string) => (await t.http.get(`/v1/claims/${claimId}`).set(t.admin).expect(200)).body;

  it(`${INDEPENDENCE}: an organisation with the applicant and certifier roles never certifies its own claim, even after the admin tried to assign it`, async () => {
    const claim = await submittedClaim();

    const assign = await t.http.post(`/v1/claims/${claim.id}/certifier`).set(t.admin).send({ organizationId: selfCertifier.id }).expect(403);
    expect(assign.body).toMatchObject({ code: 'FORBIDDEN', rule: INDEPENDENCE });
    expect((await claimOf(claim.id)).certifierId).toBeNull();

    const unassigned = await act(selfCertifier, claim.id, 'certify', validity()).expect(403);
    expect(unassigned.body).toMatchObject({ code: 'FORBIDDEN', rule: INDEPENDENCE });

    await assignCertifier(t, claim.id, certifier.id);
    const assigned = await act(selfCertifier, claim.id, 'certify', validity()).expect(403);
    expect(assigned.body).toMatchObject({ code: 'FORBIDDEN', rule: INDEPENDENCE });
    expect((await claimOf(claim.id)).status).toBe('submitted');

    const certified = await act(certifier, claim.id, 'certify', validity()).expect(200);
    expect(certified.body).toMatchObject({ status: 'certified', certifierId: certifier.id, certificationNumber: expect.stringMatching(/^CN-/) });
    for (const action of ['suspend', 'revoke']) {
      const refused = await act(selfCertifier, claim.id, action, { reason: 'self-serving' }).expect(403);
      expect(refused.body).toMatchObject({ code: 'FORBIDDEN', rule: INDEPENDENCE });
    }
    expect((await claimOf(claim.id)).status).toBe('certified');
  });

  it('only the assigned certification body certifies, suspends, reinstates or revokes; another certifier and an unassigned claim are 403', async () => {
    const claim = await submittedClaim();
    const none = await act(certifier, claim.id, 'certify', validity()).expect(403);
    expect(none.body.code).toBe('FORBIDDEN');
    expect(none.body.detail).toMatch(/no certification body is assigned/);

    await assignCertifier(t, claim.id, certifier.id);
    const other = await act(otherCertifier, claim.id, 'certify', validity()).expect(403);
    expect(other.body).toMatchObject({ code: 'FORBIDDEN', detail: expect.stringMatching(/assigned to this claim/) });
    expect(other.body.rule).toBeUndefined();

    await act(certifier, claim.id, 'certify', validity()).expect(200);
    await act(otherCertifier, claim.id, 'suspend', { reason: 'x' }).expect(403);
    await act(certifier, claim.id, 'suspend', { reason: 'investigation (2.3.5)', ground: 'non_cooperation' }).expect(200);
    await act(otherCertifier, claim.id, 'reinstate', { reason: 'x' }).expect(403);
    await act(certifier, claim.id, 'reinstate', { reason: 'corrected' }).expect(200);
    await act(otherCertifier, claim.id, 'revoke', { reason: 'x' }).expect(403);
    expect((await claimOf(claim.id)).status).toBe('certified');
    await act(certifier, claim.id, 'revoke', { reason: 'false statement (2.3.6)', ground: 'urgent' }).expect(200);
  });

  it(`${INDEPENDENCE} comes before every other answer: where the assigned certifier gets 400, 409 or 422, the applicant-certifier gets 403`, async () => {
    const draft = await t.http.post('/v1/claims').set(selfCertifier.auth).send(CN_DRAFT).expect(201);
    await assignCertifier(t, draft.body.id, certifier.id);
    const cases: { claimId: string; action: string; body: Record<string, unknown>; assignedGets: number }[] = [
      // 409 INVALID_STATE: a draft cannot be certified, suspended or reinstated.
      { claimId: draft.body.id, action: 'certify', body: validity(), assignedGets: 409 },
      { claimId: draft.body.id, action: 'suspend', body: { reason: 'x' }, assignedGets: 409 },
      { claimId: draft.body.id, action: 'reinstate', body: { reason: 'x' }, assignedGets: 409 },
      // 400: the body itself (shape, unknown field, missing reason), whatever the state.
      { claimId: draft.body.id, action: 'certify', body: { validFrom: 5, bonus: true }, assignedGets: 400 },
      { claimId: draft.body.id, action: 'revoke', body: {}, assignedGets: 400 },
    ];
    const submitted = await submittedClaim();
    await assignCertifier(t, submitted.id, certifier.id);
    // 400 RULE_VIOLATION (CN-2.3.3-1) and VALIDATION_FAILED: the validity dates.
    cases.push({ claimId: submitted.id, action: 'certify', body: { validFrom: todayJst(), validTo: addDaysIso(todayJst(), 400) }, assignedGets: 400 });
    cases.push({ claimId: submitted.id, action: 'certify', body: {}, assignedGets: 400 });
    for (const c of cases) {
      const refused = await act(selfCertifier, c.claimId, c.action, c.body);
      expect({ ...c, status: refused.status, code: refused.body.code, rule: refused.body.rule }).toEqual({ ...c, status: 403, code: 'FORBIDDEN', rule: INDEPENDENCE });
      expect({ ...c, status: (await act(certifier, c.claimId, c.action, c.body)).status }).toEqual({ ...c, status: c.assignedGets });
    }

    // 422 RULE_VIOLATION: the retirement behind the submitted claim is voided, so it is no longer covered.
    await t.http.post(`/v1/retirements/${submitted.retirementId}/void`).set(t.admin).send({ reason: 'evidence was made up' }).expect(200);
    const selfUncovered = await act(selfCertifier, submitted.id, 'certify', validity()).expect(403);
    expect(selfUncovered.body.rule).toBe(INDEPENDENCE);
    expect((await act(certifier, submitted.id, 'certify', validity()).expect(422)).body.code).toBe('RULE_VIOLATION');

    // Only a claim that does not exist answers 404 (there is no applicant to compare with).
    expect((await act(selfCertifier, '00000000-0000-4000-8000-000000000000', 'certify', validity()).expect(404)).body.code).toBe('NOT_FOUND');
  });

  it('a certifier reads only the claims assigned to it', async () => {
    const claim = await submittedClaim();
    expect((await t.http.get(`/v1/claims/${claim.id}`).set(certifier.auth).expect(403)).body.code).toBe('FORBIDDEN');
    await assignCertifier(t, claim.id, certifier.id);
    const read = await t.http.get(`/v1/claims/${claim.id}`).set(certifier.auth).expect(200);
    expect(read.body).toMatchObject({ id: claim.id, certifierId: certifier.id });
    expect((await t.http.get(`/v1/claims/${claim.id}`).set(otherCertifier.auth).expect(403)).body.code).toBe('FORBIDDEN');
    // The applicant reads its own claim whatever its other roles.
    await t.http.get(`/v1/claims/${claim.id}`).set(selfCertifier.auth).expect(200);
  });

  it('assignment: admin only, a certifier that exists, journaled, and changeable until the claim is certified', async () => {
    const claim = await submittedClaim();
    await t.http.post(`/v1/claims/${claim.id}/certifier`).set(certifier.auth).send({ organizationId: certifier.id }).expect(403);
    for (const [organizationId, message] of [
      [provider.id, /certifier role/],
      ['00000000-0000-4000-8000-000000000000', /no such organisation/],
    ] as const) {
      const bad = await t.http.post(`/v1/claims/${claim.id}/certifier`).set(t.admin).send({ organizationId }).expect(400);
      expect(bad.body).toMatchObject({ code: 'VALIDATION_FAILED', errors: [{ field: 'organizationId', message: expect.stringMatching(message) }] });
    }
    const missing = await t.http.post(`/v1/claims/${claim.id}/certifier`).set(t.admin).send({}).expect(400);
    expect(missing.body.errors).toEqual([expect.objectContaining({ field: 'organizationId' })]);
    await t.http.post('/v1/claims/00000000-0000-4000-8000-000000000000/certifier').set(t.admin).send({ organizationId: certifier.id }).expect(404);

    await assignCertifier(t, claim.id, otherCertifier.id);
    await assignCertifier(t, claim.id, certifier.id);
    await act(otherCertifier, claim.id, 'certify', validity()).expect(403);
    await act(certifier, claim.id, 'certify', validity()).expect(200);
    const late = await t.http.post(`/v1/claims/${claim.id}/certifier`).set(t.admin).send({ organizationId: otherCertifier.id }).expect(409);
    expect(late.body).toMatchObject({ code: 'INVALID_STATE', status: 409, claimStatus: 'certified' });
    expect((await claimOf(claim.id)).certifierId).toBe(certifier.id);

    const auditor = await createOrganizationWithKey(t, ['auditor']);
    const entries = (await t.http.get('/v1/ledger/entries').query({ limit: 1000 }).set(auditor.auth).expect(200)).body.items as { type: string; payload: string }[];
    const assignments = entries
      .filter((e) => e.type === 'claim.certifier_assigned')
      .map((e) => JSON.parse(e.payload) as Record<string, unknown>)
      .filter((payload) => payload.claimId === claim.id);
    expect(assignments).toEqual([
      { claimId: claim.id, certifierId: otherCertifier.id, previousCertifierId: null },
      { claimId: claim.id, certifierId: certifier.id, previousCertifierId: otherCertifier.id },
    ]);
  });

  it('a claim certified before bodies were assigned (migration 1764000000006 leaves it none) gets one, once, and can then be suspended', async () => {
    const claim = await submittedClaim();
    await assignCertifier(t, claim.id, certifier.id);
    await act(certifier, claim.id, 'certify', validity()).expect(200);
    await sql(`UPDATE claims SET certifier_id = NULL WHERE id = ?`, [claim.id]);

    expect((await act(certifier, claim.id, 'suspend', { reason: 'x' }).expect(403)).body.detail).toMatch(/no certification body is assigned/);
    await assignCertifier(t, claim.id, otherCertifier.id);
    await act(otherCertifier, claim.id, 'suspend', { reason: 'investigation (2.3.5)', ground: 'non_cooperation' }).expect(200);
    const again = await t.http.post(`/v1/claims/${claim.id}/certifier`).set(t.admin).send({ organizationId: certifier.id }).expect(409);
    expect(again.body).toMatchObject({ code: 'INVALID_STATE', claimStatus: 'suspended' });
  });

  it(`the schema refuses the applicant as its own certifier (${INDEPENDENCE}), whatever writes the row`, async () => {
    const claim = await submittedClaim();
    await expect(sql(`UPDATE claims SET certifier_id = ? WHERE id = ?`, [selfCertifier.id, claim.id])).rejects.toThrow(/ck_claims_certifier_independent/);
    await expect(sql(`UPDATE claims SET certifier_id = ? WHERE id = ?`, ['no-such-org', claim.id])).rejects.toThrow(/foreign key/i);
    expect((await claimOf(claim.id)).certifierId).toBeNull();
  });
});
