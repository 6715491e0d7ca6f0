import { Body, Controller, Get, HttpCode, Post, Query, Req } from '@nestjs/common';
import { ApiBearerAuth, ApiBody, ApiConsumes, ApiExtraModels, ApiOkResponse, ApiOperation, ApiQuery, ApiTags, getSchemaPath } from '@nestjs/swagger';
import { Problems } from '../http/problems.decorator';
import { Public, Roles, type Principal } from '@registry/auth';
import { DomainError, SCHEME_CODES, SCHEMES, type SchemeCode } from '@registry/domain';
import { CheckSerialsQuery, parseRequestSerial, SerialStatusQuery } from '@registry/ledger';
import type { FastifyRequest } from 'fastify';
import { CurrentPrincipal } from '../http/current-principal';
import { OnlyQueryParameters } from '../http/query-parameters';
import { ExpensiveEndpoint } from '../http/rate-limits';
import { validateBody } from '../http/validation.pipe';
import { CheckSerialsDto, ParseSerialDto } from '../ledger/ledger.dto';
import { serialsFromCsv } from './serials-csv';
import { ParsedSerialResponse, SchemeResponse, SerialCheckErrorResponse, SerialStatusResponse } from './serials.response';
import { isCsvBody } from '../http/body-parsers';

interface StatusQueryParameters {
  serial?: unknown;
  scheme?: unknown;
  cursor?: unknown;
}

@ApiTags('serials')
@Controller('v1')
export class SerialsController {
  constructor(
    private readonly serialStatus: SerialStatusQuery,
    private readonly checkSerials: CheckSerialsQuery,
  ) {}

  @Get('schemes')
  @ApiOperation({ summary: 'Every credit scheme' })
  @Public()
  @ApiOkResponse({ type: [SchemeResponse], description: 'every credit scheme the registry reads: code, names, unit, managing registry' })
  schemes() {
    return SCHEMES.map(({ code, nameJa, nameEn, unit, registry }) => ({ code, name: nameEn, nameJa, nameEn, unit, registry }));
  }

  @Post('serials/parse')
  @ApiOperation({ summary: 'Read a serial number into its canonical block' })
  @Problems('INVALID_SERIAL', 'UNKNOWN_SCHEME')
  @Public()
  @HttpCode(200)
  @ApiOkResponse({ type: ParsedSerialResponse, description: 'the block a serial denotes, in canonical form; 400 INVALID_SERIAL names the failing field' })
  parse(@Body() body: ParseSerialDto) {
    const parsed = parseRequestSerial(body.serial, 'serial', body.scheme);
    return {
      scheme: parsed.scheme,
      namespace: parsed.namespace,
      start: String(parsed.range.start),
      end: String(parsed.range.end),
      quantity: String(parsed.range.quantity),
      canonical: parsed.canonical,
      attributes: parsed.attributes,
    };
  }

  @Get('serials/status')
  @ApiOperation({ summary: 'Status of every serial of a range, in segments' })
  @Problems('INVALID_SERIAL', 'UNKNOWN_SCHEME')
  @OnlyQueryParameters('serial', 'scheme', 'cursor')
  @ExpensiveEndpoint()
  @Public()
  @ApiQuery({ name: 'serial', required: true, type: String, example: 'JCL-ERL-R012-1000001-1000500' })
  @ApiQuery({ name: 'scheme', required: false, enum: SCHEME_CODES })
  @ApiQuery({ name: 'cursor', required: false, type: String, description: 'nextCursor of the previous page' })
  @ApiOkResponse({ type: SerialStatusResponse, description: 'segments covering the asked range exactly, at most 1,000 a page (then nextCursor): retired / held / unknown' })
  // One query object, not a parameter each: the global pipes then run once for the three (the
  // single-value check covers every parameter of the object), on the registry's busiest route.
  status(@Query() { serial, scheme, cursor }: StatusQueryParameters, @CurrentPrincipal() principal?: Principal) {
    if (typeof serial !== 'string') {
      throw new DomainError('VALIDATION_FAILED', 'query parameter serial is required (once)', { errors: [{ field: 'serial', message: 'is required' }] });
    }
    if (scheme !== undefined && !(SCHEME_CODES as readonly unknown[]).includes(scheme)) {
      throw new DomainError('VALIDATION_FAILED', `scheme must be one of ${SCHEME_CODES.join(', ')}`, { errors: [{ field: 'scheme', message: 'is not a known scheme code' }] });
    }
    return this.serialStatus.execute(serial, principal, scheme as SchemeCode | undefined, cursor);
  }

  @Post('serials/check')
  @ApiOperation({ summary: 'Status of many serials at once' })
  @ExpensiveEndpoint()
  @HttpCode(200)
  @ApiBearerAuth()
  @Roles('auditor')
  @ApiConsumes('application/json', 'text/csv')
  @ApiBody({ type: CheckSerialsDto, description: 'JSON { serials: [...] }, or text/csv with a `serial` column' })
  @ApiExtraModels(SerialStatusResponse, SerialCheckErrorResponse)
  @ApiOkResponse({
    description: '{ items: [status per serial, or { serial, error: { code, message } } for an unreadable row] } in request order; each status whole (no nextCursor); at most 10,000 segments in all',
    schema: {
      type: 'object',
      required: ['items'],
      properties: {
        items: { type: 'array', items: { oneOf: [{ $ref: getSchemaPath(SerialStatusResponse) }, { $ref: getSchemaPath(SerialCheckErrorResponse) }] } },
      },
    },
  })
  async check(@Req() req: FastifyRequest, @CurrentPrincipal() principal: Principal, @Body() body: object) {
    const serials = isCsvBody(req) ? serialsFromCsv(String(body)) : (await validateBody(CheckSerialsDto, body)).serials;
    return this.checkSerials.execute(serials, principal);
  }
}
