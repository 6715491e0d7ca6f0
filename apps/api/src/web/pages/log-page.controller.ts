import { Controller, Get, Res } from '@nestjs/common';
import { Public } from '@registry/auth';
import { LogQueries } from '@registry/ledger';
import type { FastifyReply } from 'fastify';
import { OnlyQueryParameters } from '../../http/query-parameters';
import { CurrentPage, type PageContext } from '../http/page-context';
import { PageResponder } from '../http/page-responder';
import { WebPages } from '../http/web-pages.decorator';
import { LogPage, readCheckpoint } from '../views/log';

@WebPages()
@Public()
@Controller('log')
export class LogPageController {
  constructor(
    private readonly log: LogQueries,
    private readonly pages: PageResponder,
  ) {}

  @Get()
  @OnlyQueryParameters('lang')
  async checkpoint(@CurrentPage() page: PageContext, @Res() reply: FastifyReply): Promise<void> {
    this.pages.send(reply, LogPage({ page, checkpoint: readCheckpoint(await this.log.checkpoint()) }));
  }
}
