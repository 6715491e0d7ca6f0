import { CanActivate, ExecutionContext, Inject, Injectable } from '@nestjs/common';
import { Reflector } from '@nestjs/core';
import { CachedReflector, IS_PUBLIC } from '@registry/auth';
import { REGISTRY_CONFIG, type RegistryConfig } from '@registry/config';
import { csrfTokenMatches, DomainError } from '@registry/domain';
import { ResolveSessionUseCase, type Actor } from '@registry/ledger';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { discardUpload, isMultipartForm, readUploadForm, UPLOAD_FORM, type UploadFormOptions } from '../forms/upload-form';
import { formField } from './form-fields';
import { SessionCookies } from './session-cookies';
import { CsrfRefused, setWebSession, SignInRequired, WEB_ACCESS, type WebAccess } from './web-session';

const SAFE_METHODS = new Set(['GET', 'HEAD', 'OPTIONS']);

/** The form field every unsafe web request carries (PEOPLE-CSRF-1). */
export const CSRF_FIELD = '_csrf';

/**
 * The web pages' guard (every `@WebPages()` controller), after the global key guard:
 * - resolves the session cookie, so every page (public ones too) knows who is signed in;
 * - checks the CSRF token of every unsafe method: on a signed-in page against the session's cookie,
 *   elsewhere (sign-in, sign-out) against the session's or the sign-in form's pre-session cookie;
 * - on a `@SignedIn()` page, sends a browser without a session to the sign-in form and refuses a
 *   person without the page's role (403);
 * - denies a page that is neither `@Public()` nor `@SignedIn()`, as the key guard denies an API route.
 */
@Injectable()
export class WebSessionGuard implements CanActivate {
  private readonly reflector: CachedReflector;

  constructor(
    reflector: Reflector,
    private readonly resolveSession: ResolveSessionUseCase,
    private readonly cookies: SessionCookies,
    @Inject(REGISTRY_CONFIG) private readonly config: Pick<RegistryConfig, 'bodyLimitBytes' | 'webUploadLimitBytes'>,
  ) {
    this.reflector = new CachedReflector(reflector);
  }

  async canActivate(context: ExecutionContext): Promise<boolean> {
    const targets = [context.getHandler(), context.getClass()];
    const access = this.reflector.getAllAndOverride<WebAccess | undefined>(WEB_ACCESS, targets);
    const isPublic = this.reflector.getAllAndOverride<boolean>(IS_PUBLIC, targets) ?? false;
    if (!access && !isPublic) throw new DomainError('FORBIDDEN', 'this page declares no access (@Public or @SignedIn)');

    const request = context.switchToHttp().getRequest<FastifyRequest>();
    const token = this.cookies.sessionToken(request);
    const resolved = token ? await this.resolveSession.execute({ sessionToken: token }) : null;
    if (token && resolved) {
      setWebSession(request, { ...resolved, token });
      // Whatever answers (a page, a file, an error page) is this person's: no cache keeps it.
      context.switchToHttp().getResponse<FastifyReply>().header('Cache-Control', 'no-store');
    }

    if (!SAFE_METHODS.has(request.method)) {
      const keys = (access ? [resolved ? token : undefined] : [token, this.cookies.preSessionToken(request)]).filter((key) => key !== undefined);
      const upload = this.reflector.getAllAndOverride<UploadFormOptions | undefined>(UPLOAD_FORM, targets);
      // Without a key nothing can match: an upload is refused before a byte of its form is read.
      const presented = keys.length > 0 ? await this.csrfFieldOf(request, upload) : undefined;
      if (!keys.some((key) => csrfTokenMatches(key, presented))) {
        discardUpload(request);
        throw new CsrfRefused();
      }
    }
    if (!access) return true;
    if (!resolved) throw new SignInRequired(request.method === 'GET' ? request.url : '/account');
    if (access.roles.length > 0 && !holdsAnyRole(resolved.actor, access.roles)) {
      throw new DomainError('FORBIDDEN', `this page needs one of the roles: ${access.roles.join(', ')}`);
    }
    return true;
  }

  /**
   * The token of a form body (the only bodies web routes take): an urlencoded form, or on an
   * `@UploadForm()` route a multipart form's fields before its file (the file is not read yet).
   * JSON, any other type, or a multipart body elsewhere never carries one.
   */
  private async csrfFieldOf(request: FastifyRequest, upload: UploadFormOptions | undefined): Promise<string | undefined> {
    if (/^application\/x-www-form-urlencoded\s*(;|$)/i.test(request.headers['content-type'] ?? '')) return formField(request.body, CSRF_FIELD);
    if (!upload || !isMultipartForm(request)) return undefined;
    const limit = upload.limit === 'webUpload' ? this.config.webUploadLimitBytes : this.config.bodyLimitBytes;
    return formField((await readUploadForm(request, upload, limit)).fields, CSRF_FIELD);
  }
}

function holdsAnyRole(actor: Actor, roles: readonly string[]): boolean {
  return actor.kind === 'admin' ? roles.includes('admin') : actor.roles.some((role) => roles.includes(role));
}
