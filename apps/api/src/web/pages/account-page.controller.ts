import { Controller, Get, Res } from '@nestjs/common';
import { GetOrganizationUseCase } from '@registry/ledger';
import type { Role } from '@registry/domain';
import type { FastifyReply } from 'fastify';
import { OnlyQueryParameters } from '../../http/query-parameters';
import { CurrentPage, type PageContext } from '../http/page-context';
import { PageResponder } from '../http/page-responder';
import { WebPages } from '../http/web-pages.decorator';
import { CurrentSession, SignedIn, type WebSession } from '../session/web-session';
import { AccountPage } from '../views/account';

@WebPages()
@Controller('account')
export class AccountPageController {
  constructor(
    private readonly organizations: GetOrganizationUseCase,
    private readonly pages: PageResponder,
  ) {}

  @Get()
  @SignedIn()
  @OnlyQueryParameters('lang')
  async account(@CurrentPage() page: PageContext, @CurrentSession() session: WebSession, @Res() reply: FastifyReply): Promise<void> {
    const organization = await this.organizations.execute(session.person.organizationId);
    const roles: Role[] = session.actor.kind === 'admin' ? ['admin'] : session.actor.roles;
    this.pages.send(reply, AccountPage({ page, email: session.person.email, organization, roles, sessionEndsAt: session.endsAt }));
  }
}
