import { ACCOUNT_LOCKOUT, afterFailure, isLocked, lockSecondsLeft, NO_FAILURES, SOURCE_THROTTLE, type FailureCounter } from './sign-in-lockout';

const at = (minutes: number) => new Date(Date.UTC(2030, 0, 1, 9, 0, 0) + minutes * 60_000);

function failTimes(minutes: number[], policy = ACCOUNT_LOCKOUT): FailureCounter {
  return minutes.reduce((counter, m) => afterFailure(counter, at(m), policy), NO_FAILURES);
}

describe('PEOPLE-LOCK-1 account lockout: 5 failures within 15 min lock for 15 min', () => {
  it('four failures do not lock; the fifth within the window does, for 15 minutes', () => {
    const four = failTimes([0, 1, 2, 3]);
    expect(isLocked(four, at(3))).toBe(false);
    expect(four.failures).toBe(4);
    const five = afterFailure(four, at(14), ACCOUNT_LOCKOUT);
    expect(isLocked(five, at(14))).toBe(true);
    expect(isLocked(five, at(28.99))).toBe(true);
    expect(isLocked(five, at(29))).toBe(false);
    expect(lockSecondsLeft(five, at(28))).toBe(60);
    expect(lockSecondsLeft(five, at(29))).toBe(0);
  });

  it('failures spread over more than 15 minutes start a new window and do not lock', () => {
    const counter = failTimes([0, 1, 2, 3, 15, 16]);
    expect(isLocked(counter, at(16))).toBe(false);
    expect(counter).toMatchObject({ failures: 2, windowStartedAt: at(15).toISOString() });
  });

  it('failures while locked neither extend the lock nor count towards the next one', () => {
    const locked = failTimes([0, 1, 2, 3, 4]);
    const still = failTimes([5, 6, 7, 8, 9, 10], ACCOUNT_LOCKOUT);
    expect(afterFailure(locked, at(10), ACCOUNT_LOCKOUT)).toEqual(locked);
    expect(still.lockedUntil).toBe(at(24).toISOString());
    expect(afterFailure(locked, at(20), ACCOUNT_LOCKOUT)).toEqual({ failures: 1, windowStartedAt: at(20).toISOString(), lockedUntil: null });
  });
});

describe('PEOPLE-LOCK-2 source throttle: 20 failures within 15 min pause the source', () => {
  it('locks on the 20th failure, not the 19th', () => {
    const minutes = Array.from({ length: 19 }, (_, i) => i * 0.5);
    expect(isLocked(failTimes(minutes, SOURCE_THROTTLE), at(9.5))).toBe(false);
    expect(isLocked(failTimes([...minutes, 9.5], SOURCE_THROTTLE), at(9.5))).toBe(true);
  });
});
