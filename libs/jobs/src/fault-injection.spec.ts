import { withFaults } from './fault-injection';
import type { JobHandlers } from './job-types';

describe('withFaults (test environments only)', () => {
  const calls: string[] = [];
  const handlers = {
    heartbeat: async () => void calls.push('heartbeat'),
    'certificate-pdf': async () => void calls.push('pdf'),
  } as unknown as JobHandlers;
  const context = (attempt: number) => ({ jobId: 'j', attempt, processRole: 'test' });

  beforeEach(() => (calls.length = 0));

  it('returns the handlers untouched when no fault is configured', () => {
    expect(withFaults(handlers, { failFirstAttempt: false, delayMs: 0 })).toBe(handlers);
  });

  it('fails the first attempt only, without running the handler', async () => {
    const faulty = withFaults(handlers, { failFirstAttempt: true, delayMs: 0 });
    await expect(faulty.heartbeat({ requestedAt: 'x' }, context(1))).rejects.toThrow(/injected failure/);
    expect(calls).toEqual([]);
    await faulty.heartbeat({ requestedAt: 'x' }, context(2));
    expect(calls).toEqual(['heartbeat']);
  });

  it('delays every run', async () => {
    const slow = withFaults(handlers, { failFirstAttempt: false, delayMs: 60 });
    const started = Date.now();
    await slow['certificate-pdf']({ number: 'n', status: 'valid' }, context(1));
    expect(Date.now() - started).toBeGreaterThanOrEqual(55);
    expect(calls).toEqual(['pdf']);
  });
});
