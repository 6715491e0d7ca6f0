import { SCHEME_CODES } from '@registry/domain';
import fc from 'fast-check';
import { csvBody, jsonBodyFor, nastyString, oneMemberMutated, SAMPLE_SERIALS, toJsonText, type KnownIds } from './fuzz-values';
import { fillPath, jsonBodySchemaOf, minimalValue, parametersOf, pathParameterNames, type OpenApiDocument, type RouteOperation } from './openapi';
import type { RawRequest } from './raw-http';

/*
 * Whole requests for one route, in three facets: the body (with a valid key), the query string and
 * path (with a valid key and body), and the headers (Authorization, Content-Type, Idempotency-Key…).
 * Each request remembers what it meant (the query names it sent) for the properties to judge it.
 */

export interface FuzzRoute extends RouteOperation {
  /** Query parameters the route reads, from the document (or declared by the test for routes it leaves out). */
  queryNames: string[];
  /** Routes that answer HTML pages to people (their 4xx may be HTML rather than problem+json). */
  html?: boolean;
}

export interface FuzzContext {
  doc: OpenApiDocument;
  ids: KnownIds;
  /** Authorization header values of valid keys: the all-roles organisation's, the admin's, then the others. */
  validAuthorizations: string[];
  /** Bodies a route accepts (201/200) when sent as they are, to mutate one member at a time. */
  validBodies: Record<string, unknown>;
}

export interface FuzzRequest extends RawRequest {
  /** Query parameter names as sent (decoded), in order. */
  queryNames: string[];
  [fc.toStringMethod]?: () => string;
}

export function fuzzRoutesOf(routes: RouteOperation[], extra: FuzzRoute[]): FuzzRoute[] {
  return [...routes.map((r) => ({ ...r, queryNames: parametersOf(r.operation, 'query').map((p) => p.name) })), ...extra];
}

export function takesBody(ctx: FuzzContext, route: FuzzRoute): boolean {
  return route.operation.requestBody !== undefined && jsonBodySchemaOf(ctx.doc, route.operation) !== undefined;
}

function takesCsv(route: FuzzRoute): boolean {
  return route.operation.requestBody?.content['text/csv'] !== undefined;
}

/** encodeURIComponent, except that a lone surrogate becomes its (invalid) 3-byte UTF-8 form instead of throwing. */
export function encodeComponent(value: string): string {
  let out = '';
  for (let i = 0; i < value.length; i++) {
    const unit = value.charCodeAt(i);
    const next = value.charCodeAt(i + 1);
    if (unit >= 0xd800 && unit <= 0xdbff && next >= 0xdc00 && next <= 0xdfff) {
      out += encodeURIComponent(value[i] + value[i + 1]);
      i++;
    } else if (unit >= 0xd800 && unit <= 0xdfff) {
      out += [0xe0 | (unit >> 12), 0x80 | ((unit >> 6) & 0x3f), 0x80 | (unit & 0x3f)].map((b) => `%${b.toString(16).toUpperCase()}`).join('');
    } else {
      out += encodeURIComponent(value[i]);
    }
  }
  return out;
}

type Encoding = 'standard' | 'plus' | 'raw' | 'broken' | 'double';

/**
 * Odd encodings of one query value. `raw` leaves printable ASCII unescaped (", <, {, |, \…: not
 * allowed by RFC 3986, taken by Node); bytes outside ASCII always go percent-encoded, because
 * Node's HTTP parser answers a raw one itself (a bare 400) before the app sees the request.
 */
