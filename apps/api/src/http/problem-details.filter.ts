import { ArgumentsHost, Catch, ExceptionFilter, HttpException, NotFoundException } from '@nestjs/common';
import { ThrottlerException } from '@nestjs/throttler';
import { DomainError, type ErrorCode } from '@registry/domain';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { PinoLogger } from 'nestjs-pino';
import { prefersJapanese } from './languages';
import { japaneseDetail, TITLE_JA } from './problem-japanese';
import { STATUS_OF, TITLE_OF } from './problem-status';
import { NotFoundPage } from '../web/http/not-found-page';

export const PROBLEM_JSON = 'application/problem+json';

export interface Problem {
  status: number;
  code: ErrorCode;
  detail: string;
  extra?: Record<string, unknown>;
}

/**
 * The one exception filter: every error, from a use case, a guard, the body parser or the
 * router, leaves as RFC 9457 problem details with a stable `code`. No stack, no SQL.
 */
@Catch()
export class ProblemDetailsFilter implements ExceptionFilter {
  constructor(
    private readonly logger: PinoLogger,
    private readonly notFoundPage: NotFoundPage,
  ) {
    logger.setContext('ProblemDetails');
  }

  catch(exception: unknown, host: ArgumentsHost): void {
    const http = host.switchToHttp();
    const request = http.getRequest<FastifyRequest>();
    const response = http.getResponse<FastifyReply>();
    const problem = this.toProblem(exception);
    if (problem.status >= 500) {
      this.logger.error({ err: exception, requestId: request.id }, 'unhandled error');
    }
    if (response.sent || response.raw.headersSent) return;
    // An address no route takes (the router's NotFoundException), asked by a browser outside the API: the web's 404 page.
    if (exception instanceof NotFoundException && this.notFoundPage.wanted(request)) return this.notFoundPage.send(request, response);
    // Refused before a web controller ran (body parser, rate limit), asked by a browser outside the API: an HTML page.
    if (problem.status < 500 && problem.status !== 404 && this.notFoundPage.wantedForError(request)) {
      return this.notFoundPage.sendError(request, response, problem.status, problem.detail);
    }
    sendProblem(request, response, problem);
  }

  private toProblem(exception: unknown): Problem {
    if (exception instanceof DomainError) {
      const status = exception.options.invalidInput ? 400 : STATUS_OF[exception.code];
      return { status, code: exception.code, detail: exception.message, extra: exception.details };
    }
    if (exception instanceof ThrottlerException) {
      return { status: 429, code: 'RATE_LIMITED', detail: 'too many requests; slow down and retry later' };
    }
    if (exception instanceof HttpException) return fromHttpException(exception);
    // Fastify's own errors (a body over the limit, a URL it cannot decode, ...) carry their status.
    const fastifyError = exception as { code?: string; statusCode?: number };
    if (fastifyError?.statusCode === 413) {
      return { status: 413, code: 'PAYLOAD_TOO_LARGE', detail: 'the request body is larger than the limit' };
    }
    if (typeof fastifyError?.code === 'string' && fastifyError.code.startsWith('FST_') && typeof fastifyError.statusCode === 'number' && fastifyError.statusCode < 500) {
      return invalidBody((exception as Error).message);
    }
    return { status: 500, code: 'INTERNAL', detail: 'an unexpected error occurred; quote the requestId when reporting it' };
  }
}

function fromHttpException(exception: HttpException): Problem {
  const status = exception.getStatus();
  switch (status) {
    case 400: {
      // Nest turns a SyntaxError thrown before the handler into a plain BadRequestException.
      const message = messageOf(exception);
      return invalidBody(/JSON/.test(message) ? `the request body is not valid JSON (${message})` : message);
    }
    case 401:
      return { status, code: 'UNAUTHENTICATED', detail: messageOf(exception) };
    case 403:
      return { status, code: 'FORBIDDEN', detail: messageOf(exception) };
    case 404:
      return { status, code: 'NOT_FOUND', detail: messageOf(exception) };
    case 413:
      return { status, code: 'PAYLOAD_TOO_LARGE', detail: 'the request body is larger than the limit' };
    case 429:
      return { status, code: 'RATE_LIMITED', detail: 'too many requests; slow down and retry later' };
    default:
      return status < 500
        ? { status, code: 'VALIDATION_FAILED', detail: messageOf(exception) }
        : { status: 500, code: 'INTERNAL', detail: 'an unexpected error occurred' };
  }
}

/** Invalid JSON, a null body and the like: VALIDATION_FAILED with the body as the field. */
function invalidBody(detail: string): Problem {
  return { status: 400, code: 'VALIDATION_FAILED', detail, extra: { errors: [{ field: 'body', message: detail }] } };
}

function messageOf(exception: HttpException): string {
  const body = exception.getResponse();
  if (typeof body === 'string') return body;
  const message = (body as { message?: unknown }).message;
  return Array.isArray(message) ? message.join('; ') : String(message ?? exception.message);
}

/** Writes a problem as application/problem+json, in Japanese when Accept-Language prefers it. */
export function sendProblem(request: FastifyRequest, response: FastifyReply, problem: Problem): void {
  // Accept-Language: ja gives Japanese words; the code, the fields and the English detail's facts stay.
  const japanese = prefersJapanese(request.headers);
  response
    .header('vary', 'Accept-Language')
    .status(problem.status)
    .type(PROBLEM_JSON)
    .send(
      // The members RFC 9457 and API.md define come last: a code's extra fields never replace them.
      JSON.stringify({
        ...problem.extra,
        type: `/problems/${problem.code.toLowerCase().replace(/_/g, '-')}`,
        title: (japanese ? TITLE_JA : TITLE_OF)[problem.status] ?? (japanese ? 'エラー' : 'Error'),
        status: problem.status,
        detail: japanese ? japaneseDetail(problem.code, problem.extra) : problem.detail,
        ...(japanese ? { detailEn: problem.detail } : {}),
        code: problem.code,
        instance: request.url.split('?')[0],
        requestId: request.id,
      }),
    );
}
