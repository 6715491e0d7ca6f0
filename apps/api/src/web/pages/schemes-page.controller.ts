import { Controller, Get, Res } from '@nestjs/common';
import { Public } from '@registry/auth';
import { SCHEMES } from '@registry/domain';
import type { FastifyReply } from 'fastify';
import { OnlyQueryParameters } from '../../http/query-parameters';
import { CurrentPage, type PageContext } from '../http/page-context';
import { PageResponder } from '../http/page-responder';
import { WebPages } from '../http/web-pages.decorator';
import { SchemesPage } from '../views/schemes';

@WebPages()
@Public()
@Controller('schemes')
export class SchemesPageController {
  constructor(private readonly pages: PageResponder) {}

  @Get()
  @OnlyQueryParameters('lang')
  list(@CurrentPage() page: PageContext, @Res() reply: FastifyReply): void {
    this.pages.send(reply, SchemesPage({ page, schemes: SCHEMES }));
  }
}
