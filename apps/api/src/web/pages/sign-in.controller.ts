import { Body, Controller, Get, HttpCode, Post, Query, Req, Res } from '@nestjs/common';
import { Public } from '@registry/auth';
import { csrfTokenFor, DomainError } from '@registry/domain';
import { SignInUseCase, SignOutUseCase } from '@registry/ledger';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { OnlyQueryParameters } from '../../http/query-parameters';
import { localReturnPath } from '../http/language';
import { CurrentPage, pageHref, type PageContext } from '../http/page-context';
import { PageResponder } from '../http/page-responder';
import { WebPages } from '../http/web-pages.decorator';
import { formField } from '../session/form-fields';
import { SessionCookies } from '../session/session-cookies';
import { SignInPage, type SignInPageProps } from '../views/sign-in';

/** Where a person lands after signing in, unless the form says where they were going. */
const AFTER_SIGN_IN = '/account';

/**
 * Signing in and out through forms (no script). The CSRF token of both is checked by the web
 * session guard before these run; throttling and lockout are the use case's.
 */
@WebPages()
@Public()
@Controller()
export class SignInController {
  constructor(
    private readonly signInUseCase: SignInUseCase,
    private readonly signOutUseCase: SignOutUseCase,
    private readonly cookies: SessionCookies,
    private readonly pages: PageResponder,
  ) {}

  @Get('sign-in')
  @OnlyQueryParameters('next', 'lang')
  form(@CurrentPage() page: PageContext, @Query('next') next: string | undefined, @Req() req: FastifyRequest, @Res() reply: FastifyReply): void {
    this.sendForm(page, req, reply, { next: localReturnPath(next ?? AFTER_SIGN_IN) });
  }

  /**
   * A new session on success (the browser's old session cookie, if any, revoked: no fixation), then
   * 303 to where the person was going. A refusal shows the form again with one message whatever was
   * wrong (422); too many failures from this address, a 429 with Retry-After.
   */
  @Post('sign-in')
  @HttpCode(200)
  @OnlyQueryParameters('lang')
  async signIn(@CurrentPage() page: PageContext, @Body() body: unknown, @Req() req: FastifyRequest, @Res() reply: FastifyReply): Promise<void> {
    const email = formField(body, 'email') ?? '';
    const next = localReturnPath(formField(body, 'next') ?? AFTER_SIGN_IN);
    try {
      const signedIn = await this.signInUseCase.execute({
        email,
        password: formField(body, 'password') ?? '',
        source: req.ip,
        presentedSessionToken: this.cookies.sessionToken(req),
      });
      this.cookies.setSession(reply, signedIn.sessionToken, signedIn.expiresAt);
      this.cookies.clearPreSession(reply);
      reply.header('Cache-Control', 'no-store').redirect(next, 303);
    } catch (error) {
      if (!(error instanceof DomainError) || (error.code !== 'UNAUTHENTICATED' && error.code !== 'RATE_LIMITED')) throw error;
      if (error.code === 'UNAUTHENTICATED') return this.sendForm(page, req, reply, { next, email, refusal: 'refused' }, 422);
      const retryAfterSeconds = Number(error.details.retryAfterSeconds) || 60;
      reply.header('Retry-After', String(retryAfterSeconds));
      this.sendForm(page, req, reply, { next, email, refusal: { retryAfterSeconds } }, 429);
    }
  }

  /** Ends the session for good (its cookie is refused from the next request on), clears the cookie, 303 home. */
  @Post('sign-out')
  @HttpCode(200)
  @OnlyQueryParameters('lang')
  async signOut(@CurrentPage() page: PageContext, @Req() req: FastifyRequest, @Res() reply: FastifyReply): Promise<void> {
    const token = this.cookies.sessionToken(req);
    if (token) await this.signOutUseCase.execute({ sessionToken: token });
    this.cookies.clearSession(reply);
    reply.header('Cache-Control', 'no-store').redirect(pageHref(page, '/'), 303);
  }

  private sendForm(page: PageContext, req: FastifyRequest, reply: FastifyReply, props: Omit<SignInPageProps, 'page' | 'csrfToken'>, status = 200): void {
    const csrfToken = csrfTokenFor(this.cookies.ensurePreSession(req, reply));
    reply.header('Cache-Control', 'no-store');
    this.pages.send(reply, SignInPage({ page, csrfToken, ...props }), status);
  }
}
