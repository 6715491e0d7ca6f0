import { CanActivate, ExecutionContext, Injectable } from '@nestjs/common';
import { Reflector } from '@nestjs/core';
import { DomainError, type Role } from '@registry/domain';
import { ApiKeyAuthenticator } from './api-key-authenticator';
import { CachedReflector } from './cached-reflector';
import { ACCEPTS_METRICS_TOKEN, AUTHENTICATED_BY_SESSION, IS_PUBLIC, REQUIRED_ROLES } from './decorators';
import type { Principal } from './principal';

export interface AuthenticatedRequest {
  headers: Record<string, string | string[] | undefined>;
  principal?: Principal;
}

/**
 * Global guard: deny by default; @Public() opens a route, @Roles() names who may call it. Web pages
 * for signed-in people (@AuthenticatedBySession) are the web session guard's, which denies as well.
 */
@Injectable()
export class ApiKeyGuard implements CanActivate {
  private readonly reflector: CachedReflector;

  constructor(
    reflector: Reflector,
    private readonly authenticator: ApiKeyAuthenticator,
  ) {
    this.reflector = new CachedReflector(reflector);
  }

  async canActivate(context: ExecutionContext): Promise<boolean> {
    const targets = [context.getHandler(), context.getClass()];
    if (this.reflector.getAllAndOverride<boolean>(AUTHENTICATED_BY_SESSION, targets)) return true;
    const isPublic = this.reflector.getAllAndOverride<boolean>(IS_PUBLIC, targets) ?? false;
    const request = context.switchToHttp().getRequest<AuthenticatedRequest>();
    const header = request.headers.authorization;

    if (header !== undefined) {
      // A key that is presented must be valid, even on a public route: a stale key is a bug to surface.
      const token = typeof header === 'string' ? /^Bearer\s+(\S+)\s*$/i.exec(header)?.[1] : undefined;
      if (token && this.reflector.getAllAndOverride<boolean>(ACCEPTS_METRICS_TOKEN, targets) && this.authenticator.isMetricsToken(token)) return true;
      const principal = token ? await this.authenticator.authenticate(token) : null;
      if (!principal) throw new DomainError('UNAUTHENTICATED', 'the API key is missing, malformed, unknown or revoked');
      request.principal = principal;
    }
    if (isPublic) return true;
    if (!request.principal) throw new DomainError('UNAUTHENTICATED', 'this endpoint needs an API key: Authorization: Bearer <key>');

    const required = this.reflector.getAllAndOverride<Role[]>(REQUIRED_ROLES, targets) ?? ['admin'];
    if (!hasAnyRole(request.principal, required)) {
      throw new DomainError('FORBIDDEN', `this endpoint needs one of the roles: ${required.join(', ')}`);
    }
    return true;
  }
}

function hasAnyRole(principal: Principal, required: Role[]): boolean {
  if (principal.kind === 'admin') return required.includes('admin');
  return principal.roles.some((role) => required.includes(role));
}
