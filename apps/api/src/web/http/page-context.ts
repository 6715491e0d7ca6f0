import { createParamDecorator, type ExecutionContext } from '@nestjs/common';
import type { FastifyRequest } from 'fastify';
import { isLang, stringsFor, type Lang, type Strings } from '../i18n';
import { webSessionOf } from '../session/web-session';
import { pickPageLang } from './language';

/** What every page knows about the request it answers: its language and words, and where it is. */
export interface PageContext {
  lang: Lang;
  t: Strings;
  /** The path and query asked for (the language switch comes back here). */
  url: string;
  requestId: string;
  /** Set when `?lang=` chose the language: the page's own links and forms carry it on. */
  langParam?: Lang;
  /** The signed-in person, when there is one: the header names them and offers to sign out. */
  account?: PageAccount;
}

export interface PageAccount {
  email: string;
  /** The token every form of this session carries (`_csrf`). */
  csrfToken: string;
}

export function pageContextOf(request: FastifyRequest): PageContext {
  const query = (request.query ?? {}) as Record<string, unknown>;
  const lang = pickPageLang(query.lang, request);
  const session = webSessionOf(request);
  return {
    lang,
    t: stringsFor(lang),
    url: request.url,
    requestId: String(request.id),
    ...(isLang(query.lang) ? { langParam: query.lang } : {}),
    ...(session ? { account: { email: session.person.email, csrfToken: session.csrfToken } } : {}),
  };
}

/** A link to a page of this site with `params` (empty ones left out), carrying `?lang=` when the query chose the language. */
export function pageHref(page: Pick<PageContext, 'langParam'>, path: string, params: Record<string, string | undefined> = {}): string {
  const search = new URLSearchParams();
  for (const [name, value] of Object.entries(params)) if (value) search.set(name, value);
  if (page.langParam) search.set('lang', page.langParam);
  const query = search.toString();
  return query ? `${path}?${query}` : path;
}

/** The page context of the current request, as a handler parameter: `@CurrentPage() page: PageContext`. */
export const CurrentPage = createParamDecorator((_data: unknown, context: ExecutionContext): PageContext => pageContextOf(context.switchToHttp().getRequest<FastifyRequest>()));
