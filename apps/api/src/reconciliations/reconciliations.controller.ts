import { Body, Controller, Get, HttpCode, Param, Post, Query, Req, Res } from '@nestjs/common';
import { ApiAcceptedResponse, ApiBearerAuth, ApiBody, ApiConsumes, ApiOkResponse, ApiOperation, ApiProduces, ApiQuery, ApiTags } from '@nestjs/swagger';
import { Roles, type Principal } from '@registry/auth';
import { REGISTRY_EXPORT_FORMATS } from '@registry/domain';
import { reportRecord, REPORT_COLUMNS } from '@registry/documents';
import { GetReconciliationQuery, RequestReconciliationUseCase, type ReconciliationView } from '@registry/ledger';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { toCsv } from '../http/csv';
import { CurrentPrincipal, organizationOf } from '../http/current-principal';
import { idempotencyOf, markReplay } from '../http/idempotency';
import { OnlyQueryParameters } from '../http/query-parameters';
import { ExpensiveEndpoint } from '../http/rate-limits';
import { ReconciliationQueuedResponse, ReconciliationResponse } from './reconciliations.response';
import { isCsvBody } from '../http/body-parsers';

@ApiTags('reconciliations')
@Controller('v1/reconciliations')
export class ReconciliationsController {
  constructor(
    private readonly requestReconciliation: RequestReconciliationUseCase,
    private readonly getReconciliation: GetReconciliationQuery,
  ) {}

  @Post()
  @ApiOperation({ summary: "Compare a managing registry's export with the ledger" })
  @HttpCode(202)
  @ExpensiveEndpoint()
  @OnlyQueryParameters('format')
  @ApiBearerAuth()
  @Roles('auditor', 'provider')
  @ApiConsumes('text/csv')
  @ApiQuery({ name: 'format', required: false, enum: REGISTRY_EXPORT_FORMATS, description: 'detected from the header when absent' })
  @ApiBody({ description: "the managing registry's public export, as it publishes it (text/csv)", schema: { type: 'string' } })
  @ApiAcceptedResponse({ type: ReconciliationQueuedResponse, description: '{ id, status }: the comparison runs as a job; GET /v1/reconciliations/{id} follows it' })
  async create(@Query('format') format: unknown, @Body() body: unknown, @CurrentPrincipal() principal: Principal, @Req() req: FastifyRequest, @Res({ passthrough: true }) res: FastifyReply) {
    const actor = organizationOf(principal);
    return markReplay(res, await this.requestReconciliation.execute({ actor, format, body: isCsvBody(req) ? body : undefined, idempotency: idempotencyOf(req) }));
  }

  @Get(':id')
  @ApiOperation({ summary: 'A reconciliation, with its alerts' })
  @ApiBearerAuth()
  @Roles('auditor', 'provider')
  @ApiOkResponse({ type: ReconciliationResponse, description: '{ id, status, format, rows, matched, alerts: [{ kind, serial, detail }] } (the first 1,000 alerts; alertCount counts them all)' })
  get(@Param('id') id: string, @CurrentPrincipal() principal: Principal): Promise<ReconciliationView> {
    return this.getReconciliation.execute(principal, id);
  }

  @Get(':id/report.csv')
  @ApiOperation({ summary: 'A reconciliation\'s full report as CSV' })
  @ApiBearerAuth()
  @Roles('auditor', 'provider')
  @ApiProduces('text/csv')
  @ApiOkResponse({
    description: 'every compared part (matched, with both references), every alert and every unreadable row, as CSV (UTF-8 BOM, formula cells neutralised)',
    content: { 'text/csv': { schema: { type: 'string' }, example: `${REPORT_COLUMNS.join(',')}\n` } },
  })
  async report(@Param('id') id: string, @CurrentPrincipal() principal: Principal, @Res() res: FastifyReply): Promise<void> {
    const records = [];
    for await (const line of this.getReconciliation.lines(principal, id)) records.push(reportRecord(line));
    res.type('text/csv; charset=utf-8').header('Content-Disposition', `attachment; filename="reconciliation-${id}.csv"`);
    res.send(toCsv(records, REPORT_COLUMNS));
  }
}
