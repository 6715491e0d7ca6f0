import { csrfTokenFor, type Role } from '@registry/domain';
import { CreatePersonUseCase } from '@registry/ledger';
import type { TestApp } from './test-app';

export const WEB_PASSWORD = 'correct horse battery staple';

export interface SignedInPerson {
  id: string;
  email: string;
  organizationId: string;
  /** The Cookie header of the person's session. */
  cookie: string;
  /** The session's form token (`_csrf`). */
  csrf: string;
}

let people = 0;

/** A person of `organizationId` with `roles`, signed in through the sign-in form (its pre-session cookie and CSRF token). */
export async function signedInPerson(t: TestApp, organizationId: string, roles: Role[]): Promise<SignedInPerson> {
  const email = `person${++people}.${Date.now()}@example.jp`;
  const person = await t.app.get(CreatePersonUseCase).execute({ organizationId, email, password: WEB_PASSWORD, roles, actor: { kind: 'admin' } });
  const form = await t.http.get('/sign-in').set('Accept', 'text/html').expect(200);
  const preSession = /pre_session=([^;]+)/.exec(([] as string[]).concat(form.headers['set-cookie'] ?? []).join('\n'))![1];
  const csrf = /name="_csrf" value="([^"]+)"/.exec(form.text)![1];
  const res = await t.http
    .post('/sign-in')
    .set({ Accept: 'text/html', 'Content-Type': 'application/x-www-form-urlencoded', Cookie: `pre_session=${preSession}` })
    .send(new URLSearchParams({ _csrf: csrf, email, password: WEB_PASSWORD }).toString())
    .expect(303);
  const token = /(?:^|\n)session=([^;]+)/.exec(([] as string[]).concat(res.headers['set-cookie'] ?? []).join('\n'))![1];
  return { id: person.id, email, organizationId, cookie: `session=${token}`, csrf: csrfTokenFor(token) };
}
