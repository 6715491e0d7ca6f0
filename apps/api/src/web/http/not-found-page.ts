import { Injectable } from '@nestjs/common';
import type { FastifyReply, FastifyRequest } from 'fastify';
import Negotiator from 'negotiator';
import { ErrorPage } from '../views/error';
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
    const path = request.url;
    if (path === '/v1' || API_PREFIXES.some((prefix) => path.startsWith(prefix))) return false;
    return new Negotiator(request).mediaType(['application/json', 'application/problem+json', 'text/html']) === 'text/html';
  }

  send(request: FastifyRequest, reply: FastifyReply): void {
    const page = pageContextOf(request);
    this.pages.send(reply, ErrorPage({ page, title: page.t.errors.notFoundTitle, message: page.t.errors.notFoundBody }), 404);
  }
}
