import { DomainError } from '@registry/domain';
import type { FastifyInstance, FastifyRequest } from 'fastify';
import { assertKnownCharset } from '@registry/ledger';
import iconv from 'iconv-lite';
import { invalidBody, refuseNonFiniteNumbers, verifyJsonBody } from './json-depth';
import { isStreamedUpload } from '../imports/streamed-uploads';

const JSON_TYPES = ['application/json', 'application/merge-patch+json'];
const CSV = 'text/csv';
const XLSX = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';
const FORM = 'application/x-www-form-urlencoded';

type Done = (error: Error | null, body?: unknown) => void;

/**
 * The request bodies the API reads, and nothing else: strict UTF-8 JSON (objects and arrays only, at
 * most MAX_JSON_DEPTH deep, no number out of a double's range), text/csv in any charset iconv knows,
 * the web pages' forms (application/x-www-form-urlencoded, UTF-8) as a plain object of strings,
 * and on streamed-upload routes the raw stream left unread for the handler. A body of any other type
 * is not read at all (the handler sees no body and says which field it misses), as with Express.
 * multipart/form-data is @fastify/multipart's (registerWebUploads): its parser reads nothing either,
 * so /v1/imports reads the raw stream as before; only the web's upload forms parse one.
 */
export function registerBodyParsers(fastify: FastifyInstance, bodyLimit: number): void {
  fastify.removeAllContentTypeParsers();
  fastify.addContentTypeParser(JSON_TYPES, { parseAs: 'buffer', bodyLimit }, (req, body, done) => parseJson(req, body as Buffer, done));
  // Left unread: a streamed-upload handler reads the body from `req.raw` (a statement can be far
  // larger than BODY_LIMIT_BYTES); anywhere else such a body is not read, as with Express.
  fastify.addContentTypeParser(XLSX, leaveUnread);
  fastify.addContentTypeParser(CSV, (req, payload, done) => {
    if (isStreamedUpload(req.raw)) return leaveUnread(req, payload, done);
    readCsv(req, payload, bodyLimit).then((text) => done(null, text), done);
  });
  // Forms are the web pages' bodies: the API under /v1 takes JSON (and CSV) only, as API.md says.
  fastify.addContentTypeParser(FORM, { parseAs: 'buffer', bodyLimit }, (req, body, done) => (isApiPath(req.url) ? done(null, undefined) : parseForm(req, body as Buffer, done)));
  fastify.addContentTypeParser('*', leaveUnread);
}

/**
 * A form as the browser sends it: names to values, a name given twice to an array of its values
 * (the handler refuses what it expects once). No prototype: `__proto__=x` is a field like any other.
 */
export type FormBody = Record<string, string | string[]>;

function parseForm(req: FastifyRequest, body: Buffer, done: Done): void {
  const charset = charsetOf(req) ?? 'utf-8';
  if (charset !== 'utf-8' && charset !== 'utf8') return done(invalidBody(`a form body must be UTF-8, not ${charset}`));
  const text = body.toString('utf8');
  // Percent-escapes that do not decode to UTF-8 would come out as U+FFFD, silently changing what was typed.
  if (text.includes('\uFFFD') || !decodesAsUtf8(text)) return done(invalidBody('the form body is not valid percent-encoded UTF-8'));
  const form: FormBody = Object.create(null) as FormBody;
  for (const [name, value] of new URLSearchParams(text)) {
    const previous = form[name];
    form[name] = previous === undefined ? value : [...(Array.isArray(previous) ? previous : [previous]), value];
  }
  done(null, form);
}

function decodesAsUtf8(text: string): boolean {
  try {
    decodeURIComponent(text.replace(/\+/g, ' '));
    return true;
  } catch {
    return false;
  }
}

/** Whether the request's body is CSV (the parser has decoded it to a string). */
export function isCsvBody(req: { headers: { 'content-type'?: string } }): boolean {
  return /^text\/csv\s*(;|$)/i.test(req.headers['content-type'] ?? '');
}

function isApiPath(url: string): boolean {
  return url === '/v1' || url.startsWith('/v1/') || url.startsWith('/v1?');
}

function parseJson(req: FastifyRequest, body: Buffer, done: Done): void {
  try {
    verifyJsonBody(body, charsetOf(req) ?? 'utf-8');
    if (body.length === 0) return done(null, {});
    const text = body.toString('utf8');
    const first = /\S/.exec(text);
    // Strict, as body-parser was: a body is an object or an array, never a bare value.
    if (first && first[0] !== '{' && first[0] !== '[') throw invalidBody(`the request body is not valid JSON (a body must be an object or an array, not ${JSON.stringify(text.trim().slice(0, 20))})`);
    done(null, JSON.parse(text, refuseNonFiniteNumbers));
  } catch (error) {
    done(error instanceof SyntaxError ? invalidBody(`the request body is not valid JSON (${error.message})`) : (error as Error));
  }
}

function leaveUnread(_req: FastifyRequest, _payload: unknown, done: Done): void {
  done(null, undefined);
}

async function readCsv(req: FastifyRequest, payload: NodeJS.ReadableStream, bodyLimit: number): Promise<string> {
  const charset = charsetOf(req) ?? 'utf-8';
  assertKnownCharset(charset, 'Content-Type');
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of payload) {
    size += (chunk as Buffer).length;
    if (size > bodyLimit) throw new DomainError('PAYLOAD_TOO_LARGE', 'the request body is larger than the limit', { limit: bodyLimit });
    chunks.push(chunk as Buffer);
  }
  return iconv.decode(Buffer.concat(chunks), charset);
}

function charsetOf(req: FastifyRequest): string | undefined {
  return contentTypeCharset(req.headers['content-type']);
}

/** The `charset` parameter of a Content-Type, lower-cased, if it names one. */
export function contentTypeCharset(contentType: string | undefined): string | undefined {
  const match = /;\s*charset\s*=\s*"?([^";\s]+)"?/i.exec(contentType ?? '');
  return match?.[1].toLowerCase();
}
