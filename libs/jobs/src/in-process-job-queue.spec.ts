import { InProcessJobQueue } from './in-process-job-queue';
import type { JobHandlers } from './job-types';

describe('InProcessJobQueue', () => {
  it('runs jobs one at a time, in order, once per job id', async () => {
    const log: string[] = [];
    let active = 0;
    let maxActive = 0;
    const handlers = {
      heartbeat: async ({ requestedAt }: { requestedAt: string }) => {
        active++;
        maxActive = Math.max(maxActive, active);
        await new Promise((resolve) => setTimeout(resolve, 10));
        log.push(requestedAt);
        active--;
      },
    } as unknown as JobHandlers;
    const queue = new InProcessJobQueue(handlers);
    for (const id of ['a', 'b', 'a', 'c']) await queue.enqueue('heartbeat', { requestedAt: id }, { jobId: id });
    expect((await queue.health()).waiting).toBeGreaterThan(0);
    const deadline = Date.now() + 5000;
    while (log.length < 3 && Date.now() < deadline) await new Promise((resolve) => setTimeout(resolve, 20));
    expect(log).toEqual(['a', 'b', 'c']);
    expect(maxActive).toBe(1);
    await queue.drain();
  });
});
