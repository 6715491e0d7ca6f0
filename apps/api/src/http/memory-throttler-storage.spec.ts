import { MemoryThrottlerStorage } from './memory-throttler-storage';

const MINUTE = 60_000;

describe('MemoryThrottlerStorage: a fixed window per key, in memory', () => {
  afterEach(() => jest.useRealTimers());

  it('counts the hits of a window, then blocks for the block duration, then counts afresh', async () => {
    jest.useFakeTimers({ now: new Date('2026-12-02T08:00:00Z') });
    const storage = new MemoryThrottlerStorage();
    const hit = () => storage.increment('203.0.113.1', MINUTE, 3, 30_000, 'default');

    expect(await hit()).toEqual({ totalHits: 1, timeToExpire: 60, isBlocked: false, timeToBlockExpire: 0 });
    jest.advanceTimersByTime(20_000);
    expect(await hit()).toEqual({ totalHits: 2, timeToExpire: 40, isBlocked: false, timeToBlockExpire: 0 });
    expect(await hit()).toMatchObject({ totalHits: 3, isBlocked: false });
    expect(await hit()).toEqual({ totalHits: 4, timeToExpire: 30, isBlocked: true, timeToBlockExpire: 30 });
    jest.advanceTimersByTime(10_000);
    expect(await hit()).toMatchObject({ isBlocked: true, timeToBlockExpire: 20 });

    jest.advanceTimersByTime(20_001);
    expect(await hit()).toEqual({ totalHits: 1, timeToExpire: 60, isBlocked: false, timeToBlockExpire: 0 });
  });

  it('keeps keys, named limits and their settings apart', async () => {
    const storage = new MemoryThrottlerStorage();
    for (let i = 0; i < 2; i++) await storage.increment('a', MINUTE, 2, MINUTE, 'default');
    expect(await storage.increment('a', MINUTE, 2, MINUTE, 'default')).toMatchObject({ isBlocked: true });
    expect(await storage.increment('b', MINUTE, 2, MINUTE, 'default')).toMatchObject({ totalHits: 1, isBlocked: false });
    expect(await storage.increment('a', MINUTE, 2, MINUTE, 'expensive')).toMatchObject({ totalHits: 1, isBlocked: false });
    expect(await storage.increment('a', MINUTE, 10, MINUTE, 'default')).toMatchObject({ totalHits: 1, isBlocked: false });
  });

  it("costs the same per request however many hits the window holds: 200,000 hits of one key, none refused, the last ones no dearer than the first (the throttler's own storage: 205 s, each hit dearer than the last)", async () => {
    const storage = new MemoryThrottlerStorage();
    const chunkMs: number[] = [];
    let last = { totalHits: 0, isBlocked: true };
    for (let chunk = 0; chunk < 10; chunk++) {
      const started = performance.now();
      for (let i = 0; i < 20_000; i++) last = await storage.increment('proxy', MINUTE, 1_000_000_000, MINUTE, 'default');
      chunkMs.push(performance.now() - started);
    }
    expect(last).toMatchObject({ totalHits: 200_000, isBlocked: false });
    // The fastest of the first three chunks against the fastest of the last three: a storage whose
    // cost grows with the window's hits makes the last ones ~19 times dearer.
    expect(Math.min(...chunkMs.slice(-3))).toBeLessThan(3 * Math.min(...chunkMs.slice(0, 3)));
  });
});
