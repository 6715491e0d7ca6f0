import { Controller, Get, Headers, Query } from '@nestjs/common';
import { ApiOperation, ApiProduces, ApiTags } from '@nestjs/swagger';
import { Public } from '@registry/auth';
import { REGISTER_COLUMNS, registerRows, TABLE_CONTENT_TYPE } from '@registry/documents';
import { RegisterQuery } from '@registry/ledger';
import { answer } from '../http/list-answer';
import { OnlyQueryParameters } from '../http/query-parameters';
import { ApiPageResponse } from '../http/openapi-page';
import { RegisterQueryDto } from './register.dto';
import { RegisterEntryResponse } from './register.response';

@ApiTags('claims')
@Public()
@Controller('v1/register')
export class RegisterController {
  constructor(private readonly register: RegisterQuery) {}

  @Get()
  @ApiOperation({ summary: 'The public register of certified claims' })
  @OnlyQueryParameters('cursor', 'limit', 'format', 'lang', 'type', 'status', 'certifiedFrom', 'certifiedTo', 'q', 'applicant', 'product', 'beneficiary', 'periodFrom', 'periodTo')
  @ApiProduces('application/json', 'text/csv', TABLE_CONTENT_TYPE.xlsx)
  @ApiPageResponse(RegisterEntryResponse, 'every claim ever certified, with its disclosure items and, per credit, scheme, project, type, retirement status and method; CSV and xlsx: one row per credit, the whole filtered register')
  list(@Query() query: RegisterQueryDto, @Headers('accept') accept?: string) {
    const { cursor, limit, format, lang, q, ...filters } = query;
    const page = (from: string | undefined, size: number) => this.register.execute({ ...filters, text: q, cursor: from, limit: size });
    return answer({ accept, name: 'register', columns: REGISTER_COLUMNS, page, rows: registerRows, cursor, limit, format, lang });
  }
}
