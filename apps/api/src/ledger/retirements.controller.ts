import { Body, Controller, Get, HttpCode, Param, Post, Req, Res } from '@nestjs/common';
import { ApiBearerAuth, ApiCreatedResponse, ApiHeader, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { Problems } from '../http/problems.decorator';
import { Public, Roles, type Principal } from '@registry/auth';
import { GetRetirementQuery, RecordRetirementEvidenceUseCase, RetireCreditsUseCase, VoidRetirementUseCase, type RetirementView } from '@registry/ledger';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { CurrentPrincipal, organizationOf } from '../http/current-principal';
import { idempotencyOf, markReplay } from '../http/idempotency';
import { RetireDto, VoidRetirementDto } from './ledger.dto';
import { RecordEvidenceDto } from './retirement-evidence.dto';
import { RetirementResponse } from './ledger.response';
import { countRetirement, RetirementMetrics } from '../metrics/retirement-metrics';

@ApiTags('retirements')
@Controller('v1/retirements')
export class RetirementsController {
  constructor(
    private readonly retireCredits: RetireCreditsUseCase,
    private readonly getRetirement: GetRetirementQuery,
    private readonly voidRetirement: VoidRetirementUseCase,
    private readonly recordEvidence: RecordRetirementEvidenceUseCase,
    private readonly metrics: RetirementMetrics,
  ) {}

  @Post()
  @ApiOperation({ summary: 'Retire credits, all or nothing' })
  @Problems('INVALID_SERIAL', 'UNKNOWN_SCHEME', 'DUPLICATE_SERIALS', 'TOO_MANY_SERIALS', 'EVIDENCE_REQUIRED', 'INELIGIBLE_CREDIT', 'RULE_VIOLATION', 'ALREADY_RETIRED', 'NOT_HELD', 'SERIAL_CONFLICT', 'INVALID_STATE', 'IDEMPOTENCY_KEY_REUSED')
  @HttpCode(201)
  @ApiBearerAuth()
  @Roles('provider', 'applicant')
  @ApiHeader({ name: 'Idempotency-Key', required: false })
  @ApiCreatedResponse({ type: RetirementResponse, description: 'retired, all or nothing; 409 ALREADY_RETIRED / NOT_HELD, 400 EVIDENCE_REQUIRED / DUPLICATE_SERIALS / TOO_MANY_SERIALS' })
  async retire(@Body() body: RetireDto, @CurrentPrincipal() principal: Principal, @Req() req: FastifyRequest, @Res({ passthrough: true }) res: FastifyReply): Promise<RetirementView> {
    return markReplay(res, await countRetirement(this.metrics, () => this.retireCredits.execute({ ...body, actor: organizationOf(principal), idempotency: idempotencyOf(req) })));
  }

  @Get(':id')
  @ApiOperation({ summary: 'A retirement, with its void if it was corrected' })
  @Public()
  @ApiOkResponse({ type: RetirementResponse, description: 'a retirement, with its void when it was corrected' })
  get(@Param('id') id: string): Promise<RetirementView> {
    return this.getRetirement.execute(id);
  }

  @Post(':id/void')
  @ApiOperation({ summary: 'Void a retirement entered in error' })
  @Problems('ALREADY_VOIDED', 'INVALID_STATE')
  @HttpCode(200)
  @ApiBearerAuth()
  @Roles('admin')
  @ApiOkResponse({ type: RetirementResponse, description: 'the retirement is voided (entered in error); its serials return to their holder' })
  void(@Param('id') id: string, @Body() body: VoidRetirementDto, @CurrentPrincipal() principal: Principal): Promise<RetirementView> {
    return this.voidRetirement.execute(principal, id, body.reason);
  }

  @Post(':id/evidence')
  @ApiOperation({ summary: "Record the managing registry's cancellation reference" })
  @Problems('EVIDENCE_ALREADY_RECORDED', 'INVALID_STATE')
  @HttpCode(200)
  @ApiBearerAuth()
  @Roles('provider', 'applicant')
  @ApiOkResponse({ type: RetirementResponse, description: "the managing registry's reference, once (409 EVIDENCE_ALREADY_RECORDED); the certificate gains a new signed version" })
  evidence(@Param('id') id: string, @Body() body: RecordEvidenceDto, @CurrentPrincipal() principal: Principal): Promise<RetirementView> {
    return this.recordEvidence.execute({ actor: organizationOf(principal), retirementId: id, evidence: { registry: body.registry, reference: body.reference } });
  }
}
