import { Body, Controller, Get, HttpCode, Param, Post, Req, Res } from '@nestjs/common';
import { ApiBearerAuth, ApiCreatedResponse, ApiForbiddenResponse, ApiHeader, ApiOkResponse, ApiTags } from '@nestjs/swagger';
import { Roles, type Principal } from '@registry/auth';
import type { ClaimDraft } from '@registry/domain';
import {
  AssignCertifierUseCase,
  AuthorizeProviderUseCase,
  ChangeClaimStatusUseCase,
  CreateClaimUseCase,
  GetClaimQuery,
  ReportActualsUseCase,
  type ClaimAction,
  type ClaimView,
} from '@registry/ledger';
import type { Request, Response } from 'express';
import { adminOf, CurrentPrincipal, organizationOf } from '../http/current-principal';
import { idempotencyOf, markReplay } from '../http/idempotency';
import { AssignedCertifierOnly } from './assigned-certifier.guard';
import { AssignCertifierDto, AuthorizeProviderDto, CertifyDto, CreateClaimDto, ReasonDto, ReportActualsDto } from './claims.dto';

const NOT_ASSIGNED = 'the caller is not the certification body assigned to this claim, or is its applicant (CN-2.1.1-2); checked before the body and the claim state';

@ApiTags('claims')
@ApiBearerAuth()
@Controller('v1/claims')
export class ClaimsController {
  constructor(
    private readonly createClaim: CreateClaimUseCase,
    private readonly getClaim: GetClaimQuery,
    private readonly changeStatus: ChangeClaimStatusUseCase,
    private readonly authorizeProvider: AuthorizeProviderUseCase,
    private readonly reportActuals: ReportActualsUseCase,
    private readonly assignCertifier: AssignCertifierUseCase,
  ) {}

  @Post()
  @HttpCode(201)
  @Roles('applicant', 'admin')
  @ApiHeader({ name: 'Idempotency-Key', required: false })
  @ApiCreatedResponse({
    description:
      'a draft claim with requiredTonnes and findings; 400 RULE_VIOLATION cites the rule broken. The admin files for `applicantId` and may record `receivedOn`',
  })
  async create(@Body() body: CreateClaimDto, @CurrentPrincipal() principal: Principal, @Req() req: Request, @Res({ passthrough: true }) res: Response): Promise<ClaimView> {
    const actor = principal?.kind === 'admin' ? adminOf(principal) : organizationOf(principal);
    const outcome = await this.createClaim.execute({ actor, body: body as unknown as ClaimDraft, idempotency: idempotencyOf(req) });
    return markReplay(res, outcome);
  }

  @Get(':id')
  @Roles('applicant', 'provider', 'certifier', 'auditor', 'admin')
  @ApiOkResponse({ description: 'the claim with retiredTonnes, requiredTonnes, covered and findings' })
  @ApiForbiddenResponse({ description: 'a certifier reads only the claims assigned to it' })
  get(@Param('id') id: string, @CurrentPrincipal() principal: Principal): Promise<ClaimView> {
    return this.getClaim.execute(principal, id);
  }

  @Post(':id/providers')
  @HttpCode(201)
  @Roles('applicant')
  @ApiCreatedResponse({ description: 'the provider may now retire credits for this claim' })
  providers(@Param('id') id: string, @Body() body: AuthorizeProviderDto, @CurrentPrincipal() principal: Principal) {
    return this.authorizeProvider.execute(principal, id, body.providerId);
  }

  @Post(':id/certifier')
  @HttpCode(200)
  @Roles('admin')
  @ApiOkResponse({ description: 'the claim with its certifierId; while draft or submitted (else 409 INVALID_STATE)' })
  @ApiForbiddenResponse({ description: 'the organisation is the applicant (CN-2.1.1-2)' })
  certifier(@Param('id') id: string, @Body() body: AssignCertifierDto, @CurrentPrincipal() principal: Principal): Promise<ClaimView> {
    return this.assignCertifier.execute(principal, id, body.organizationId);
  }

  @Post(':id/actuals')
  @HttpCode(200)
  @Roles('applicant', 'provider')
  @ApiOkResponse({ description: 'CFP art. 10: the claim with its true-up (shortfall to retire at each point)' })
  actuals(@Param('id') id: string, @Body() body: ReportActualsDto, @CurrentPrincipal() principal: Principal): Promise<ClaimView> {
    return this.reportActuals.execute(principal, id, body.points);
  }

  @Post(':id/submit')
  @HttpCode(200)
  @Roles('applicant')
  @ApiOkResponse({ description: 'submitted; 422 RULE_VIOLATION when not covered or a rule is broken' })
  submit(@Param('id') id: string, @CurrentPrincipal() principal: Principal): Promise<ClaimView> {
    return this.transition(principal, id, 'submit', {});
  }

  @Post(':id/certify')
  @HttpCode(200)
  @Roles('certifier')
  @AssignedCertifierOnly('certify')
  @ApiForbiddenResponse({ description: NOT_ASSIGNED })
  @ApiOkResponse({ description: 'certified, with a certification number' })
  certify(@Param('id') id: string, @Body() body: CertifyDto, @CurrentPrincipal() principal: Principal): Promise<ClaimView> {
    return this.transition(principal, id, 'certify', body);
  }

  @Post(':id/suspend')
  @HttpCode(200)
  @Roles('certifier')
  @AssignedCertifierOnly('suspend')
  @ApiForbiddenResponse({ description: NOT_ASSIGNED })
  suspend(@Param('id') id: string, @Body() body: ReasonDto, @CurrentPrincipal() principal: Principal): Promise<ClaimView> {
    return this.transition(principal, id, 'suspend', body);
  }

  @Post(':id/reinstate')
  @HttpCode(200)
  @Roles('certifier')
  @AssignedCertifierOnly('reinstate')
  @ApiForbiddenResponse({ description: NOT_ASSIGNED })
  reinstate(@Param('id') id: string, @Body() body: ReasonDto, @CurrentPrincipal() principal: Principal): Promise<ClaimView> {
    return this.transition(principal, id, 'reinstate', body);
  }

  @Post(':id/revoke')
  @HttpCode(200)
  @Roles('certifier')
  @AssignedCertifierOnly('revoke')
  @ApiForbiddenResponse({ description: NOT_ASSIGNED })
  revoke(@Param('id') id: string, @Body() body: ReasonDto, @CurrentPrincipal() principal: Principal): Promise<ClaimView> {
    return this.transition(principal, id, 'revoke', body);
  }

  @Post(':id/withdraw')
  @HttpCode(200)
  @Roles('applicant')
  withdraw(@Param('id') id: string, @Body() body: ReasonDto, @CurrentPrincipal() principal: Principal): Promise<ClaimView> {
    return this.transition(principal, id, 'withdraw', body);
  }

  private transition(actor: Principal, claimId: string, action: ClaimAction, body: Partial<CertifyDto & ReasonDto>): Promise<ClaimView> {
    return this.changeStatus.execute({ actor, claimId, action, ...body });
  }
}
