import { Body, Controller, Get, HttpCode, Param, Post, Query, Req, Res } from '@nestjs/common';
import { ApiBearerAuth, ApiCreatedResponse, ApiHeader, ApiOkResponse, ApiOperation, ApiQuery, ApiTags } from '@nestjs/swagger';
import { Problems } from '../http/problems.decorator';
import { Roles, type Principal } from '@registry/auth';
import { RegisterHoldingUseCase, TransferSerialsUseCase, VoidDuplicateHoldingUseCase, type HoldingView, type TransferView } from '@registry/ledger';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { adminOf, CurrentPrincipal, organizationOf } from '../http/current-principal';
import { idempotencyOf, markReplay } from '../http/idempotency';
import { pageLimit } from '../http/paging';
import { OnlyQueryParameters } from '../http/query-parameters';
import { RegisterHoldingDto, TransferDto, VoidRetirementDto } from './ledger.dto';
import { HoldingResponse, TransferResponse, VoidedHoldingResponse } from './ledger.response';

@ApiTags('holdings')
@ApiBearerAuth()
@Roles('provider')
@Controller('v1')
export class HoldingsController {
  constructor(
    private readonly registerHolding: RegisterHoldingUseCase,
    private readonly transferSerials: TransferSerialsUseCase,
    private readonly voidDuplicateHolding: VoidDuplicateHoldingUseCase,
  ) {}

  @Post('holdings')
  @ApiOperation({ summary: 'Register a held block' })
  @Problems('INVALID_SERIAL', 'UNKNOWN_SCHEME', 'EVIDENCE_REQUIRED', 'SERIAL_CONFLICT', 'ALREADY_RETIRED', 'IDEMPOTENCY_KEY_REUSED')
  @HttpCode(201)
  @ApiHeader({ name: 'Idempotency-Key', required: false })
  @ApiCreatedResponse({
    type: HoldingResponse,
    description: 'the block is held by the caller; 400 EVIDENCE_REQUIRED without the account statement; 409 SERIAL_CONFLICT names overlapping blocks or the scheme on record',
  })
  async register(@Body() body: RegisterHoldingDto, @CurrentPrincipal() principal: Principal, @Req() req: FastifyRequest, @Res({ passthrough: true }) res: FastifyReply): Promise<HoldingView> {
    return markReplay(res, await this.registerHolding.execute({ ...body, actor: organizationOf(principal), idempotency: idempotencyOf(req) }));
  }

  @Post('holdings/:id/void')
  @ApiOperation({ summary: 'Void a held record listed by `ledger duplicates`' })
  @Problems('INVALID_STATE')
  @HttpCode(200)
  @Roles('admin')
  @ApiOkResponse({ type: VoidedHoldingResponse, description: 'resolves a pair listed by `ledger duplicates`: the held record is voided (journaled); 409 INVALID_STATE for any other block' })
  void(@Param('id') id: string, @Body() body: VoidRetirementDto, @CurrentPrincipal() principal: Principal) {
    return this.voidDuplicateHolding.execute({ actor: adminOf(principal), blockId: id, reason: body.reason });
  }

  @Post('transfers')
  @ApiOperation({ summary: 'Transfer a held range to another provider' })
  @Problems('INVALID_SERIAL', 'NOT_HELD', 'RULE_VIOLATION', 'IDEMPOTENCY_KEY_REUSED')
  @HttpCode(201)
  @ApiHeader({ name: 'Idempotency-Key', required: false })
  @ApiCreatedResponse({
    type: TransferResponse,
    description: 'the range now belongs to toOrganizationId (another organisation with the provider role, else 400 / 422 RULE_VIOLATION); 409 NOT_HELD unless wholly held by the caller',
  })
  async transfer(@Body() body: TransferDto, @CurrentPrincipal() principal: Principal, @Req() req: FastifyRequest, @Res({ passthrough: true }) res: FastifyReply): Promise<TransferView> {
    return markReplay(res, await this.transferSerials.execute({ ...body, actor: organizationOf(principal), idempotency: idempotencyOf(req) }));
  }
}
