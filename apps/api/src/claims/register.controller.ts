import { Controller, Get, Query, Res } from '@nestjs/common';
import { ApiOkResponse, ApiOperation, ApiQuery, ApiTags } from '@nestjs/swagger';
import { Public } from '@registry/auth';
import { DomainError } from '@registry/domain';
import { RegisterQuery } from '@registry/ledger';
import type { Response } from 'express';
import { pageLimit } from '../http/paging';
import { OnlyQueryParameters } from '../http/query-parameters';
import { registerCsv } from './register-csv';

@ApiTags('claims')
@Public()
@Controller('v1/register')
export class RegisterController {
  constructor(private readonly register: RegisterQuery) {}

  @Get()
  @ApiOperation({ summary: 'The public register of certified claims' })
  @OnlyQueryParameters('cursor', 'limit', 'format')
  @ApiQuery({ name: 'cursor', required: false })
  @ApiQuery({ name: 'limit', required: false })
  @ApiQuery({ name: 'format', required: false, enum: ['json', 'csv'] })
  @ApiOkResponse({ description: 'every claim ever certified, with its disclosure items and, per credit, scheme, project, type, retirement status and method' })
  async list(@Res({ passthrough: true }) res: Response, @Query('cursor') cursor?: string, @Query('limit') limit?: string, @Query('format') format?: string) {
    if (format !== undefined && format !== 'json' && format !== 'csv') {
      throw new DomainError('VALIDATION_FAILED', 'format must be json or csv', { errors: [{ field: 'format', message: 'must be json or csv' }] });
    }
    const page = await this.register.execute(cursor, pageLimit(limit));
    if (format !== 'csv') return page;
    res.type('text/csv; charset=utf-8').setHeader('Content-Disposition', 'attachment; filename="register.csv"');
    if (page.nextCursor) res.setHeader('Link', `</v1/register?format=csv&cursor=${encodeURIComponent(page.nextCursor)}>; rel="next"`);
    return registerCsv(page.items);
  }
}
