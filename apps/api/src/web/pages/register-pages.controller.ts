import { Controller, Get, Param, Query, Res } from '@nestjs/common';
import { Public } from '@registry/auth';
import { CertificateQueries, RegisterClaimQuery, RegisterQuery } from '@registry/ledger';
import type { FastifyReply } from 'fastify';
import { OnlyQueryParameters } from '../../http/query-parameters';
import { readRegisterForm, REGISTER_FORM_FIELDS } from '../forms/register-filter';
import { CurrentPage, type PageContext } from '../http/page-context';
import { PageResponder } from '../http/page-responder';
import { WebPages } from '../http/web-pages.decorator';
import { ClaimPage } from '../views/claim';
import { ErrorPage } from '../views/error';
import { RegisterListPage } from '../views/register-list';

const REGISTER_PAGE_SIZE = 50;

/** The public register: the list with its filters (the same RegisterQuery as GET /v1/register) and each claim's page. */
@WebPages()
@Public()
@Controller('register')
export class RegisterPagesController {
  constructor(
    private readonly register: RegisterQuery,
    private readonly registerClaim: RegisterClaimQuery,
    private readonly certificates: CertificateQueries,
    private readonly pages: PageResponder,
  ) {}

  @Get()
  @OnlyQueryParameters(...REGISTER_FORM_FIELDS, 'cursor', 'lang')
  async list(@Query() query: Record<string, string | undefined>, @CurrentPage() page: PageContext, @Res() reply: FastifyReply): Promise<void> {
    const form = readRegisterForm(query, page.t.register.errors);
    if (Object.keys(form.errors).length > 0) {
      return this.pages.send(reply, RegisterListPage({ page, form, entries: null, paged: false }), 400);
    }
    const cursor = query.cursor || undefined;
    const { items, nextCursor } = await this.register.execute({ ...form.filter, cursor, limit: REGISTER_PAGE_SIZE });
    this.pages.send(reply, RegisterListPage({ page, form, entries: items, nextCursor, paged: cursor !== undefined }));
  }

  @Get(':number')
  @OnlyQueryParameters('lang')
  async claim(@Param('number') number: string, @CurrentPage() page: PageContext, @Res() reply: FastifyReply): Promise<void> {
    const [claim, certificate] = await Promise.all([this.registerClaim.execute({ certificationNumber: number }), this.certificates.find(number)]);
    if (!claim) {
      const { errors } = page.t;
      return this.pages.send(reply, ErrorPage({ page, title: errors.notFoundTitle, message: errors.claimNotFound(number) }), 404);
    }
    this.pages.send(reply, ClaimPage({ page, claim, certificateStatus: String(certificate?.status ?? 'valid') }));
  }
}
