import { startBullMqWorker, type JobHandlers } from '@registry/jobs';

const NO_HANDLERS = {} as JobHandlers;

/**
 * CI once failed on "Unhandled error. (Error: Connection is closed.)": a test app was closed while
 * its worker was still connecting to Redis. BullMQ 5.81 drops a connection's listeners when it is
 * closed mid-connect, and the connect attempt's failure is then thrown into the process, which jest
 * reports as this test's failure.
 */
describe('a BullMQ worker closed right after it started', () => {
  it('closes at any moment of its connecting without throwing into the process', async () => {
    for (let delayMs = 0; delayMs < 15; delayMs++) {
      const running = startBullMqWorker(NO_HANDLERS, { redisUrl: process.env.REDIS_URL ?? 'redis://127.0.0.1:6379', prefix: `close-test-${delayMs}`, concurrency: 1 });
      await new Promise((resolve) => setTimeout(resolve, delayMs));
      await running.close();
      expect(running.worker.closing).toBeTruthy();
    }
    // A connect attempt that failed after close() would surface here.
    await new Promise((resolve) => setTimeout(resolve, 500));
  });
});
