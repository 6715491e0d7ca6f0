import { csrfTokenFor } from '@registry/domain';
import { CreatePersonUseCase } from '@registry/ledger';
import { CN_DRAFT } from './access-fixtures';
import { assignCertifier, verifyClaim } from './claims';
import type { TestApp } from './test-app';

export const PERSON_PASSWORD = 'correct horse battery staple';

let serial = 0;

/**
 * A CN claim of `applicant`, covered by a retirement made elsewhere (with evidence), submitted,
 * assigned to `certifierId` and, unless `verified: false`, verified as declared: what waits in a
 * certification body's queue for its decision.
 */
export async function submittedCnClaim(
  t: TestApp,
  applicant: { auth: { Authorization: string } },
  certifierId: string,
  options: { boundary?: string; verified?: boolean } = {},
): Promise<string> {
  const boundary = options.boundary ?? `本社 ${++serial}`;
  const claim = await t.http.post('/v1/claims').set(applicant.auth).send({ ...CN_DRAFT, boundary }).expect(201);
  const project = 7000 + (++serial % 2000);
  await t.http
    .post('/v1/retirements')
    .set(applicant.auth)
    .send({ serials: [`JCL-ERL-R${project}-1-2001`], claimId: claim.body.id, beneficiary: 'own', purpose: 'offset', evidence: { registry: 'J-Credit registry', reference: `JC-${project}` } })
    .expect(201);
  await t.http.post(`/v1/claims/${claim.body.id}/submit`).set(applicant.auth).expect(200);
  await assignCertifier(t, claim.body.id, certifierId);
  if (options.verified !== false) await verifyClaim(t, claim.body.id);
  return claim.body.id;
}

/** A person of the organisation, made by the admin (as the CLI would). */
export async function createWebPerson(t: TestApp, organizationId: string, roles: ('certifier' | 'provider' | 'applicant' | 'auditor')[], label: string) {
  const email = `${label}.${Date.now()}.${++serial}@example.jp`;
  const person = await t.app.get(CreatePersonUseCase).execute({ organizationId, email, password: PERSON_PASSWORD, roles, actor: { kind: 'admin' } });
  return { id: person.id, email, organizationId };
}

/** Signs in through the form; answers the session cookie and the CSRF token its forms carry. */
export async function webSignIn(t: TestApp, email: string): Promise<{ cookie: string; csrf: string }> {
  const form = await t.http.get('/sign-in').set('Accept', 'text/html').expect(200);
  const preSession = /pre_session=([^;]+)/.exec(([] as string[]).concat(form.headers['set-cookie'] ?? []).join('\n'))![1];
  const csrf = /name="_csrf" value="([^"]+)"/.exec(form.text)![1];
  const res = await t.http
    .post('/sign-in')
    .set({ Accept: 'text/html', 'Content-Type': 'application/x-www-form-urlencoded', Cookie: `pre_session=${preSession}` })
    .send(new URLSearchParams({ _csrf: csrf, email, password: PERSON_PASSWORD }).toString())
    .expect(303);
  const token = /session=([^;]+)/.exec(([] as string[]).concat(res.headers['set-cookie'] ?? []).find((line) => line.startsWith('session='))!)![1];
  return { cookie: `session=${token}`, csrf: csrfTokenFor(token) };
}

/** Today and the longest CN validity from today (CN-2.3.3-1: one year), in Japan's calendar. */
export function cnValidity(): { validFrom: string; validTo: string } {
  const validFrom = new Date(Date.now() + 9 * 3600_000).toISOString().slice(0, 10);
  const validTo = new Date(Date.parse(`${validFrom}T00:00:00Z`) + 364 * 86_400_000).toISOString().slice(0, 10);
  return { validFrom, validTo };
}
