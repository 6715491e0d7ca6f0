import { Controller, Get, HttpCode, Param, Post, Query, Req, Res } from '@nestjs/common';
import { ApiAcceptedResponse, ApiBearerAuth, ApiConsumes, ApiOkResponse, ApiOperation, ApiProduces, ApiQuery, ApiTags } from '@nestjs/swagger';
import { Problems } from '../http/problems.decorator';
import { Roles, type Principal } from '@registry/auth';
import { DomainError } from '@registry/domain';
import { refusedRowsCsv } from '@registry/documents';
import { holdingsFormatNames, ImportQueries, StartHoldingsImportUseCase, type ImportView } from '@registry/ledger';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { Readable } from 'node:stream';
import { CurrentPrincipal, organizationOf } from '../http/current-principal';
import { OnlyQueryParameters } from '../http/query-parameters';
import { ImportResponse, ImportStartedResponse } from './imports.response';
import { statementBody, STATEMENT_MAX_BYTES } from './statement-body';

const REFUSED_CSV_EXAMPLE = 'row,serial,code,message\n12,JCL-ERL-R012-1000001-1000500,SERIAL_CONFLICT,overlaps a block held by another organisation\n';

@ApiTags('imports')
@ApiBearerAuth()
@Roles('provider')
@Controller('v1/imports')
export class ImportsController {
  constructor(
    private readonly startImport: StartHoldingsImportUseCase,
    private readonly imports: ImportQueries,
  ) {}

  @Post()
  @ApiOperation({ summary: 'Import a holdings statement (CSV, xlsx or a multipart file), run as a job' })
  @Problems('INVALID_SERIAL', 'UNKNOWN_SCHEME')
  @HttpCode(202)
  @OnlyQueryParameters('kind', 'format', 'dryRun')
  @ApiConsumes('text/csv', 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet', 'multipart/form-data')
  @ApiQuery({ name: 'kind', enum: ['holdings'] })
  @ApiQuery({ name: 'format', required: false, description: `statement format (detected from the header when absent): ${holdingsFormatNames().join(', ')}` })
  @ApiQuery({ name: 'dryRun', required: false, enum: ['true', 'false'] })
  @ApiAcceptedResponse({ type: ImportStartedResponse, description: '{ id, status }: the statement is stored and imported by a job; GET /v1/imports/{id} follows it' })
  start(
    @Req() req: FastifyRequest,
    @CurrentPrincipal() principal: Principal,
    @Query('kind') kind?: string,
    @Query('format') format?: string,
    @Query('dryRun') dryRun?: string,
  ) {
    if (kind !== 'holdings') throw invalid('kind', 'must be holdings');
    if (dryRun !== undefined && dryRun !== 'true' && dryRun !== 'false') throw invalid('dryRun', 'must be true or false');
    return this.startImport.execute({
      actor: organizationOf(principal),
      format,
      dryRun: dryRun === 'true',
      body: statementBody(req.raw),
      maxBytes: STATEMENT_MAX_BYTES,
    });
  }

  @Get(':id')
  @ApiOperation({ summary: "An import's progress, counts and first refused rows" })
  @OnlyQueryParameters()
  @ApiOkResponse({ type: ImportResponse, description: 'counts and the first 1,000 refused rows (the importing organisation only; 404 otherwise)' })
  view(@Param('id') id: string, @CurrentPrincipal() principal: Principal): Promise<ImportView> {
    return this.imports.view(id, organizationOf(principal).organizationId);
  }

  @Get(':id/refused.csv')
  @ApiOperation({ summary: 'Every refused row of an import, as CSV' })
  @OnlyQueryParameters()
  @ApiProduces('text/csv')
  @ApiOkResponse({
    description: 'every refused row with its reason (UTF-8 BOM, formula cells neutralised)',
    content: { 'text/csv': { schema: { type: 'string' }, example: REFUSED_CSV_EXAMPLE } },
  })
  async refusedCsv(@Param('id') id: string, @CurrentPrincipal() principal: Principal, @Res() res: FastifyReply): Promise<void> {
    const lines = refusedRowsCsv(await this.imports.refusedRows(id, organizationOf(principal).organizationId));
    res.status(200).type('text/csv; charset=utf-8').header('Content-Disposition', `attachment; filename="import-${id}-refused.csv"`);
    res.send(Readable.from(lines));
  }
}

function invalid(field: string, message: string): DomainError {
  return new DomainError('VALIDATION_FAILED', `${field} ${message}`, { errors: [{ field, message }] });
}
