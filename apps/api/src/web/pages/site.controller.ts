import { Controller, Get, Header, Param, Query, Res } from '@nestjs/common';
import { Public } from '@registry/auth';
import { DomainError } from '@registry/domain';
import type { FastifyReply } from 'fastify';
import { OnlyQueryParameters } from '../../http/query-parameters';
import { IMMUTABLE_CACHE, STYLESHEET, STYLESHEET_NAME } from '../assets/stylesheet';
import { isLang } from '../i18n';
import { langCookie, localReturnPath } from '../http/language';
import { WebPages } from '../http/web-pages.decorator';
import { SessionCookies } from '../session/session-cookies';

/** What every page needs besides itself: the stylesheet and the language switch. */
@WebPages()
@Public()
@Controller()
export class SiteController {
  constructor(private readonly cookies: SessionCookies) {}

  /** Only the current name answers: an old hash is a 404, never today's content under yesterday's long-cached name. */
  @Get('assets/:name')
  @OnlyQueryParameters()
  @Header('Content-Type', 'text/css; charset=utf-8')
  @Header('Cache-Control', IMMUTABLE_CACHE)
  stylesheet(@Param('name') name: string): Buffer {
    if (name !== STYLESHEET_NAME) throw new DomainError('NOT_FOUND', `no asset ${name}`);
    return STYLESHEET;
  }

  /** The header's language switch: remembers the choice in a cookie and goes back to the page (303). */
  @Get('language/:lang')
  @OnlyQueryParameters('next')
  switchLanguage(@Param('lang') lang: string, @Query('next') next: string | undefined, @Res() reply: FastifyReply): void {
    if (!isLang(lang)) throw new DomainError('NOT_FOUND', `no language ${lang}`);
    reply.header('Set-Cookie', langCookie(lang, this.cookies.secure)).header('Cache-Control', 'no-store').redirect(localReturnPath(next), 303);
  }
}
