import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import helmet from 'helmet';
import { randomUUID } from 'node:crypto';
import type { IncomingMessage } from 'node:http';
import { PinoLogger } from 'nestjs-pino';
import { sendProblem } from './problem-details.filter';

const CLIENT_ID = /^[A-Za-z0-9._:-]{8,128}$/;
const UNLOGGED = ['/health/', '/metrics'];

/** A client's X-Request-Id when it is well-formed (it joins their traces to ours), else a new one. */
export function requestIdOf(req: IncomingMessage): string {
  const offered = req.headers['x-request-id'];
  return typeof offered === 'string' && CLIENT_ID.test(offered) ? offered : randomUUID();
}

/**
 * Helmet's headers, computed once: they depend on nothing in the request, and setting a constant
 * object is a fraction of running the middleware (a dozen validated setHeader calls) per request.
 */
export function helmetHeaders(): Record<string, string> {
  const headers: Record<string, string> = {};
  const res = { setHeader: (name: string, value: string) => void (headers[name.toLowerCase()] = String(value)), removeHeader: () => undefined };
  helmet()({} as never, res as never, () => undefined);
  return headers;
}

/** The security headers every answer carries (the request log leaves them out: log-redaction.ts). */
export const SECURITY_HEADERS: Readonly<Record<string, string>> = helmetHeaders();

/**
 * What Fastify refuses before any hook runs (a path that is not valid percent-encoded UTF-8):
 * answered like every other error, with the request id and the security headers.
 */
export function answerFrameworkError(error: Error, request: FastifyRequest, reply: FastifyReply): void {
  stampHeaders(request, reply);
  const message = /BAD_URL/.test((error as { code?: string }).code ?? '') ? 'the URL path is not valid percent-encoded UTF-8' : error.message;
  sendProblem(request, reply, { status: 400, code: 'VALIDATION_FAILED', detail: message, extra: { errors: [{ field: 'path', message }] } });
}

function stampHeaders(request: FastifyRequest, reply: FastifyReply): void {
  reply.headers(SECURITY_HEADERS);
  reply.header('x-request-id', request.id);
}

/**
 * Every answer, 401s, 413s and 404s included, carries the request id and the security headers, and
 * is written to the request log when its level is on. The log line is built only then: a request
 * the log does not show costs one level check (no child logger, no serialising, no async context).
 */
export function installRequestHooks(fastify: FastifyInstance): void {
  fastify.addHook('onRequest', (request, reply, done) => {
    stampHeaders(request, reply);
    done();
  });
  fastify.addHook('onResponse', (request, reply, done) => {
    logRequest(request, reply);
    done();
  });
}

function logRequest(request: FastifyRequest, reply: FastifyReply): void {
  const status = reply.statusCode;
  const level = status >= 500 ? 'error' : status >= 400 ? 'warn' : 'info';
  const logger = PinoLogger.root;
  if (!logger?.isLevelEnabled(level) || UNLOGGED.some((prefix) => request.url.startsWith(prefix))) return;
  // The logger's req/res serializers (pino-http's, wrapped around the registry's redaction) read these;
  // Fastify writes its headers in one writeHead, so they are read from the reply, not the raw response.
  const res = { statusCode: status, headersSent: true, getHeaders: () => reply.getHeaders() };
  logger[level]({ req: request, res, responseTime: Math.round(reply.elapsedTime) }, status >= 500 ? 'request errored' : 'request completed');
}
