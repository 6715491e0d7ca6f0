import { Body, Controller, Get, HttpCode, Param, Patch, Post, Req, Res } from '@nestjs/common';
import { ApiBearerAuth, ApiBody, ApiCreatedResponse, ApiForbiddenResponse, ApiHeader, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { Problems } from '../http/problems.decorator';
import { Roles, type Principal } from '@registry/auth';
import type { ClaimDraft } from '@registry/domain';
import {
  AssignCertifierUseCase,
  ChangeClaimStatusUseCase,
  CreateClaimUseCase,
  EditDraftClaimUseCase,
  editableDraft,
  GetClaimQuery,
  NotifyClaimChangeUseCase,
  RecommendCorrectionUseCase,
  RecordVerificationUseCase,
  ReportActualsUseCase,
  type ClaimAction,
  type ClaimView,
} from '@registry/ledger';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { adminOf, CurrentPrincipal, organizationOf } from '../http/current-principal';
import { idempotencyOf, markReplay } from '../http/idempotency';
import { applyMergePatch } from '../http/merge-patch';
import { validateBody } from '../http/validation.pipe';
import { AssignedCertifierOnly } from './assigned-certifier.guard';
import { AssignCertifierDto, CertifyDto, CreateClaimDto, ReasonDto, ReportActualsDto } from './claims.dto';
import { AcceptWithdrawalDto, ChangeNotificationDto, PlanChangeDto, RecommendCorrectionDto, SanctionDto } from './claim-process.dto';
import { RecordVerificationDto } from './verification.dto';
import { ClaimResponse } from './claims.response';

const NOT_ASSIGNED = 'the caller is not the certification body assigned to this claim, or is its applicant (CN-2.1.1-2); checked before the body and the claim state';

@ApiTags('claims')
@ApiBearerAuth()
@Controller('v1/claims')
export class ClaimsController {
  constructor(
    private readonly createClaim: CreateClaimUseCase,
    private readonly getClaim: GetClaimQuery,
    private readonly editDraft: EditDraftClaimUseCase,
    private readonly changeStatus: ChangeClaimStatusUseCase,
    private readonly reportActuals: ReportActualsUseCase,
    private readonly assignCertifier: AssignCertifierUseCase,
    private readonly recordVerification: RecordVerificationUseCase,
    private readonly recommendCorrection: RecommendCorrectionUseCase,
    private readonly notifyChange: NotifyClaimChangeUseCase,
  ) {}

  @Post()
  @ApiOperation({ summary: 'File a CN, CN plan or CFP claim (draft)' })
  @Problems('RULE_VIOLATION', 'IDEMPOTENCY_KEY_REUSED')
  @HttpCode(201)
  @Roles('applicant', 'admin')
  @ApiHeader({ name: 'Idempotency-Key', required: false })
  @ApiCreatedResponse({
    type: ClaimResponse,
    description:
      'a draft claim with requiredTonnes and findings; 400 RULE_VIOLATION cites the rule broken. The admin files for `applicantId` and may record `receivedOn`',
  })
  async create(@Body() body: CreateClaimDto, @CurrentPrincipal() principal: Principal, @Req() req: FastifyRequest, @Res({ passthrough: true }) res: FastifyReply): Promise<ClaimView> {
    const actor = principal?.kind === 'admin' ? adminOf(principal) : organizationOf(principal);
    const outcome = await this.createClaim.execute({ actor, body: body as unknown as ClaimDraft, idempotency: idempotencyOf(req) });
    return markReplay(res, outcome);
  }

  @Get(':id')
  @ApiOperation({ summary: 'A claim with its coverage, findings and process' })
  @Roles('applicant', 'provider', 'certifier', 'auditor', 'admin')
  @ApiOkResponse({ type: ClaimResponse, description: 'the claim with retiredTonnes, requiredTonnes, covered and findings' })
  @ApiForbiddenResponse({ description: 'a certifier reads only the claims assigned to it' })
  get(@Param('id') id: string, @CurrentPrincipal() principal: Principal): Promise<ClaimView> {
    return this.getClaim.execute(principal, id);
  }

  @Patch(':id')
  @ApiOperation({ summary: 'Edit a draft claim (JSON Merge Patch, RFC 7396)' })
  @Problems('INVALID_STATE', 'RULE_VIOLATION')
  @Roles('applicant', 'admin')
  @ApiBody({ description: 'the fields to change, as in POST /v1/claims; null removes an optional field; `type` cannot change', schema: { type: 'object' } })
  @ApiOkResponse({ type: ClaimResponse, description: 'the edited draft (journaled as claim.edited); 409 INVALID_STATE once it is no longer a draft' })
  async edit(@Param('id') id: string, @Body() patch: unknown, @CurrentPrincipal() principal: Principal): Promise<ClaimView> {
    const current = await this.getClaim.execute(principal, id);
    const draft = await validateBody(CreateClaimDto, applyMergePatch(editableDraft(current.draft), patch));
    return this.editDraft.execute({ actor: principal, claimId: id, draft: { ...draft }, basedOn: current.updatedAt });
  }

  @Post(':id/certifier')
  @ApiOperation({ summary: "Assign the claim's certification body" })
  @Problems('INVALID_STATE')
  @HttpCode(200)
  @Roles('admin')
  @ApiOkResponse({ type: ClaimResponse, description: 'the claim with its certifierId; while draft or submitted (else 409 INVALID_STATE)' })
  @ApiForbiddenResponse({ description: 'the organisation is the applicant (CN-2.1.1-2)' })
  certifier(@Param('id') id: string, @Body() body: AssignCertifierDto, @CurrentPrincipal() principal: Principal): Promise<ClaimView> {
    return this.assignCertifier.execute(principal, id, body.organizationId);
  }

  @Post(':id/actuals')
  @ApiOperation({ summary: 'Report actual quantities (CFP art. 10 true-up)' })
  @Problems('INVALID_STATE', 'RULE_VIOLATION')
  @HttpCode(200)
  @Roles('applicant', 'provider')
  @ApiOkResponse({ type: ClaimResponse, description: 'CFP art. 10: the claim with its true-up (shortfall to retire at each point)' })
  actuals(@Param('id') id: string, @Body() body: ReportActualsDto, @CurrentPrincipal() principal: Principal): Promise<ClaimView> {
    return this.reportActuals.execute(principal, id, body.points);
  }

  @Post(':id/verification')
  @ApiOperation({ summary: "Record a verification body's report (CN 2.2, 3.2)" })
  @Problems('INVALID_STATE', 'RULE_VIOLATION')
  @HttpCode(201)
  @Roles('verifier')
  @ApiCreatedResponse({ type: ClaimResponse, description: 'CN 2.2 / 3.2: the claim with its verification and the CN-2.2.4 materiality check; 403 for the applicant, 409 for a CFP or decided claim' })
  verification(@Param('id') id: string, @Body() body: RecordVerificationDto, @CurrentPrincipal() principal: Principal): Promise<ClaimView> {
    return this.recordVerification.execute({ actor: principal, claimId: id, ...body });
  }

  @Post(':id/submit')
  @ApiOperation({ summary: 'Submit a claim for certification' })
  @Problems('INVALID_STATE', 'RULE_VIOLATION')
  @HttpCode(200)
  @Roles('applicant')
  @ApiOkResponse({ type: ClaimResponse, description: 'submitted; 422 RULE_VIOLATION when not covered or a rule is broken' })
  submit(@Param('id') id: string, @CurrentPrincipal() principal: Principal): Promise<ClaimView> {
    return this.transition(principal, id, 'submit', {});
  }

  @Post(':id/certify')
  @ApiOperation({ summary: 'Certify a claim (CFP: accept the notification)' })
  @Problems('INVALID_STATE', 'RULE_VIOLATION')
  @HttpCode(200)
  @Roles('certifier')
  @AssignedCertifierOnly('certify')
  @ApiForbiddenResponse({ description: NOT_ASSIGNED })
  @ApiOkResponse({ type: ClaimResponse, description: 'certified, with a certification number; 422 CN-2.2.4 without an unqualified verification within materiality. For a CFP offset this accepts the notification (art. 13) and answers notificationNumber' })
  certify(@Param('id') id: string, @Body() body: CertifyDto, @CurrentPrincipal() principal: Principal): Promise<ClaimView> {
    return this.transition(principal, id, 'certify', body);
  }

  @Post(':id/suspend')
  @ApiOperation({ summary: 'Suspend a certification (CN 2.3.5)' })
  @Problems('INVALID_STATE', 'RULE_VIOLATION')
  @HttpCode(200)
  @Roles('certifier')
  @AssignedCertifierOnly('suspend')
  @ApiForbiddenResponse({ description: NOT_ASSIGNED })
  @ApiOkResponse({ type: ClaimResponse, description: 'suspended; 422 citing CN-2.3.5-2 (CNP-3.3.4-2) without a prior recommendation unless the ground is non_cooperation or urgent; 409 for a CFP offset (art. 13)' })
  suspend(@Param('id') id: string, @Body() body: SanctionDto, @CurrentPrincipal() principal: Principal): Promise<ClaimView> {
    return this.transition(principal, id, 'suspend', body);
  }

  @Post(':id/reinstate')
  @ApiOperation({ summary: 'Reinstate a suspended certification' })
  @Problems('INVALID_STATE', 'RULE_VIOLATION')
  @HttpCode(200)
  @Roles('certifier')
  @AssignedCertifierOnly('reinstate')
  @ApiOkResponse({ type: ClaimResponse, description: 'the claim, certified again' })
  @ApiForbiddenResponse({ description: NOT_ASSIGNED })
  reinstate(@Param('id') id: string, @Body() body: ReasonDto, @CurrentPrincipal() principal: Principal): Promise<ClaimView> {
    return this.transition(principal, id, 'reinstate', body);
  }

  @Post(':id/revoke')
  @ApiOperation({ summary: 'Revoke a certification (CN 2.3.5)' })
  @Problems('INVALID_STATE', 'RULE_VIOLATION')
  @HttpCode(200)
  @Roles('certifier')
  @AssignedCertifierOnly('revoke')
  @ApiForbiddenResponse({ description: NOT_ASSIGNED })
  @ApiOkResponse({ type: ClaimResponse, description: 'revoked, with labelsRemovedBy (CN-2.3.6-2: one month); the same grounds as suspend' })
  revoke(@Param('id') id: string, @Body() body: SanctionDto, @CurrentPrincipal() principal: Principal): Promise<ClaimView> {
    return this.transition(principal, id, 'revoke', body);
  }

  @Post(':id/withdraw')
  @ApiOperation({ summary: 'Withdraw a claim, or ask to withdraw a certified one (CN 2.3.7, CFP art. 18)' })
  @Problems('INVALID_STATE')
  @HttpCode(200)
  @Roles('applicant')
  @ApiOkResponse({ type: ClaimResponse, description: "withdrawn at once (draft, submitted, CFP art. 18), or withdrawal_requested for a certified CN or CN plan claim (2.3.7)" })
  withdraw(@Param('id') id: string, @Body() body: ReasonDto, @CurrentPrincipal() principal: Principal): Promise<ClaimView> {
    return this.transition(principal, id, 'withdraw', body);
  }

  @Post(':id/accept-withdrawal')
  @ApiOperation({ summary: 'Accept a requested withdrawal (CN 2.3.7)' })
  @Problems('INVALID_STATE')
  @HttpCode(200)
  @Roles('certifier')
  @AssignedCertifierOnly('accept the withdrawal of')
  @ApiForbiddenResponse({ description: NOT_ASSIGNED })
  @ApiOkResponse({ type: ClaimResponse, description: 'CN-2.3.7: withdrawn; the certification has no effect any more' })
  acceptWithdrawal(@Param('id') id: string, @Body() body: AcceptWithdrawalDto, @CurrentPrincipal() principal: Principal): Promise<ClaimView> {
    return this.transition(principal, id, 'accept_withdrawal', body);
  }

  @Post(':id/reject-withdrawal')
  @ApiOperation({ summary: 'Refuse a requested withdrawal (CN 2.3.7)' })
  @Problems('INVALID_STATE')
  @HttpCode(200)
  @Roles('certifier')
  @AssignedCertifierOnly('refuse the withdrawal of')
  @ApiForbiddenResponse({ description: NOT_ASSIGNED })
  @ApiOkResponse({ type: ClaimResponse, description: 'CN-2.3.7: the request is not found justified; the claim returns to the status it had' })
  rejectWithdrawal(@Param('id') id: string, @Body() body: ReasonDto, @CurrentPrincipal() principal: Principal): Promise<ClaimView> {
    return this.transition(principal, id, 'reject_withdrawal', body);
  }

  @Post(':id/recommend-correction')
  @ApiOperation({ summary: 'Recommend a correction before sanctions (CN 2.3.5)' })
  @Problems('INVALID_STATE')
  @HttpCode(200)
  @Roles('certifier')
  @AssignedCertifierOnly('recommend correction of')
  @ApiForbiddenResponse({ description: NOT_ASSIGNED })
  @ApiOkResponse({ type: ClaimResponse, description: 'CN-2.3.5-2 (CNP-3.3.4-2): the recommendation, due date and claim; it precedes a sanction for an uncorrected breach' })
  correction(@Param('id') id: string, @Body() body: RecommendCorrectionDto, @CurrentPrincipal() principal: Principal): Promise<ClaimView> {
    return this.recommendCorrection.execute({ actor: principal, claimId: id, ...body });
  }

  @Post(':id/plan-changes')
  @ApiOperation({ summary: 'Notify a change to a certified CN plan (CNP 3.4)' })
  @Problems('INVALID_STATE', 'RULE_VIOLATION')
  @HttpCode(201)
  @Roles('applicant')
  @ApiCreatedResponse({ type: ClaimResponse, description: 'CNP-3.4.1: a CN plan change notified 30 business days (Mon–Fri) ahead, else 422' })
  planChange(@Param('id') id: string, @Body() body: PlanChangeDto, @CurrentPrincipal() principal: Principal): Promise<ClaimView> {
    return this.notifyChange.execute({ actor: principal, claimId: id, kind: 'plan', ...body });
  }

  @Post(':id/change-notifications')
  @ApiOperation({ summary: 'Notify a change to a CFP offset (CFP art. 13 ③)' })
  @Problems('INVALID_STATE')
  @HttpCode(201)
  @Roles('applicant')
  @ApiCreatedResponse({ type: ClaimResponse, description: 'CFP art. 13 ③: a change (art. 10) of a notified CFP offset, notified again' })
  changeNotification(@Param('id') id: string, @Body() body: ChangeNotificationDto, @CurrentPrincipal() principal: Principal): Promise<ClaimView> {
    return this.notifyChange.execute({ actor: principal, claimId: id, kind: 'cfp', ...body });
  }

  private transition(actor: Principal, claimId: string, action: ClaimAction, body: Partial<CertifyDto & ReasonDto & SanctionDto>): Promise<ClaimView> {
    return this.changeStatus.execute({ actor, claimId, action, ...body });
  }
}
