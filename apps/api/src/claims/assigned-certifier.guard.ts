import { applyDecorators, CanActivate, ExecutionContext, Injectable, SetMetadata, UseGuards } from '@nestjs/common';
import { Reflector } from '@nestjs/core';
import type { AuthenticatedRequest } from '@registry/auth';
import { DomainError } from '@registry/domain';
import { CertifierAuthorityQuery } from '@registry/ledger';

const CERTIFIER_ACTION = 'registry:certifierAction';

/**
 * Runs before the body is validated: a caller that is not the claim's assigned certifier (or is its
 * applicant, CN 2.1.1 ②) gets 403 whatever it sent, never a 400, 409 or 422 about the claim.
 */
@Injectable()
export class AssignedCertifierGuard implements CanActivate {
  constructor(
    private readonly reflector: Reflector,
    private readonly authority: CertifierAuthorityQuery,
  ) {}

  async canActivate(context: ExecutionContext): Promise<boolean> {
    const action = this.reflector.get<string>(CERTIFIER_ACTION, context.getHandler());
    const request = context.switchToHttp().getRequest<AuthenticatedRequest & { params: Record<string, string> }>();
    // The global key guard ran first and required a principal with the certifier role.
    if (!request.principal) throw new DomainError('UNAUTHENTICATED', 'this endpoint needs an API key: Authorization: Bearer <key>');
    await this.authority.execute(request.principal, request.params.id, action);
    return true;
  }
}

/** A step only the claim's assigned certification body may take. */
export const AssignedCertifierOnly = (action: string) => applyDecorators(SetMetadata(CERTIFIER_ACTION, action), UseGuards(AssignedCertifierGuard));
