import type { FastifyRequest } from 'fastify';
import Negotiator from 'negotiator';
import { isLang, type Lang } from '../i18n';

/** The cookie the language switch sets (a preference, nothing secret: not signed). */
export const LANG_COOKIE = 'lang';
const ONE_YEAR_SECONDS = 365 * 24 * 3600;

/** `?lang=` for this page, else the switch's cookie, else Accept-Language, else Japanese. */
export function pickPageLang(queryLang: unknown, request: Pick<FastifyRequest, 'headers' | 'cookies'>): Lang {
  if (isLang(queryLang)) return queryLang;
  const cookie = request.cookies?.[LANG_COOKIE];
  if (isLang(cookie)) return cookie;
  // Negotiator answers the first offered (ja) when there is no Accept-Language at all.
  const negotiated = new Negotiator({ headers: request.headers }).language(['ja', 'en']);
  return isLang(negotiated) ? negotiated : 'ja';
}

export function langCookie(lang: Lang, secure: boolean): string {
  return `${LANG_COOKIE}=${lang}; Path=/; Max-Age=${ONE_YEAR_SECONDS}; SameSite=Lax; HttpOnly${secure ? '; Secure' : ''}`;
}

/**
 * Where the switch may send the browser back to: a path of this site only (never `//host` or
 * `/\host`, which browsers read as another site), without its `lang` parameter so the cookie decides.
 */
export function localReturnPath(next: unknown): string {
  if (typeof next !== 'string' || !next.startsWith('/') || next.startsWith('//') || next.startsWith('/\\')) return '/';
  const url = new URL(next, 'http://local.invalid');
  if (url.origin !== 'http://local.invalid') return '/';
  url.searchParams.delete('lang');
  return `${url.pathname}${url.search}`;
}

/** The switch's link on a page at `currentUrl` (path and query): to the other language, then back here. */
export function switchHref(target: Lang, currentUrl: string): string {
  return `/language/${target}?next=${encodeURIComponent(localReturnPath(currentUrl))}`;
}
