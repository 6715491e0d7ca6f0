import type { TestApp } from './test-app';

/** The admin assigns the claim's certification body (only it may then certify, suspend, reinstate, revoke). */
export async function assignCertifier(t: TestApp, claimId: string, certifierId: string): Promise<void> {
  await t.http.post(`/v1/claims/${claimId}/certifier`).set(t.admin).send({ organizationId: certifierId }).expect(200);
}
