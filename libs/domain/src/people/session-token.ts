import { createHash, createHmac, timingSafeEqual } from 'node:crypto';

/** A session token as the cookie carries it: 32 random bytes, base64url (43 characters). */
export const SESSION_TOKEN_PATTERN = /^[A-Za-z0-9_-]{43}$/;

/**
 * The id a session is stored under: the SHA-256 of the cookie's token, so neither a copy of the
 * database nor its logs hold a token that signs anyone in.
 */
export function sessionIdOf(token: string): string {
  return createHash('sha256').update(token, 'utf8').digest('hex');
}

const CSRF_CONTEXT = 'offset-registry csrf v1';

/**
 * PEOPLE-CSRF-1: the token every form of a session carries, an HMAC keyed with the session's secret
 * cookie token: stable for the session, useless after it, and derivable only by whoever holds the
 * cookie (a page of another site cannot read it). Nothing more is stored for it.
 */
export function csrfTokenFor(sessionToken: string): string {
  return createHmac('sha256', sessionToken).update(CSRF_CONTEXT, 'utf8').digest('base64url');
}

/** Compares in constant time (digests of equal length), whatever was presented. */
export function csrfTokenMatches(sessionToken: string, presented: string | undefined | null): boolean {
  if (typeof presented !== 'string' || presented === '') return false;
  const digest = (value: string) => createHash('sha256').update(value, 'utf8').digest();
  return timingSafeEqual(digest(presented), digest(csrfTokenFor(sessionToken)));
}
