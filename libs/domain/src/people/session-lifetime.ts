/**
 * PEOPLE-SESSION-1 (OWASP Session Management: idle and absolute timeouts): a session ends after
 * `idleMs` without a request and `absoluteMs` after sign-in, whichever comes first.
 */
export const SESSION_LIFETIME = { idleMs: 30 * 60_000, absoluteMs: 12 * 60 * 60_000 } as const;

/** How often last_seen is written: often enough for the idle timeout, rare enough that most page loads stay reads. */
export const SESSION_TOUCH_RESOLUTION_MS = 60_000;

export interface SessionTimes {
  createdAt: string;
  lastSeenAt: string;
  expiresAt: string;
  revokedAt: string | null;
}

export type SessionState = 'active' | 'revoked' | 'expired' | 'idle';

/** The absolute end of a session begun at `createdAt`. */
export function sessionExpiresAt(createdAt: Date, lifetime = SESSION_LIFETIME): string {
  return new Date(createdAt.getTime() + lifetime.absoluteMs).toISOString();
}

/** When the session ends if nothing more happens: the idle end or the absolute end, the earlier. */
export function sessionEndsAt(session: SessionTimes, lifetime = SESSION_LIFETIME): string {
  const idleEnd = Date.parse(session.lastSeenAt) + lifetime.idleMs;
  return new Date(Math.min(idleEnd, Date.parse(session.expiresAt))).toISOString();
}

export function sessionState(session: SessionTimes, now: Date, lifetime = SESSION_LIFETIME): SessionState {
  if (session.revokedAt !== null) return 'revoked';
  if (Date.parse(session.expiresAt) <= now.getTime()) return 'expired';
  if (Date.parse(session.lastSeenAt) + lifetime.idleMs <= now.getTime()) return 'idle';
  return 'active';
}
