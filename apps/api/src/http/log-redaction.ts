import { API_KEY_LOOKALIKE } from '@registry/auth';

/**
 * What request and response logs may show. Credentials are replaced wherever a client might put
 * them: credential-looking headers (Authorization, Cookie, X-Api-Key, anything naming a key,
 * token, secret, auth, password or session), credential-looking query parameters (api_key, key,
 * token, access_token, ...) in the URL, the parsed query and URLs inside other headers (Referer),
 * and anything shaped like an organisation key or equal to the configured admin key.
 */
export const REDACTED = '[REDACTED]';

const SENSITIVE_NAME = /key|token|secret|auth|passw|pwd|session|cookie|credential|signature/i;

export function isSensitiveName(name: string): boolean {
  return SENSITIVE_NAME.test(name);
}

/** Header names seen so far and whether they name a credential (clients choose names: bounded). */
const SENSITIVE_HEADERS = new Map<string, boolean>();
const MAX_REMEMBERED_HEADERS = 1024;

function isSensitiveHeader(name: string): boolean {
  let sensitive = SENSITIVE_HEADERS.get(name);
  if (sensitive === undefined) {
    sensitive = isSensitiveName(name) || name.toLowerCase() === 'proxy-authorization';
    if (SENSITIVE_HEADERS.size < MAX_REMEMBERED_HEADERS) SENSITIVE_HEADERS.set(name, sensitive);
  }
  return sensitive;
}

export interface LogRedactor {
  url(url: string): string;
  /** `leaveOut`: headers left out of the copy when they have exactly this value. */
  headers(headers: Record<string, unknown> | undefined, leaveOut?: Readonly<Record<string, string>>): Record<string, unknown> | undefined;
  query(query: unknown): unknown;
}

/** `knownSecrets`: literal values never to log wherever they appear (the admin key). */
export function createLogRedactor(knownSecrets: string[] = []): LogRedactor {
  const secrets = knownSecrets.filter((s) => s.length >= 8);
  // Most text holds no credential: looking for one is cheaper than replacing nothing.
  const scrub = (text: string): string => {
    let out = text.includes('ork_') ? text.replace(API_KEY_LOOKALIKE, REDACTED) : text;
    for (const secret of secrets) if (out.includes(secret)) out = out.split(secret).join(REDACTED);
    return out;
  };

  const url = (value: string): string => {
    const mark = value.indexOf('?');
    if (mark < 0) return scrub(value);
    const params = value
      .slice(mark + 1)
      .split('&')
      .map((part) => {
        const eq = part.indexOf('=');
        const name = eq < 0 ? part : part.slice(0, eq);
        return isSensitiveName(decodeLoosely(name)) ? `${name}=${REDACTED}` : part;
      });
    return scrub(`${value.slice(0, mark)}?${params.join('&')}`);
  };

  const headers = (input: Record<string, unknown> | undefined, leaveOut?: Readonly<Record<string, string>>): Record<string, unknown> | undefined => {
    if (!input || typeof input !== 'object') return input;
    const copy: Record<string, unknown> = {};
    for (const name of Object.keys(input)) {
      const value = input[name];
      if (leaveOut !== undefined && Object.hasOwn(leaveOut, name) && leaveOut[name] === value) continue;
      copy[name] = isSensitiveHeader(name) ? REDACTED : mapStrings(value, url);
    }
    return copy;
  };

  const query = (input: unknown): unknown => {
    if (!input || typeof input !== 'object') return typeof input === 'string' ? scrub(input) : input;
    return Object.fromEntries(
      Object.entries(input as Record<string, unknown>).map(([name, value]) => [
        name,
        isSensitiveName(name) ? REDACTED : mapStrings(value, scrub),
      ]),
    );
  };

  return { url, headers, query };
}

interface SerializedRequest {
  url?: string;
  query?: unknown;
  headers?: Record<string, unknown>;
  [field: string]: unknown;
}

/**
 * pino-http serializers (they receive pino's standard request/response objects).
 * `sameOnEveryAnswer`: response headers every answer carries with the same value (the security
 * headers): left out of each line, where they would be half of it and say nothing.
 */
export function redactingSerializers(redactor: LogRedactor, sameOnEveryAnswer: Readonly<Record<string, string>> = {}) {
  return {
    req: (req: SerializedRequest) => ({
      id: req.id,
      method: req.method,
      url: typeof req.url === 'string' ? redactor.url(req.url) : req.url,
      query: redactor.query(req.query),
      params: redactor.query(req.params),
      headers: redactor.headers(req.headers),
      remoteAddress: req.remoteAddress,
      remotePort: req.remotePort,
    }),
    res: (res: { statusCode?: number; headers?: Record<string, unknown> }) => ({
      statusCode: res.statusCode,
      headers: redactor.headers(res.headers, sameOnEveryAnswer),
    }),
  };
}

function mapStrings(value: unknown, map: (text: string) => string): unknown {
  if (typeof value === 'string') return map(value);
  if (Array.isArray(value)) return value.map((item) => mapStrings(item, map));
  if (value && typeof value === 'object') {
    return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, isSensitiveName(k) ? REDACTED : mapStrings(v, map)]));
  }
  return value;
}

function decodeLoosely(text: string): string {
  try {
    return decodeURIComponent(text.replace(/\+/g, ' '));
  } catch {
    return text;
  }
}
