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

export interface LogRedactor {
  url(url: string): string;
  headers(headers: Record<string, unknown> | undefined): Record<string, unknown> | undefined;
  query(query: unknown): unknown;
}

/** `knownSecrets`: literal values never to log wherever they appear (the admin key). */
export function createLogRedactor(knownSecrets: string[] = []): LogRedactor {
  const secrets = knownSecrets.filter((s) => s.length >= 8);
  const scrub = (text: string): string =>
    secrets.reduce((out, secret) => out.split(secret).join(REDACTED), text.replace(API_KEY_LOOKALIKE, REDACTED));

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

  const headers = (input: Record<string, unknown> | undefined): Record<string, unknown> | undefined => {
    if (!input || typeof input !== 'object') return input;
    return Object.fromEntries(
      Object.entries(input).map(([name, value]) => {
        if (isSensitiveName(name) || name.toLowerCase() === 'proxy-authorization') return [name, REDACTED];
        return [name, mapStrings(value, url)];
      }),
    );
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

/** pino-http serializers (they receive pino's standard request/response objects). */
export function redactingSerializers(redactor: LogRedactor) {
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
      headers: redactor.headers(res.headers),
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
