import { performance, type EventLoopUtilization } from 'node:perf_hooks';

/**
 * Lets background work wait until the event loop is mostly idle (or a deadline passes), so that
 * CPU-heavy jobs run in the API process without stalling the requests it is serving.
 */
export class IdleGate {
  private last: EventLoopUtilization = performance.eventLoopUtilization();

  constructor(
    private readonly busyAbove = 0.3,
    private readonly sampleMs = 100,
  ) {}

  async waitForIdle(maxWaitMs: number): Promise<void> {
    const deadline = Date.now() + maxWaitMs;
    for (;;) {
      await new Promise((resolve) => setTimeout(resolve, this.sampleMs));
      const now = performance.eventLoopUtilization();
      const { utilization } = performance.eventLoopUtilization(now, this.last);
      this.last = now;
      if (utilization < this.busyAbove || Date.now() >= deadline) return;
    }
  }
}
