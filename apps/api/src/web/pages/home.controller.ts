import { Controller, Get, Res } from '@nestjs/common';
import { Public } from '@registry/auth';
import { RegisterQuery } from '@registry/ledger';
import type { FastifyReply } from 'fastify';
import { OnlyQueryParameters } from '../../http/query-parameters';
import { CurrentPage, type PageContext } from '../http/page-context';
import { PageResponder } from '../http/page-responder';
import { WebPages } from '../http/web-pages.decorator';
import { HomePage } from '../views/home';

const HOME_REGISTER_ENTRIES = 5;

@WebPages()
@Public()
@Controller()
export class HomeController {
  constructor(
    private readonly register: RegisterQuery,
    private readonly pages: PageResponder,
  ) {}

  @Get()
  @OnlyQueryParameters('lang')
  async home(@CurrentPage() page: PageContext, @Res() reply: FastifyReply): Promise<void> {
    const { items } = await this.register.execute({ limit: HOME_REGISTER_ENTRIES });
    this.pages.send(reply, HomePage({ page, recent: items }));
  }
}
