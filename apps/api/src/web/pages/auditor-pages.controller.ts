import { Controller, Get, HttpCode, Post, Res } from '@nestjs/common';
import type { LogVerification } from '@registry/domain';
import { JournalQueries, LogQueries } from '@registry/ledger';
import type { FastifyReply } from 'fastify';
import { OnlyQueryParameters } from '../../http/query-parameters';
import { CurrentPage, type PageContext } from '../http/page-context';
import { PageResponder } from '../http/page-responder';
import { WebPages } from '../http/web-pages.decorator';
import { SignedIn } from '../session/web-session';
import { LedgerPage } from '../views/ledger';
import { readCheckpoint } from '../views/log';

/** An auditor's ledger page, through the same queries as GET /v1/ledger/head and /v1/ledger/verify. */
@WebPages()
@SignedIn('auditor')
@Controller('ledger')
export class AuditorPagesController {
  constructor(
    private readonly journal: JournalQueries,
    private readonly log: LogQueries,
    private readonly pages: PageResponder,
  ) {}

  @Get()
  @OnlyQueryParameters('lang')
  async ledger(@CurrentPage() page: PageContext, @Res() reply: FastifyReply): Promise<void> {
    await this.send(page, reply);
  }

  /** Runs the whole verification (a POST: it is work, not a page to prefetch or crawl) and shows its result. */
  @Post('verify')
  @HttpCode(200)
  @OnlyQueryParameters('lang')
  async verify(@CurrentPage() page: PageContext, @Res() reply: FastifyReply): Promise<void> {
    await this.send(page, reply, await this.journal.verify());
  }

  private async send(page: PageContext, reply: FastifyReply, verification?: LogVerification): Promise<void> {
    const [head, note] = await Promise.all([this.journal.head(), this.log.checkpoint()]);
    this.pages.send(reply, LedgerPage({ page, head, checkpoint: readCheckpoint(note), verification }));
  }
}
