import { deadlineAfter } from '@registry/domain';
import { certifiedClaim, declared } from '../support/claims';
import { addDaysIso, todayJst } from '../support/dates';
import { createOrganizationWithKey, startTestApp, type TestApp } from '../support/test-app';
import { TEST_ENGINE } from '../support/test-engine';

type Org = Awaited<ReturnType<typeof createOrganizationWithKey>>;
const CN = declared({ type: 'CN', boundary: '本社', targetPeriod: { start: '2024-04-01', end: '2025-03-31' }, baseYear: 2013, emissions: { scope1: '3', scope2: '0' } });
const CFP = declared({ type: 'CFP', product: { name: 'ボールペン', cfpVerificationNumber: 'CV-AB01-001' }, cfpPerUnitKg: '2.5', quantity: '400', period: { start: '2024-04-01', end: '2025-03-31' } });

/** Seed 002 2.3.5–2.3.7 and seed 004 art. 13, 18: what happens to a claim after it is certified. */
describe(`the certification process after certification (${TEST_ENGINE})`, () => {
  let t: TestApp;
  let applicant: Org;
  let certifier: Org;
  let otherCertifier: Org;
  let auditor: Org;

  beforeAll(async () => {
    t = await startTestApp();
    applicant = await createOrganizationWithKey(t, ['applicant']);
    certifier = await createOrganizationWithKey(t, ['certifier']);
    otherCertifier = await createOrganizationWithKey(t, ['certifier']);
    auditor = await createOrganizationWithKey(t, ['auditor']);
  });
  afterAll(() => t.close());

  const act = (org: { auth: { Authorization: string } }, claimId: string, action: string, body: Record<string, unknown> = {}) =>
    t.http.post(`/v1/claims/${claimId}/${action}`).set(org.auth).send(body);
  const claimOf = async (claimId: string) => (await t.http.get(`/v1/claims/${claimId}`).set(applicant.auth).expect(200)).body;
  const journal = async (claimId: string) =>
    ((await t.http.get('/v1/ledger/entries').query({ limit: 1000 }).set(auditor.auth).expect(200)).body.items as { type: string; payload: string }[])
      .map((e) => ({ type: e.type, payload: JSON.parse(e.payload) as Record<string, unknown> }))
      .filter((e) => e.payload.claimId === claimId);

  it('CN-2.3.7: a certified CN claim only asks to withdraw; the assigned certifier refuses (back to certified) or accepts (withdrawn)', async () => {
    const claim = await certifiedClaim(t, applicant, certifier, CN, 3);
    const asked = await act(applicant, claim.id, 'withdraw', { reason: '事業所閉鎖のため' }).expect(200);
    expect(asked.body).toMatchObject({ status: 'withdrawal_requested', withdrawalRequest: { reason: '事業所閉鎖のため', requestedOn: todayJst(), fromStatus: 'certified' } });
    await act(applicant, claim.id, 'accept-withdrawal').expect(403);
    await act(otherCertifier, claim.id, 'accept-withdrawal').expect(403);
    const noReason = await act(certifier, claim.id, 'reject-withdrawal', {}).expect(400);
    expect(new Set(noReason.body.errors.map((e: { field: string }) => e.field))).toEqual(new Set(['reason']));
    const refused = await act(certifier, claim.id, 'reject-withdrawal', { reason: '書面が未提出' }).expect(200);
    expect(refused.body).toMatchObject({ status: 'certified', withdrawalRequest: null });
    await act(certifier, claim.id, 'accept-withdrawal').expect(409);

    await act(applicant, claim.id, 'withdraw', { reason: '書面を提出' }).expect(200);
    const accepted = await act(certifier, claim.id, 'accept-withdrawal', { reason: '妥当' }).expect(200);
    expect(accepted.body).toMatchObject({ status: 'withdrawn' });
    expect((await journal(claim.id)).map((e) => e.type)).toEqual(
      expect.arrayContaining(['claim.withdraw', 'claim.reject_withdrawal', 'claim.accept_withdrawal']),
    );
    // Its credits stay used (art. 3): the retirement behind it cannot be voided.
    const voided = await t.http.post(`/v1/retirements/${claim.retirementId}/void`).set(t.admin).send({ reason: 'reuse' }).expect(409);
    expect(voided.body).toMatchObject({ code: 'INVALID_STATE', claimStatus: 'withdrawn' });
  });

  it('CN-2.3.7: a refused request returns a suspended claim to suspended; a draft is withdrawn at once', async () => {
    const claim = await certifiedClaim(t, applicant, certifier, CN, 3);
    await act(certifier, claim.id, 'suspend', { reason: '調査に協力しない', ground: 'non_cooperation' }).expect(200);
    await act(applicant, claim.id, 'withdraw', { reason: 'x' }).expect(200);
    // While the request waits, its retirement is not voidable either.
    expect((await t.http.post(`/v1/retirements/${claim.retirementId}/void`).set(t.admin).send({ reason: 'r' }).expect(409)).body.claimStatus).toBe('withdrawal_requested');
    expect((await act(certifier, claim.id, 'reject-withdrawal', { reason: 'no' }).expect(200)).body.status).toBe('suspended');

    const draft = await t.http.post('/v1/claims').set(applicant.auth).send(CN).expect(201);
    expect((await act(applicant, draft.body.id, 'withdraw', { reason: 'filed by mistake' }).expect(200)).body.status).toBe('withdrawn');
  });

  it('CFP-art18: a notified CFP offset is withdrawn on request at once, with marks removed within a month', async () => {
    const claim = await certifiedClaim(t, applicant, certifier, CFP, 1);
    const withdrawn = await act(applicant, claim.id, 'withdraw', { reason: '販売終了' }).expect(200);
    expect(withdrawn.body).toMatchObject({ status: 'withdrawn', labelsRemovedBy: deadlineAfter(todayJst(), 1) });
    expect((await t.http.post(`/v1/retirements/${claim.retirementId}/void`).set(t.admin).send({ reason: 'r' }).expect(409)).body.code).toBe('INVALID_STATE');
  });

  it('CFP-art13: a CFP offset is notified, not certified: no suspension, reinstatement, revocation or recommendation (409); changes are notified again (art. 13 ③)', async () => {
    const claim = await certifiedClaim(t, applicant, certifier, CFP, 1);
    expect(claim.body).toMatchObject({ status: 'certified', notificationNumber: expect.stringMatching(/^CFP-\d{4}-\d{4}$/) });
    for (const action of ['suspend', 'revoke']) {
      const refused = await act(certifier, claim.id, action, { reason: 'x', ground: 'urgent' }).expect(409);
      expect(refused.body).toMatchObject({ code: 'INVALID_STATE', rule: 'CFP-art13' });
    }
    expect((await act(certifier, claim.id, 'reinstate', { reason: 'x' }).expect(409)).body.rule).toBe('CFP-art13');
    expect((await act(certifier, claim.id, 'recommend-correction', { reason: 'x', dueOn: todayJst() }).expect(409)).body.rule).toBe('CFP-art13');
    const changed = await act(applicant, claim.id, 'change-notifications', { description: '数量を 400 → 500 に変更', effectiveOn: addDaysIso(todayJst(), 10) }).expect(201);
    expect(changed.body.changeNotifications).toEqual([{ description: '数量を 400 → 500 に変更', effectiveOn: addDaysIso(todayJst(), 10), notifiedOn: todayJst() }]);
    expect((await journal(claim.id)).map((e) => e.type)).toContain('claim.change_notified');
    await act(applicant, claim.id, 'plan-changes', { description: 'x', effectiveOn: '2030-01-01' }).expect(409);
  });

  it('CN-2.3.5-2: a CN claim is suspended or revoked for an uncorrected breach only after a recommendation for correction', async () => {
    const claim = await certifiedClaim(t, applicant, certifier, CN, 3);
    const direct = await act(certifier, claim.id, 'suspend', { reason: '虚偽記載' }).expect(422);
    expect(direct.body).toMatchObject({ code: 'RULE_VIOLATION', errors: [expect.objectContaining({ rule: 'CN-2.3.5-2' })] });
    expect((await act(certifier, claim.id, 'revoke', { reason: '虚偽記載', ground: 'uncorrected' }).expect(422)).body.errors[0].rule).toBe('CN-2.3.5-2');
    expect((await act(certifier, claim.id, 'recommend-correction', { reason: 'x', dueOn: addDaysIso(todayJst(), -1) }).expect(400)).body.errors).toEqual([
      expect.objectContaining({ field: 'dueOn' }),
    ]);
    await act(applicant, claim.id, 'recommend-correction', { reason: 'x', dueOn: todayJst() }).expect(403);

    const dueOn = addDaysIso(todayJst(), 30);
    const recommended = await act(certifier, claim.id, 'recommend-correction', { reason: 'スコープ2の算定漏れ', dueOn }).expect(200);
    expect(recommended.body.correctionRecommendations).toEqual([{ reason: 'スコープ2の算定漏れ', dueOn, recommendedOn: todayJst() }]);
    expect((await journal(claim.id)).find((e) => e.type === 'claim.correction_recommended')?.payload).toMatchObject({ dueOn });
    await act(certifier, claim.id, 'suspend', { reason: '是正されない' }).expect(200);
    const revoked = await act(certifier, claim.id, 'revoke', { reason: '是正されない' }).expect(200);
    // CN-2.3.6-2: labels removed within 1 month of the revocation (Civil Code: from the next day).
    expect(revoked.body).toMatchObject({ status: 'revoked', labelsRemovedBy: deadlineAfter(todayJst(), 1), sanctions: [expect.objectContaining({ action: 'suspended', ground: 'uncorrected' }), expect.objectContaining({ action: 'revoked' })] });
    expect((await claimOf(claim.id)).labelsRemovedBy).toBe(deadlineAfter(todayJst(), 1));
    expect((await journal(claim.id)).find((e) => e.type === 'claim.revoke')?.payload).toMatchObject({ ground: 'uncorrected', dueOn: deadlineAfter(todayJst(), 1) });
  });

  it('CN-2.3.5: non-cooperation (①) and urgency (③) allow a sanction without a recommendation', async () => {
    const claim = await certifiedClaim(t, applicant, certifier, CN, 3);
    await act(certifier, claim.id, 'suspend', { reason: '資料提出なし', ground: 'non_cooperation' }).expect(200);
    await act(certifier, claim.id, 'reinstate', { reason: '提出された' }).expect(200);
    await act(certifier, claim.id, 'revoke', { reason: '重大な虚偽', ground: 'urgent' }).expect(200);
    expect((await act(certifier, claim.id, 'revoke', { reason: 'x', ground: 'bogus' }).expect(400)).body.errors).toEqual([expect.objectContaining({ field: 'ground' })]);
  });
});
