import { Controller, Get, Headers, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiOperation, ApiProduces, ApiTags, getSchemaPath } from '@nestjs/swagger';
import { Public, Roles, type Principal } from '@registry/auth';
import { ListClaimsQuery, ListHoldingsQuery, ListRetirementsQuery, OrganizationDirectoryQuery } from '@registry/ledger';
import { CurrentPrincipal, organizationOf } from '../http/current-principal';
import { answer } from '../http/list-answer';
import { OnlyQueryParameters } from '../http/query-parameters';
import { CLAIM_COLUMNS, DIRECTORY_COLUMNS, HOLDING_COLUMNS, RETIREMENT_COLUMNS } from '@registry/documents';
import { ApiPageResponse } from '../http/openapi-page';
import { ClaimSummaryResponse } from '../claims/claims.response';
import { HoldingResponse, HoldingTotalResponse, RetirementResponse } from '../ledger/ledger.response';
import { DirectoryEntryResponse } from './list.response';
import { ClaimListQueryDto, HoldingListQueryDto, LIST_PARAMETERS, OrganizationListQueryDto, RetirementListQueryDto } from './list.dto';

const SPREADSHEETS = ['application/json', 'text/csv', 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet'];

/** The lists people work from (API.md "Lists"): filtered, paged newest first, exportable as CSV and xlsx. */
@ApiTags('lists')
@Controller('v1')
export class ListsController {
  constructor(
    private readonly retirements: ListRetirementsQuery,
    private readonly claims: ListClaimsQuery,
    private readonly holdings: ListHoldingsQuery,
    private readonly directory: OrganizationDirectoryQuery,
  ) {}

  @Get('retirements')
  @ApiBearerAuth()
  @Roles('provider', 'applicant', 'auditor', 'admin')
  @OnlyQueryParameters(...LIST_PARAMETERS, 'beneficiary', 'claimId', 'scheme', 'retiredFrom', 'retiredTo', 'organizationId')
  @ApiOperation({ summary: 'Retirements made by the caller or backing its claims (auditors: all), newest first' })
  @ApiProduces(...SPREADSHEETS)
  @ApiPageResponse(RetirementResponse, '`{ items, nextCursor? }`, or the whole filtered list as CSV/xlsx')
  listRetirements(@Query() query: RetirementListQueryDto, @CurrentPrincipal() principal: Principal, @Headers('accept') accept?: string) {
    const { cursor, limit, format, lang, ...filters } = query;
    const page = (from: string | undefined, size: number) => this.retirements.execute({ ...filters, actor: principal, cursor: from, limit: size });
    return answer({ accept, name: 'retirements', columns: RETIREMENT_COLUMNS, page, cursor, limit, format, lang });
  }

  @Get('claims')
  @ApiBearerAuth()
  @Roles('applicant', 'provider', 'certifier', 'auditor', 'admin')
  @OnlyQueryParameters(...LIST_PARAMETERS, 'type', 'status')
  @ApiOperation({ summary: 'Claims the caller works on: its own, those it may retire for, those assigned to it (auditors: all)' })
  @ApiProduces(...SPREADSHEETS)
  @ApiPageResponse(ClaimSummaryResponse, '`{ items, nextCursor? }` of claim summaries, or a CSV/xlsx file')
  listClaims(@Query() query: ClaimListQueryDto, @CurrentPrincipal() principal: Principal, @Headers('accept') accept?: string) {
    const { cursor, limit, format, lang, ...filters } = query;
    const page = (from: string | undefined, size: number) => this.claims.execute({ ...filters, actor: principal, cursor: from, limit: size });
    return answer({ accept, name: 'claims', columns: CLAIM_COLUMNS, page, cursor, limit, format, lang });
  }

  @Get('holdings')
  @ApiBearerAuth()
  @Roles('provider')
  @OnlyQueryParameters(...LIST_PARAMETERS, 'scheme')
  @ApiOperation({ summary: 'The caller’s held blocks, with totals per scheme over the whole filtered list' })
  @ApiProduces(...SPREADSHEETS)
  @ApiPageResponse(HoldingResponse, '`{ items, totals: [{ scheme, blocks, quantity }], nextCursor? }`, or a CSV/xlsx file', {
    models: [HoldingTotalResponse],
    required: ['totals'],
    properties: { totals: { type: 'array', description: 'per scheme, over the whole filtered list', items: { $ref: getSchemaPath(HoldingTotalResponse) } } },
  })
  listHoldings(@Query() query: HoldingListQueryDto, @CurrentPrincipal() principal: Principal, @Headers('accept') accept?: string) {
    const { organizationId } = organizationOf(principal);
    const page = (from: string | undefined, size: number) => this.holdings.execute({ organizationId, scheme: query.scheme, cursor: from, limit: size });
    return answer({ accept, name: 'holdings', columns: HOLDING_COLUMNS, page, cursor: query.cursor, limit: query.limit, format: query.format, lang: query.lang });
  }

  @Get('organizations')
  @Public()
  @OnlyQueryParameters('cursor', 'limit', 'role', 'name', 'format', 'lang')
  @ApiOperation({ summary: 'The public directory of providers and certifiers with their corporate numbers (admin: every organisation)' })
  @ApiPageResponse(DirectoryEntryResponse, '`{ items: [{ id, name, corporateNumber, roles }], nextCursor? }`')
  listOrganizations(@Query() query: OrganizationListQueryDto, @CurrentPrincipal() principal?: Principal, @Headers('accept') accept?: string) {
    const page = (from: string | undefined, size: number) => this.directory.execute({ actor: principal, role: query.role, name: query.name, cursor: from, limit: size });
    return answer({ accept, name: 'organizations', columns: DIRECTORY_COLUMNS, page, cursor: query.cursor, limit: query.limit, format: query.format, lang: query.lang });
  }
}