function encodeValue(value: string, encoding: Encoding): string {
  switch (encoding) {
    case 'standard':
      return encodeComponent(value);
    case 'plus':
      return encodeComponent(value).replace(/%20/g, '+');
    case 'raw':
      return [...value].map((c) => (/^[\x21-\x7e]$/.test(c) && !/[&=#%+?]/.test(c) ? c : encodeComponent(c))).join('');
    case 'broken':
      return `${encodeComponent(value)}%${value.length % 2 ? 'zz' : ''}`;
    case 'double':
      return encodeComponent(encodeComponent(value));
  }
}

const encodings = fc.constantFrom<Encoding>('standard', 'plus', 'raw', 'broken', 'double');

/** Strings for URLs, kept short: a request line over the server's 16 KiB header limit never reaches the app. */
const urlString = nastyString().map((s) => s.slice(0, 200));

function queryValueFor(name: string, ids: KnownIds): fc.Arbitrary<string> {
  switch (name) {
    case 'serial':
      return fc.oneof(fc.constantFrom(...SAMPLE_SERIALS), urlString);
    case 'scheme':
      return fc.oneof(fc.constantFrom(...SCHEME_CODES), urlString);
    case 'limit':
    case 'after':
      return fc.oneof(fc.integer({ min: -5, max: 1_200 }).map(String), fc.constantFrom('', '1e3', '0x10', ' 5', '5.0', '１０', 'NaN', '9'.repeat(30)), urlString);
    case 'format':
      return fc.oneof(fc.constantFrom('csv', 'json', 'xml', 'CSV', ''), urlString);
    case 'lang':
      return fc.oneof(fc.constantFrom('ja', 'en', 'fr', 'EN', ''), urlString);
    case 'number':
      return fc.oneof(fc.constantFrom(...ids.certificates), urlString);
    default:
      return urlString;
  }
}

const UNKNOWN_NAMES = ['foo', 'beneficary', 'filter', 'sort', 'api_key', 'page', 'offset', 'q', '_', 'utm_source', '__proto__', 'constructor', 'toString'];

function queryArb(route: FuzzRoute, ids: KnownIds): fc.Arbitrary<{ query: string; names: string[] }> {
  const declared = route.queryNames;
  const unknownName = fc.oneof(fc.constantFrom(...UNKNOWN_NAMES), fc.stringMatching(/^[a-z][a-zA-Z0-9_]{0,9}$/)).filter((n) => !declared.includes(n));
  const declaredPair = declared.length ? fc.constantFrom(...declared).chain((name) => queryValueFor(name, ids).map((value) => [name, value] as const)) : undefined;
  const unknownPair = fc.tuple(unknownName, urlString);
  const bracketPair = declared.length
    ? fc.tuple(fc.constantFrom(...declared), fc.constantFrom('[]', '[x]', '[__proto__]', '[0]', '.x'), urlString).map(([n, b, v]) => [n + b, v] as const)
    : unknownPair;
  const pair = fc.tuple(
    fc.oneof({ weight: declaredPair ? 5 : 0, arbitrary: declaredPair ?? unknownPair }, { weight: 2, arbitrary: unknownPair }, { weight: 1, arbitrary: bracketPair }),
    encodings,
  );
  return fc
    .record({
      pairs: fc.array(pair, { maxLength: 5 }),
      repeatFirst: fc.boolean(),
      tail: fc.constantFrom('', '', '', '&', '&&', '=', '=x', '&flag', ';a=1', '#frag'),
    })
    .map(({ pairs, repeatFirst, tail }) => {
      const all = repeatFirst && pairs.length ? [...pairs, pairs[0]] : pairs;
      const parts = all.map(([[name, value], encoding]) => `${encodeComponent(name)}=${encodeValue(value, encoding)}`);
      const query = parts.join('&') + tail;
      const names = all.map(([[name]]) => name);
      if (tail === '&flag') names.push('flag');
      if (tail === ';a=1' && parts.length === 0) names.push(';a');
      return { query, names };
    });
}

/** Values for a path parameter: ids the ledger knows (mostly), given the segment before it. */
function knownPathValue(path: string, name: string, ids: KnownIds): fc.Arbitrary<string> {
  const before = path.split(`/{${name}}`)[0].split('/').pop();
  const pool: Record<string, string[]> = {
    claims: ids.claims,
    retirements: ids.retirements,
    organizations: ids.organizations,
    'api-keys': ids.apiKeys,
    certificates: [...ids.certificates, ...ids.certificates.map((n) => `${n}.pdf`), 'RC-2026-999999.pdf'],
    verify: ids.certificates,
  };
  const known = pool[before ?? ''];
  return known?.length ? fc.oneof({ weight: 4, arbitrary: fc.constantFrom(...known) }, { weight: 1, arbitrary: fc.uuid() }) : fc.uuid();
}

function pathArb(route: FuzzRoute, ids: KnownIds, fuzzed: boolean): fc.Arbitrary<string> {
  const names = pathParameterNames(route.path);
  const valueArb = (name: string) =>
    fuzzed
      ? fc.oneof(
          { weight: 3, arbitrary: knownPathValue(route.path, name, ids).map(encodeComponent) },
          { weight: 2, arbitrary: urlString.map(encodeComponent) },
          { weight: 1, arbitrary: fc.constantFrom('..', '.', '%2F', '%2e%2e', '%00', '%', '%zz', '%C0%AF', 'a%2Fb', '*', '$', "'") },
        )
      : knownPathValue(route.path, name, ids).map(encodeComponent);
  return fc.tuple(...names.map(valueArb)).map((values) => fillPath(route.path, (name) => values[names.indexOf(name)]));
}

/** Mostly the all-roles organisation (passes every organisation route) and the admin (the admin routes). */
function callerArb(ctx: FuzzContext): fc.Arbitrary<string | undefined> {
  const [allRoles, admin, ...others] = ctx.validAuthorizations;
  return fc.oneof(
    { weight: 5, arbitrary: fc.constant(allRoles) },
    { weight: 3, arbitrary: fc.constant(admin) },
    { weight: 2, arbitrary: fc.constantFrom(...others) },
    { weight: 1, arbitrary: fc.constant(undefined) },
  );
}

const headerChar = fc.integer({ min: 0x20, max: 0xff }).filter((c) => c !== 0x7f).map((c) => String.fromCharCode(c));
const headerString = fc.string({ unit: headerChar, maxLength: 40 });

const contentTypes = fc.oneof(
  fc.constantFrom(
    'application/json',
    'application/json; charset=utf-8',
    'application/json; charset=utf-16',
    'application/json; charset=latin1',
    'application/json; charset=shift_jis',
    'APPLICATION/JSON',
    'application/merge-patch+json',
    'application/problem+json',
    'application/*',
    'text/plain',
    'text/csv',
    'text/csv; charset=shift_jis',
    'application/x-www-form-urlencoded',
    'multipart/form-data; boundary=x',
    'application/xml',
    '',
    ';',
    'json',
  ),
  headerString,
);

const idempotencyKeys = fc.oneof(fc.constantFrom('fuzz-key-1', 'fuzz-key-2', 'fuzz-key-3', '', ' ', 'x'.repeat(201), 'a b', 'clé'), headerString);

function junkAuthorization(validKey: string): fc.Arbitrary<string> {
  return fc.oneof(
    fc.constantFrom(
      'Bearer',
      'Bearer ',
      'Basic dXNlcjpwYXNz',
      'Digest x',
      `bearer ${validKey}`,
      `Bearer ${validKey} `,
      `Bearer\t${validKey}`,
      `Bearer ${validKey}x`,
      `Bearer ${validKey.slice(0, -1)}`,
      `Bearer ${validKey} ${validKey}`,
      `Bearer ${validKey},Bearer x`,
      `Token ${validKey}`,
      `Bearer "${validKey}"`,
      `Bearer ork_0123456789abcdef_${'A'.repeat(43)}`,
      'Bearer ork__',
      `Bearer ${'A'.repeat(8_000)}`,
    ),
    headerString.map((s) => `Bearer ${s}`),
    headerString,
  );
}

function finish(req: RawRequest, queryNames: string[] = []): FuzzRequest {
  return { ...req, queryNames, [fc.toStringMethod]: () => describeRequest(req) };
}

/** One line per part, bodies cut short: how a counterexample is printed. */
export function describeRequest(req: RawRequest): string {
  const body = req.body === undefined ? '' : String(req.body);
  const shown = body.length > 300 ? `${JSON.stringify(body.slice(0, 300))}… (${body.length} chars)` : JSON.stringify(body);
  const headers = Object.entries(req.headers).map(([k, v]) => `${k}: ${JSON.stringify(v.length > 120 ? `${v.slice(0, 120)}…(${v.length})` : v)}`);
  return `${req.method} ${req.path.length > 400 ? `${req.path.slice(0, 400)}…` : req.path}\n    ${headers.join('\n    ')}${req.body === undefined ? '' : `\n    body: ${shown}`}`;
}

function minimalJsonBody(ctx: FuzzContext, route: FuzzRoute): string | undefined {
  const schema = jsonBodySchemaOf(ctx.doc, route.operation);
  return schema ? toJsonText(minimalValue(ctx.doc, schema)) : undefined;
}

export function bodyFacet(ctx: FuzzContext, route: FuzzRoute): fc.Arbitrary<FuzzRequest> {
  const schema = jsonBodySchemaOf(ctx.doc, route.operation);
  const valid = ctx.validBodies[route.key] ?? minimalValue(ctx.doc, schema);
  const json = fc
    .oneof({ weight: 1, arbitrary: jsonBodyFor(ctx.doc, schema, ctx.ids) }, { weight: 1, arbitrary: oneMemberMutated(valid, ctx.ids).map(toJsonText) })
    .map((body) => ({ body, contentType: 'application/json' }));
  const csv = csvBody.map((body) => ({ body, contentType: 'text/csv' }));
  return fc
    .record({
      authorization: callerArb(ctx),
      path: pathArb(route, ctx.ids, false),
      payload: takesCsv(route) ? fc.oneof({ weight: 3, arbitrary: json }, { weight: 1, arbitrary: csv }) : json,
      idempotencyKey: fc.option(fc.constantFrom('fuzz-key-1', 'fuzz-key-2'), { freq: 4, nil: undefined }),
    })
    .map(({ authorization, path, payload, idempotencyKey }) =>
      finish({
        method: route.method,
        path,
        headers: {
          'content-type': payload.contentType,
          ...(authorization ? { authorization } : {}),
          ...(idempotencyKey ? { 'idempotency-key': idempotencyKey } : {}),
        },
        body: payload.body,
      }),
    );
}

export function queryFacet(ctx: FuzzContext, route: FuzzRoute): fc.Arbitrary<FuzzRequest> {
  const body = minimalJsonBody(ctx, route);
  return fc
    .record({ authorization: callerArb(ctx), path: pathArb(route, ctx.ids, true), query: queryArb(route, ctx.ids) })
    .map(({ authorization, path, query }) =>
      finish(
        {
          method: route.method,
          path: query.query ? `${path}?${query.query}` : path,
          headers: { ...(authorization ? { authorization } : {}), ...(body ? { 'content-type': 'application/json' } : {}) },
          body,
        },
        query.names,
      ),
    );
}

export function headersFacet(ctx: FuzzContext, route: FuzzRoute): fc.Arbitrary<FuzzRequest> {
  const validKey = ctx.validAuthorizations[0].replace(/^Bearer /, '');
  const schema = jsonBodySchemaOf(ctx.doc, route.operation);
  const minimal = minimalJsonBody(ctx, route);
  const bodies = fc.oneof(
    { weight: minimal ? 4 : 0, arbitrary: fc.constant(minimal ?? '{}') },
    { weight: 2, arbitrary: jsonBodyFor(ctx.doc, schema, ctx.ids) },
    { weight: 1, arbitrary: csvBody },
    { weight: minimal ? 0 : 3, arbitrary: fc.constant(undefined) },
  );
  return fc
    .record({
      authorization: fc.oneof({ weight: 3, arbitrary: callerArb(ctx) }, { weight: 2, arbitrary: junkAuthorization(validKey) }),
      path: pathArb(route, ctx.ids, false),
      body: bodies,
      contentType: fc.option(contentTypes, { freq: 6, nil: undefined }),
      contentEncoding: fc.option(fc.constantFrom('gzip', 'deflate', 'br', 'identity', 'x-junk', 'gzip, gzip'), { freq: 6, nil: undefined }),
      idempotencyKey: fc.option(idempotencyKeys, { freq: 2, nil: undefined }),
      accept: fc.option(fc.oneof(fc.constantFrom('text/csv', 'application/xml', '*/*', 'text/html', 'application/problem+json'), headerString), { freq: 3, nil: undefined }),
      acceptLanguage: fc.option(headerString, { freq: 4, nil: undefined }),
      requestId: fc.option(fc.oneof(fc.constantFrom('client-trace-0001', 'a'.repeat(129), 'x'), headerString), { freq: 4, nil: undefined }),
      forwardedFor: fc.option(fc.oneof(fc.constantFrom('1.2.3.4', '::1', '127.0.0.1, 10.0.0.1', 'unknown'), headerString), { freq: 5, nil: undefined }),
    })
    .map((h) =>
      finish({
        method: route.method,
        path: h.path,
        headers: Object.fromEntries(
          Object.entries({
            authorization: h.authorization,
            'content-type': h.contentType ?? (h.body === undefined ? undefined : 'application/json'),
            'content-encoding': h.contentEncoding,
            'idempotency-key': h.idempotencyKey,
            accept: h.accept,
            'accept-language': h.acceptLanguage,
            'x-request-id': h.requestId,
            'x-forwarded-for': h.forwardedFor,
          }).filter((e): e is [string, string] => e[1] !== undefined),
        ),
        body: h.body,
      }),
    );
}
