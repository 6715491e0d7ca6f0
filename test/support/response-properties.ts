import { ERROR_CODES } from '@registry/domain';
import { FORBIDDEN_TEXT, jsonDepth } from './fuzz-values';
import type { FuzzRequest, FuzzRoute } from './fuzz-requests';
import type { RawResponse } from './raw-http';

/*
 * What every answer must be, whatever was asked (API.md "Conventions"): never a 5xx; every 4xx a
 * problem+json with a stable code; never a stack trace or SQL; always an X-Request-Id; free text
 * with refused characters, JSON nested deeper than 64 levels, a repeated query parameter or an
 * unknown one on a list never silently taken.
 */

/** Fields API.md calls free text (they end up on certificates, pages or exports). */
const FREE_TEXT_FIELDS = new Set(['beneficiary', 'purpose', 'reason', 'name', 'reference', 'boundary', 'calculationMethod', 'reductionMeasures', 'labelUse']);

const LEAKS: { what: string; pattern: RegExp }[] = [
  { what: 'a stack frame', pattern: /\bat [^\s()]+ \((?:\/|node:|file:)[^)]*:\d+:\d+\)|\bat (?:\/|node:)\S+:\d+:\d+/ },
  { what: 'a source path', pattern: /node_modules\/|\/(?:apps|libs)\/[\w-]+\/src\// },
  { what: 'a driver or JS error name', pattern: /\b(?:QueryFailedError|SqliteError|SQLITE_[A-Z_]+|TypeORMError|TypeError|RangeError|ReferenceError)\b/ },
  {
    what: 'SQL',
    pattern: /\bSELECT\s[\s\S]{0,200}?\bFROM\b|\bINSERT INTO\b|\bUPDATE\s+\w+\s+SET\b|\bDELETE FROM\b|syntax error at or near|violates (?:unique|exclusion|check|foreign key|not-null) constraint|duplicate key value/,
  },
];

const ERROR_CODE_SET = new Set<string>(ERROR_CODES);

export interface Violation {
  /** What kind of promise broke (one fuzz run reports each kind once). */
  kind: string;
  message: string;
}

export function violationsOf(route: FuzzRoute, req: FuzzRequest, res: RawResponse): Violation[] {
  const out: Violation[] = [];
  const add = (kind: string, message: string) => out.push({ kind, message });
  const type = String(res.headers['content-type'] ?? '');
  const requestId = res.headers['x-request-id'];

  if (res.status >= 500) add('5xx', `answered ${res.status}`);
  if (typeof requestId !== 'string' || requestId === '') add('no X-Request-Id', 'no X-Request-Id header');

  if (res.status >= 400 && res.status < 500 && !(route.html && type.startsWith('text/html'))) {
    if (!type.startsWith('application/problem+json')) add('not problem+json', `a ${res.status} with Content-Type "${type}", not application/problem+json`);
    const problem = parseObject(res.text);
    if (!problem) add('not problem+json', `a ${res.status} whose body is not a JSON object`);
    else {
      if (!ERROR_CODE_SET.has(String(problem.code))) add('unknown code', `problem code ${JSON.stringify(problem.code)} is not one of ERROR_CODES`);
      if (problem.status !== res.status) add('problem status', `problem "status" is ${JSON.stringify(problem.status)}, the response status ${res.status}`);
      for (const member of ['type', 'title', 'detail']) if (typeof problem[member] !== 'string') add('problem members', `problem "${member}" is not a string`);
      if (problem.requestId !== requestId) add('problem requestId', 'problem "requestId" differs from the X-Request-Id header');
    }
  }

  const sent = `${safeDecode(req.path)} ${req.body ?? ''}`;
  for (const { what, pattern } of LEAKS) {
    const found = pattern.exec(res.text)?.[0];
    if (found && !sent.includes(found)) add(`leak: ${what}`, `the body shows ${what}: ${JSON.stringify(found.slice(0, 120))}`);
  }

  if (res.status < 400) {
    const refused = refusedFreeText(req);
    if (refused.length) add('free text accepted', `accepted (${res.status}) free text with control, bidi or lone-surrogate characters in ${refused.join(', ')}`);
    // A GET or HEAD body is never read (Fastify does not parse one), so nothing in it is accepted.
    if (isJson(req) && !['GET', 'HEAD'].includes(req.method) && jsonDepth(String(req.body)) > 64) add('deep JSON accepted', `accepted (${res.status}) a body nested ${jsonDepth(String(req.body))} levels deep`);
    const repeated = route.queryNames.filter((name) => req.queryNames.filter((n) => n === name).length > 1);
    if (repeated.length) add('repeated parameter accepted', `accepted (${res.status}) the query parameter ${repeated.join(', ')} given more than once`);
    if (isList(route)) {
      const unknown = [...new Set(req.queryNames.filter((n) => !route.queryNames.includes(n)))];
      if (unknown.length) add('unknown parameter ignored', `a list endpoint ignored the unknown query parameter(s) ${unknown.map((n) => JSON.stringify(n)).join(', ')} (${res.status})`);
    }
  }
  return out;
}

/** API.md: unknown query parameters on list endpoints are 400 (a list reads `cursor`/`limit`). */
function isList(route: FuzzRoute): boolean {
  return route.method === 'GET' && (route.queryNames.includes('cursor') || route.queryNames.includes('limit'));
}

/**
 * Whether the app parses this body as JSON: its JSON parser takes the media type application/json
 * only (any parameters aside). A body sent as `json` or `text/json` is never read, so a route that
 * takes no body may rightly answer 200 whatever it holds.
 */
function isJson(req: FuzzRequest): boolean {
  const mediaType = String(req.headers['content-type'] ?? '').split(';')[0]!.trim().toLowerCase();
  return req.body !== undefined && mediaType === 'application/json';
}

function refusedFreeText(req: FuzzRequest): string[] {
  if (!isJson(req)) return [];
  const body = parseJson(String(req.body));
  const fields: string[] = [];
  // Free text sits a few levels down at most; the fuzz also sends JSON nested thousands deep.
  const walk = (value: unknown, path: string, key: string, depth: number) => {
    if (depth > 16) return;
    if (typeof value === 'string' && FREE_TEXT_FIELDS.has(key) && FORBIDDEN_TEXT.test(value)) fields.push(path);
    else if (Array.isArray(value)) value.forEach((v, i) => walk(v, `${path}[${i}]`, key, depth + 1));
    else if (value && typeof value === 'object') for (const [k, v] of Object.entries(value)) walk(v, path ? `${path}.${k}` : k, k, depth + 1);
  };
  walk(body, '', '', 0);
  return fields;
}

function parseJson(text: string): unknown {
  try {
    return JSON.parse(text);
  } catch {
    return undefined;
  }
}

function parseObject(text: string): Record<string, unknown> | undefined {
  const value = parseJson(text);
  return value && typeof value === 'object' && !Array.isArray(value) ? (value as Record<string, unknown>) : undefined;
}

function safeDecode(path: string): string {
  try {
    return decodeURIComponent(path);
  } catch {
    return path;
  }
}
