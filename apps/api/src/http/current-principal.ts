import { createParamDecorator, type ExecutionContext } from '@nestjs/common';
import type { AuthenticatedRequest, Principal } from '@registry/auth';
import { DomainError } from '@registry/domain';

/** The caller, if a valid key was presented (always, on routes that are not @Public()). */
export const CurrentPrincipal = createParamDecorator(
  (_: unknown, context: ExecutionContext): Principal | undefined =>
    context.switchToHttp().getRequest<AuthenticatedRequest>().principal,
);

/** The calling organisation; the roles guard has already required an organisation role. */
export function organizationOf(principal: Principal | undefined): Extract<Principal, { kind: 'organization' }> {
  if (principal?.kind !== 'organization') throw new DomainError('FORBIDDEN', 'this endpoint is for organisation keys');
  return principal;
}

export function adminOf(principal: Principal | undefined): Extract<Principal, { kind: 'admin' }> {
  if (principal?.kind !== 'admin') throw new DomainError('FORBIDDEN', 'this endpoint is for the admin key');
  return principal;
}
