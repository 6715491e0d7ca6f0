import { SESSION_LIFETIME, sessionEndsAt, sessionExpiresAt, sessionState } from './session-lifetime';
import { csrfTokenFor, csrfTokenMatches, sessionIdOf } from './session-token';

const start = new Date(Date.UTC(2030, 0, 1, 9, 0, 0));
const after = (minutes: number) => new Date(start.getTime() + minutes * 60_000);

describe('PEOPLE-SESSION-1 session lifetime: 30 min idle, 12 h absolute', () => {
  const fresh = { createdAt: start.toISOString(), lastSeenAt: start.toISOString(), expiresAt: sessionExpiresAt(start), revokedAt: null };

  it('is active until 30 minutes without use, then idle', () => {
    expect(sessionState(fresh, after(29.9))).toBe('active');
    expect(sessionState(fresh, after(30))).toBe('idle');
    expect(sessionEndsAt(fresh)).toBe(after(30).toISOString());
  });

  it('ends 12 hours after sign-in even when used every minute', () => {
    const busy = { ...fresh, lastSeenAt: after(12 * 60 - 1).toISOString() };
    expect(sessionState(busy, after(12 * 60 - 0.5))).toBe('active');
    expect(sessionState(busy, after(12 * 60))).toBe('expired');
    expect(sessionEndsAt(busy)).toBe(after(12 * 60).toISOString());
    expect(SESSION_LIFETIME).toEqual({ idleMs: 1_800_000, absoluteMs: 43_200_000 });
  });

  it('a revoked session is revoked whatever its times', () => {
    expect(sessionState({ ...fresh, revokedAt: after(1).toISOString() }, after(2))).toBe('revoked');
  });
});

describe('PEOPLE-CSRF-1 CSRF token derived from the session token', () => {
  const token = 'x'.repeat(43);
  const other = 'y'.repeat(43);

  it('matches the token of its own session only', () => {
    expect(csrfTokenMatches(token, csrfTokenFor(token))).toBe(true);
    expect(csrfTokenMatches(token, csrfTokenFor(other))).toBe(false);
    expect(csrfTokenFor(token)).toBe(csrfTokenFor(token));
  });

  it('refuses a missing, empty, cut or extended token', () => {
    const good = csrfTokenFor(token);
    for (const presented of [undefined, null, '', good.slice(0, -1), `${good}A`, token, sessionIdOf(token)]) {
      expect(csrfTokenMatches(token, presented)).toBe(false);
    }
  });

  it('is neither the session token nor its stored id, and the stored id is not the token', () => {
    const id = sessionIdOf(token);
    expect(id).toMatch(/^[0-9a-f]{64}$/);
    expect(id).not.toContain(token);
    expect(csrfTokenFor(token)).not.toBe(token);
  });
});
