import { Injectable } from '@nestjs/common';
import type { FastifyReply, FastifyRequest } from 'fastify';
import Negotiator from 'negotiator';
import { ErrorPage } from '../views/error';
import { errorWords } from './web-page.filter';
import { pageContextOf } from './page-context';
import { PageResponder } from './page-responder';

/** The API's own namespaces: an address there that no route takes stays a problem+json 404. */
const API_PREFIXES = ['/v1/', '/v1?', '/health', '/metrics', '/docs'];

/**
 * An address no route takes, asked by a browser (Accept prefers HTML) outside the API's namespaces,
 * gets the web's 404 page; every other client keeps the API's problem+json (ProblemDetailsFilter).
 */
@Injectable()
export class NotFoundPage {
  constructor(private readonly pages: PageResponder) {}

  wanted(request: FastifyRequest): boolean {
    if (request.method !== 'GET' && request.method !== 'HEAD') return false;
    return this.wantedForError(request);
  }

  send(request: FastifyRequest, reply: FastifyReply): void {
    const page = pageContextOf(request);
    this.pages.send(reply, ErrorPage({ page, title: page.t.errors.notFoundTitle, message: page.t.errors.notFoundBody }), 404);
  }

  /**
   * A refusal before any web controller ran (a form body over the limit or not UTF-8, a rate limit),
   * for a browser outside the API's namespaces: the web's error page with the same status.
   */
  wantedForError(request: FastifyRequest): boolean {
    const path = request.url;
    if (path === '/v1' || API_PREFIXES.some((prefix) => path.startsWith(prefix))) return false;
    return new Negotiator(request).mediaType(['application/json', 'application/problem+json', 'text/html']) === 'text/html';
  }

  sendError(request: FastifyRequest, reply: FastifyReply, status: number, detail: string): void {
    const page = pageContextOf(request);
    this.pages.send(reply, ErrorPage({ page, ...errorWords(status, page.t.errors), detail: status === 400 ? detail : undefined }), status);
  }
}
