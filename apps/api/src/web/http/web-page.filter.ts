import { ArgumentsHost, Catch, HttpException, type ExceptionFilter } from '@nestjs/common';
import { ThrottlerException } from '@nestjs/throttler';
import { DomainError } from '@registry/domain';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { PinoLogger } from 'nestjs-pino';
import { STATUS_OF } from '../../http/problem-status';
import type { Strings } from '../i18n';
import { CsrfRefused, SignInRequired } from '../session/web-session';
import { ErrorPage } from '../views/error';
import { pageContextOf, pageHref } from './page-context';
import { PageResponder } from './page-responder';

/**
 * The web pages' errors as HTML pages in the reader's language (the API's ProblemDetailsFilter
 * answers JSON): scoped to the web controllers with `@WebPages()`, so it runs before the global one.
 */
@Catch()
export class WebPageExceptionFilter implements ExceptionFilter {
  constructor(
    private readonly pages: PageResponder,
    private readonly logger: PinoLogger,
  ) {
    logger.setContext('WebPages');
  }

  catch(exception: unknown, host: ArgumentsHost): void {
    const http = host.switchToHttp();
    const request = http.getRequest<FastifyRequest>();
    const reply = http.getResponse<FastifyReply>();
    const status = statusOf(exception);
    if (status >= 500) this.logger.error({ err: exception, requestId: request.id }, 'web page failed');
    if (reply.sent || reply.raw.headersSent) return;
    const page = pageContextOf(request);
    if (exception instanceof SignInRequired) {
      reply.header('Cache-Control', 'no-store').redirect(pageHref(page, '/sign-in', { next: exception.returnTo }), 303);
      return;
    }
    const words = exception instanceof CsrfRefused ? { title: page.t.errors.formExpiredTitle, message: page.t.errors.formExpiredBody } : errorWords(status, page.t.errors);
    const detail = status === 400 && exception instanceof Error ? exception.message : undefined;
    this.pages.send(reply, ErrorPage({ page, ...words, detail, requestId: status >= 500 ? page.requestId : undefined }), status);
  }
}

export function statusOf(exception: unknown): number {
  if (exception instanceof DomainError) return exception.options.invalidInput ? 400 : STATUS_OF[exception.code];
  if (exception instanceof ThrottlerException) return 429;
  if (exception instanceof HttpException) return exception.getStatus();
  return 500;
}

export function errorWords(status: number, t: Strings['errors']): { title: string; message: string } {
  if (status === 404) return { title: t.notFoundTitle, message: t.notFoundBody };
  if (status === 429) return { title: t.tooManyTitle, message: t.tooManyBody };
  if (status === 401) return { title: t.signInNeededTitle, message: t.signInNeededBody };
  if (status === 403) return { title: t.forbiddenTitle, message: t.forbiddenBody };
  if (status === 503) return { title: t.unavailableTitle, message: t.tooManyBody };
  if (status >= 400 && status < 500) return { title: t.badRequestTitle, message: t.badRequestBody };
  return { title: t.serverErrorTitle, message: t.serverErrorBody };
}
