import { applyDecorators, createParamDecorator, SetMetadata, type ExecutionContext } from '@nestjs/common';
import { AuthenticatedBySession } from '@registry/auth';
import { DomainError, type Role } from '@registry/domain';
import type { ResolvedSession } from '@registry/ledger';
import type { FastifyRequest } from 'fastify';

/** The signed-in person of a web request: the session's cookie token and what it resolved to. */
export interface WebSession extends ResolvedSession {
  token: string;
}

export const WEB_ACCESS = 'registry:webAccess';

/** Who may open a signed-in page: any signed-in person (no roles), or one holding one of `roles`. */
export interface WebAccess {
  roles: Role[];
}

/**
 * A page for signed-in people (with one of `roles`, when named): a browser without a session is
 * sent to the sign-in form and comes back; a person without the role gets a 403 page. Never an API key.
 */
export function SignedIn(...roles: Role[]): MethodDecorator & ClassDecorator {
  return applyDecorators(AuthenticatedBySession(), SetMetadata(WEB_ACCESS, { roles } satisfies WebAccess));
}

const SESSIONS = new WeakMap<FastifyRequest, WebSession>();

export function setWebSession(request: FastifyRequest, session: WebSession): void {
  SESSIONS.set(request, session);
}

/** The session the web guard resolved for this request, if any. */
export function webSessionOf(request: FastifyRequest): WebSession | undefined {
  return SESSIONS.get(request);
}

/** The signed-in person on a `@SignedIn()` page (the guard has made sure there is one). */
export const CurrentSession = createParamDecorator((_data: unknown, context: ExecutionContext): WebSession => {
  const session = webSessionOf(context.switchToHttp().getRequest<FastifyRequest>());
  if (!session) throw new DomainError('UNAUTHENTICATED', 'this page needs a signed-in person');
  return session;
});

/** Thrown by the guard for a browser without a session on a signed-in page: the filter answers 303 to the sign-in form. */
export class SignInRequired extends Error {
  constructor(readonly returnTo: string) {
    super('this page needs a signed-in person');
  }
}

/** A form's CSRF token was missing or wrong: a 403 page that asks to reload the form. */
export class CsrfRefused extends DomainError {
  constructor() {
    super('FORBIDDEN', 'the form’s CSRF token is missing or does not match this browser’s session: reload the page and send the form again');
  }
}
