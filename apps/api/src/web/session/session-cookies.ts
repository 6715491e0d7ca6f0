import { Inject, Injectable } from '@nestjs/common';
import { REGISTRY_CONFIG, type RegistryConfig } from '@registry/config';
import { SESSION_TOKEN_PATTERN } from '@registry/domain';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { randomBytes } from 'node:crypto';

/** How long the sign-in form's pre-session cookie lasts: long enough to type a password, no more. */
const PRE_SESSION_SECONDS = 2 * 3600;

/**
 * The web's two cookies, both HttpOnly, SameSite=Lax, Path=/ and Secure when PUBLIC_BASE_URL is
 * https (then with the `__Host-` prefix, so no subdomain or plain-http page can plant them):
 * - the session cookie: the token SignInUseCase made, until the session's absolute end;
 * - the pre-session cookie: random, set by the sign-in form, the key of that form's CSRF token
 *   (there is no session to derive it from yet). It signs nobody in.
 */
@Injectable()
export class SessionCookies {
  readonly secure: boolean;
  readonly sessionName: string;
  readonly preSessionName: string;

  constructor(@Inject(REGISTRY_CONFIG) config: RegistryConfig) {
    this.secure = config.publicBaseUrl.startsWith('https:');
    const prefix = this.secure ? '__Host-' : '';
    this.sessionName = `${prefix}session`;
    this.preSessionName = `${prefix}pre_session`;
  }

  /** The session token the browser presents, when it has the shape of one. */
  sessionToken(request: FastifyRequest): string | undefined {
    return tokenShaped(request.cookies?.[this.sessionName]);
  }

  preSessionToken(request: FastifyRequest): string | undefined {
    return tokenShaped(request.cookies?.[this.preSessionName]);
  }

  setSession(reply: FastifyReply, token: string, expiresAt: string): void {
    const maxAge = Math.max(0, Math.floor((Date.parse(expiresAt) - Date.now()) / 1000));
    reply.setCookie(this.sessionName, token, { ...this.flags(), maxAge });
  }

  clearSession(reply: FastifyReply): void {
    reply.clearCookie(this.sessionName, this.flags());
  }

  /** The browser's pre-session token, or a new one set on the reply. */
  ensurePreSession(request: FastifyRequest, reply: FastifyReply): string {
    const existing = this.preSessionToken(request);
    if (existing) return existing;
    const token = randomBytes(32).toString('base64url');
    reply.setCookie(this.preSessionName, token, { ...this.flags(), maxAge: PRE_SESSION_SECONDS });
    return token;
  }

  clearPreSession(reply: FastifyReply): void {
    reply.clearCookie(this.preSessionName, this.flags());
  }

  private flags() {
    return { path: '/', httpOnly: true, sameSite: 'lax' as const, secure: this.secure };
  }
}

function tokenShaped(value: string | undefined): string | undefined {
  return value !== undefined && SESSION_TOKEN_PATTERN.test(value) ? value : undefined;
}
