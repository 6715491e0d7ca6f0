import { Controller, Get, Query, Res } from '@nestjs/common';
import { RETIREMENT_COLUMNS } from '@registry/documents';
import { ListHoldingsQuery, ListRetirementsQuery } from '@registry/ledger';
import type { FastifyReply } from 'fastify';
import { answer } from '../../http/list-answer';
import { OnlyQueryParameters } from '../../http/query-parameters';
import { CurrentPage, pageHref, type PageContext } from '../http/page-context';
import { PageResponder } from '../http/page-responder';
import { WebPages } from '../http/web-pages.decorator';
import { CurrentSession, SignedIn, type WebSession } from '../session/web-session';
import { HoldingsPageView } from '../views/holdings';
import { RetirementsPage } from '../views/retirements';

const PAGE_SIZE = 50;

/** A provider's (and an applicant's) own lists, read through the same queries as GET /v1/holdings and /v1/retirements. */
@WebPages()
@Controller()
export class ProviderPagesController {
  constructor(
    private readonly holdings: ListHoldingsQuery,
    private readonly retirements: ListRetirementsQuery,
    private readonly pages: PageResponder,
  ) {}

  @Get('holdings')
  @SignedIn('provider')
  @OnlyQueryParameters('cursor', 'lang')
  async holdingsPage(@CurrentPage() page: PageContext, @CurrentSession() session: WebSession, @Query('cursor') cursor: string | undefined, @Res() reply: FastifyReply): Promise<void> {
    const holdings = await this.holdings.execute({ organizationId: session.actor.organizationId!, cursor, limit: PAGE_SIZE });
    this.pages.send(reply, HoldingsPageView({ page, holdings, ...pagerLinks(page, '/holdings', cursor, holdings.nextCursor) }));
  }

  @Get('retirements')
  @SignedIn('provider', 'applicant')
  @OnlyQueryParameters('cursor', 'lang')
  async retirementsPage(@CurrentPage() page: PageContext, @CurrentSession() session: WebSession, @Query('cursor') cursor: string | undefined, @Res() reply: FastifyReply): Promise<void> {
    const { items, nextCursor } = await this.retirements.execute({ actor: session.actor, cursor, limit: PAGE_SIZE });
    this.pages.send(reply, RetirementsPage({ page, items, ...pagerLinks(page, '/retirements', cursor, nextCursor) }));
  }

  /** The whole list as CSV, as GET /v1/retirements?format=csv answers an API key (which the browser has not). */
  @Get('retirements.csv')
  @SignedIn('provider', 'applicant')
  @OnlyQueryParameters('lang')
  retirementsCsv(@CurrentPage() page: PageContext, @CurrentSession() session: WebSession) {
    const list = (from: string | undefined, size: number) => this.retirements.execute({ actor: session.actor, cursor: from, limit: size });
    return answer({ name: 'retirements', columns: RETIREMENT_COLUMNS, page: list, format: 'csv', lang: page.lang });
  }

  /** The same list as an Excel workbook, as GET /v1/retirements?format=xlsx answers. */
  @Get('retirements.xlsx')
  @SignedIn('provider', 'applicant')
  @OnlyQueryParameters('lang')
  retirementsXlsx(@CurrentPage() page: PageContext, @CurrentSession() session: WebSession) {
    const list = (from: string | undefined, size: number) => this.retirements.execute({ actor: session.actor, cursor: from, limit: size });
    return answer({ name: 'retirements', columns: RETIREMENT_COLUMNS, page: list, format: 'xlsx', lang: page.lang });
  }
}

function pagerLinks(page: PageContext, path: string, cursor: string | undefined, nextCursor: string | undefined): { first?: string; next?: string } {
  return {
    first: cursor ? pageHref(page, path) : undefined,
    next: nextCursor ? pageHref(page, path, { cursor: nextCursor }) : undefined,
  };
}
