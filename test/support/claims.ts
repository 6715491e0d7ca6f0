import type { TestApp } from './test-app';

/** What an applicant declares when it files (CN-2.1.1-2 for CN and CN plans, CFP-art5-2): required on every claim. */
export const DECLARATIONS = {
  CN: { independentOfCertifierAndVerifier: true },
  CN_PLAN: { independentOfCertifierAndVerifier: true },
  CFP: { notAntiSocialForce: true },
} as const;

/** The draft with the declaration its program requires (a draft that states its own keeps it). */
export function declared<T extends { type: string }>(draft: T): T & { declarations: Record<string, boolean> } {
  const declarations = DECLARATIONS[draft.type as keyof typeof DECLARATIONS];
  if (!declarations) throw new Error(`no declarations for claim type ${draft.type}`);
  return { declarations, ...draft };
}

/** The admin assigns the claim's certification body (only it may then certify, suspend, reinstate, revoke). */
export async function assignCertifier(t: TestApp, claimId: string, certifierId: string): Promise<void> {
  await t.http.post(`/v1/claims/${claimId}/certifier`).set(t.admin).send({ organizationId: certifierId }).expect(200);
}

const verifiers = new WeakMap<TestApp, Promise<{ id: string; auth: { Authorization: string } }>>();

/** One verification body per test app (seed 002 2.2), created on first use. */
export function testVerifier(t: TestApp): Promise<{ id: string; auth: { Authorization: string } }> {
  let verifier = verifiers.get(t);
  if (!verifier) {
    verifier = (async () => {
      const org = await t.http.post('/v1/organizations').set(t.admin).send({ name: 'verification body', roles: ['verifier'] }).expect(201);
      const key = await t.http.post(`/v1/organizations/${org.body.id}/api-keys`).set(t.admin).send({}).expect(201);
      return { id: org.body.id as string, auth: { Authorization: `Bearer ${key.body.key}` } };
    })();
    verifiers.set(t, verifier);
  }
  return verifier;
}

/**
 * A CN or CN plan claim is certified only after an unqualified verification within 5 % materiality
 * (CN-2.2.4): the test verifier confirms the figures the applicant declared (or `verifiedEmissions`).
 */
export async function verifyClaim(t: TestApp, claimId: string, verifiedEmissions?: Record<string, string>): Promise<Record<string, unknown>> {
  const verifier = await testVerifier(t);
  const claim = await t.http.get(`/v1/claims/${claimId}`).set(t.admin).expect(200);
  const { scope1, scope2, scope3 } = claim.body.draft.emissions as Record<string, string>;
  const res = await t.http
    .post(`/v1/claims/${claimId}/verification`)
    .set(verifier.auth)
    .send({
      reportReference: `VR-${claimId.slice(-8)}`,
      assurance: 'reasonable',
      opinion: 'unqualified',
      verifiedEmissions: verifiedEmissions ?? { scope1, scope2, ...(scope3 !== undefined ? { scope3 } : {}) },
      independentOfApplicant: true,
    })
    .expect(201);
  return res.body;
}

let claimSerial = 0;

/**
 * A claim of `applicant` (its declaration added when the draft lacks one) backed by a retirement
 * made elsewhere (evidence), submitted, given `certifier`, verified as declared (CN, CN plan) and
 * certified: a CN claim for a year from today, a CN plan for its plan period (CNP-3.3.2: the
 * certifier names no validity), a CFP offset notified.
 */
export async function certifiedClaim(
  t: TestApp,
  applicant: { auth: { Authorization: string } },
  certifier: { id: string; auth: { Authorization: string } },
  draft: Record<string, unknown>,
  tonnes: number,
): Promise<{ id: string; retirementId: string | null; body: Record<string, unknown> }> {
  const claim = await t.http.post('/v1/claims').set(applicant.auth).send(declared(draft as { type: string })).expect(201);
  let retirementId: string | null = null;
  if (tonnes > 0) {
    const project = 5000 + (++claimSerial % 4000);
    const retirement = await t.http
      .post('/v1/retirements')
      .set(applicant.auth)
      .send({ serials: [`JCL-ERL-R${project}-1-${tonnes}`], claimId: claim.body.id, beneficiary: 'own', purpose: 'offset', evidence: { registry: 'J-Credit registry', reference: `JC-${project}` } })
      .expect(201);
    retirementId = retirement.body.id;
  }
  await t.http.post(`/v1/claims/${claim.body.id}/submit`).set(applicant.auth).expect(200);
  await assignCertifier(t, claim.body.id, certifier.id);
  if (draft.type !== 'CFP') await verifyClaim(t, claim.body.id);
  const validFrom = new Date(Date.now() + 9 * 3600_000).toISOString().slice(0, 10);
  const validTo = new Date(Date.parse(`${validFrom}T00:00:00Z`) + 364 * 86_400_000).toISOString().slice(0, 10);
  const certified = await t.http.post(`/v1/claims/${claim.body.id}/certify`).set(certifier.auth).send(draft.type === 'CN' ? { validFrom, validTo } : {}).expect(200);
  return { id: claim.body.id, retirementId, body: certified.body };
}
