import { PEOPLE_RULE_IDS } from './people-rules';

/**
 * Failed sign-ins counted in a window that opens at the first failure: `maxFailures` within
 * `windowMs` lock for `lockMs`. Counted twice (PEOPLE-LOCK-1, PEOPLE-LOCK-2): per account, so one
 * account cannot be guessed at from many addresses, and per source, so one address cannot try a
 * few passwords on each of many accounts.
 */
export interface LockoutPolicy {
  rule: string;
  maxFailures: number;
  windowMs: number;
  lockMs: number;
}

const MINUTE = 60_000;

export const ACCOUNT_LOCKOUT: LockoutPolicy = { rule: PEOPLE_RULE_IDS.accountLockout, maxFailures: 5, windowMs: 15 * MINUTE, lockMs: 15 * MINUTE };
export const SOURCE_THROTTLE: LockoutPolicy = { rule: PEOPLE_RULE_IDS.sourceThrottle, maxFailures: 20, windowMs: 15 * MINUTE, lockMs: 15 * MINUTE };

export interface FailureCounter {
  failures: number;
  /** When the first failure of the current window happened; null: no failure counted. */
  windowStartedAt: string | null;
  lockedUntil: string | null;
}

export const NO_FAILURES: FailureCounter = { failures: 0, windowStartedAt: null, lockedUntil: null };

export function isLocked(counter: FailureCounter, now: Date): boolean {
  return counter.lockedUntil !== null && Date.parse(counter.lockedUntil) > now.getTime();
}

/** Seconds until the lock ends (at least 1), for a Retry-After; 0 when not locked. */
export function lockSecondsLeft(counter: FailureCounter, now: Date): number {
  if (!isLocked(counter, now)) return 0;
  return Math.max(1, Math.ceil((Date.parse(counter.lockedUntil as string) - now.getTime()) / 1000));
}

/**
 * The counter after one more failure. A window older than `windowMs` starts again at this failure;
 * reaching `maxFailures` locks and starts a fresh window, so the lock does not grow while it lasts.
 */
export function afterFailure(counter: FailureCounter, now: Date, policy: LockoutPolicy): FailureCounter {
  if (isLocked(counter, now)) return counter;
  const windowOpen = counter.windowStartedAt !== null && now.getTime() - Date.parse(counter.windowStartedAt) < policy.windowMs;
  const failures = windowOpen ? counter.failures + 1 : 1;
  const windowStartedAt = windowOpen ? (counter.windowStartedAt as string) : now.toISOString();
  if (failures >= policy.maxFailures) return { failures: 0, windowStartedAt: null, lockedUntil: new Date(now.getTime() + policy.lockMs).toISOString() };
  return { failures, windowStartedAt, lockedUntil: null };
}
