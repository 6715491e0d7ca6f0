import { Body, Controller, Get, HttpCode, Param, Post, Req, Res } from '@nestjs/common';
import { ApiBearerAuth, ApiCreatedResponse, ApiHeader, ApiOkResponse, ApiTags } from '@nestjs/swagger';
import { Public, Roles, type Principal } from '@registry/auth';
import { GetRetirementQuery, RecordRetirementEvidenceUseCase, RetireCreditsUseCase, VoidRetirementUseCase, type RetirementView } from '@registry/ledger';
import type { Request, Response } from 'express';
import { CurrentPrincipal, organizationOf } from '../http/current-principal';
import { idempotencyOf, markReplay } from '../http/idempotency';
import { RetireDto, VoidRetirementDto } from './ledger.dto';
import { RecordEvidenceDto } from './retirement-evidence.dto';

@ApiTags('retirements')
@Controller('v1/retirements')
export class RetirementsController {
  constructor(
    private readonly retireCredits: RetireCreditsUseCase,
    private readonly getRetirement: GetRetirementQuery,
    private readonly voidRetirement: VoidRetirementUseCase,
    private readonly recordEvidence: RecordRetirementEvidenceUseCase,
  ) {}

  @Post()
  @HttpCode(201)
  @ApiBearerAuth()
  @Roles('provider', 'applicant')
  @ApiHeader({ name: 'Idempotency-Key', required: false })
  @ApiCreatedResponse({ description: 'retired, all or nothing; 409 ALREADY_RETIRED / NOT_HELD, 400 EVIDENCE_REQUIRED / DUPLICATE_SERIALS / TOO_MANY_SERIALS' })
  async retire(@Body() body: RetireDto, @CurrentPrincipal() principal: Principal, @Req() req: Request, @Res({ passthrough: true }) res: Response): Promise<RetirementView> {
    return markReplay(res, await this.retireCredits.execute({ ...body, actor: organizationOf(principal), idempotency: idempotencyOf(req) }));
  }

  @Get(':id')
  @Public()
  @ApiOkResponse({ description: 'a retirement, with its void when it was corrected' })
  get(@Param('id') id: string): Promise<RetirementView> {
    return this.getRetirement.execute(id);
  }

  @Post(':id/void')
  @HttpCode(200)
  @ApiBearerAuth()
  @Roles('admin')
  @ApiOkResponse({ description: 'the retirement is voided (entered in error); its serials return to their holder' })
  void(@Param('id') id: string, @Body() body: VoidRetirementDto, @CurrentPrincipal() principal: Principal): Promise<RetirementView> {
    return this.voidRetirement.execute(principal, id, body.reason);
  }

  @Post(':id/evidence')
  @HttpCode(200)
  @ApiBearerAuth()
  @Roles('provider', 'applicant')
  @ApiOkResponse({ description: "the managing registry's reference, once (409 EVIDENCE_ALREADY_RECORDED); the certificate gains a new signed version" })
  evidence(@Param('id') id: string, @Body() body: RecordEvidenceDto, @CurrentPrincipal() principal: Principal): Promise<RetirementView> {
    return this.recordEvidence.execute({ actor: organizationOf(principal), retirementId: id, evidence: { registry: body.registry, reference: body.reference } });
  }
}
