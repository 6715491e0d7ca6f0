import { Controller, Get, Headers, Query } from '@nestjs/common';
import { JOURNAL_COLUMNS } from '@registry/documents';
import { DomainError } from '@registry/domain';
import { ApiBearerAuth, ApiOkResponse, ApiOperation, ApiQuery, ApiTags } from '@nestjs/swagger';
import { Roles } from '@registry/auth';
import { JournalQueries } from '@registry/ledger';
import { answer } from '../http/list-answer';
import { nonNegativeInteger } from '../http/paging';
import { ApiPageResponse } from '../http/openapi-page';
import { OnlyQueryParameters } from '../http/query-parameters';
import { ChainVerificationResponse, JournalEntryResponse, JournalHeadResponse } from './journal.response';

@ApiTags('ledger')
@ApiBearerAuth()
@Roles('auditor')
@Controller('v1/ledger')
export class LedgerController {
  constructor(private readonly journal: JournalQueries) {}

  @Get('head')
  @ApiOperation({ summary: "The journal's head" })
  @ApiOkResponse({ type: JournalHeadResponse, description: '{ sequence, hash } of the latest journal entry' })
  head() {
    return this.journal.head();
  }

  @Get('verify')
  @ApiOperation({ summary: "Rebuild the log's Merkle tree from the entries and check it against every signed checkpoint" })
  @ApiOkResponse({ type: ChainVerificationResponse, description: '{ ok, checked, head, firstBadSequence?, problem? }: the tree recomputed' })
  verify() {
    return this.journal.verify();
  }

  @Get('entries')
  @ApiOperation({ summary: 'Journal entries in order' })
  @OnlyQueryParameters('after', 'cursor', 'limit', 'type', 'format', 'lang')
  @ApiQuery({ name: 'format', required: false, enum: ['json', 'csv', 'xlsx'], description: 'csv and xlsx export every matching entry from the cursor on' })
  @ApiQuery({ name: 'lang', required: false, enum: ['en', 'ja'] })
  @ApiQuery({ name: 'after', required: false, description: 'the log place to start at: the logIndex of the last entry read + 1 (0: from the start)' })
  @ApiQuery({ name: 'cursor', required: false, description: 'the nextCursor of the previous page (same as after)' })
  @ApiQuery({ name: 'limit', required: false })
  @ApiQuery({ name: 'type', required: false, description: 'one entry type (claim.certify) or a family (claim)', example: 'retirement' })
  @ApiPageResponse(JournalEntryResponse, 'journal entries in order')
  entries(
    @Query('after') after?: string,
    @Query('cursor') cursor?: string,
    @Query('limit') limit?: string,
    @Query('type') type?: string,
    @Query('format') format?: string,
    @Query('lang') lang?: string,
    @Headers('accept') accept?: string,
  ) {
    if (after !== undefined && cursor !== undefined) {
      throw new DomainError('VALIDATION_FAILED', 'give after or cursor, not both', { errors: [{ field: 'cursor', message: 'give after or cursor, not both' }] });
    }
    if (type !== undefined && !/^[a-z][a-z_]*(\.[a-z_]+)*$/.test(type)) {
      throw new DomainError('VALIDATION_FAILED', 'type must be an entry type such as claim.certify, or a family such as claim', { errors: [{ field: 'type', message: 'must be an entry type or family' }] });
    }
    const from = String(nonNegativeInteger(after ?? cursor, after !== undefined ? 'after' : 'cursor'));
    const page = (start: string | undefined, size: number) => this.journal.entries(Number(start ?? 0), size, type);
    return answer({ accept, name: 'journal', columns: JOURNAL_COLUMNS, page, cursor: from, limit, format, lang });
  }
}
