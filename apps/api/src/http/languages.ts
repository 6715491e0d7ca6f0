import Negotiator from 'negotiator';
import type { IncomingHttpHeaders } from 'node:http';

/** Whether Accept-Language prefers Japanese to English (as Express's acceptsLanguages('en', 'ja') decided: the same negotiator). */
export function prefersJapanese(headers: IncomingHttpHeaders): boolean {
  return new Negotiator({ headers }).language(['en', 'ja']) === 'ja';
}
