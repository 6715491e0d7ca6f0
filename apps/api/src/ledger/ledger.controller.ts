import { Controller, Get, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiOkResponse, ApiOperation, ApiQuery, ApiTags } from '@nestjs/swagger';
import { Roles } from '@registry/auth';
import { JournalQueries } from '@registry/ledger';
import { nonNegativeInteger, pageLimit } from '../http/paging';
import { OnlyQueryParameters } from '../http/query-parameters';

@ApiTags('ledger')
@ApiBearerAuth()
@Roles('auditor')
@Controller('v1/ledger')
export class LedgerController {
  constructor(private readonly journal: JournalQueries) {}

  @Get('head')
  @ApiOperation({ summary: "The journal's head" })
  @ApiOkResponse({ description: '{ sequence, hash } of the latest journal entry' })
  head() {
    return this.journal.head();
  }

  @Get('verify')
  @ApiOperation({ summary: "Recompute the journal's hash chain" })
  @ApiOkResponse({ description: '{ ok, checked, head, firstBadSequence? }: the hash chain recomputed' })
  verify() {
    return this.journal.verify();
  }

  @Get('entries')
  @ApiOperation({ summary: 'Journal entries in order' })
  @OnlyQueryParameters('after', 'limit')
  @ApiQuery({ name: 'after', required: false })
  @ApiQuery({ name: 'limit', required: false })
  @ApiOkResponse({ description: 'journal entries in order' })
  entries(@Query('after') after?: string, @Query('limit') limit?: string) {
    return this.journal.entries(nonNegativeInteger(after, 'after'), pageLimit(limit));
  }
}
