import type { JobHandlers } from './job-types';

/**
 * Test environments only (JOB_FAULT_INJECTION): a first attempt that fails and a slow run, so
 * tests can prove that failed jobs are retried and a dead worker's job is taken over.
 */
export function withFaults(handlers: JobHandlers, faults: { failFirstAttempt: boolean; delayMs: number }): JobHandlers {
  if (!faults.failFirstAttempt && faults.delayMs === 0) return handlers;
  const wrapped = {} as Record<string, (payload: never, context: { attempt: number }) => Promise<void>>;
  for (const [name, handler] of Object.entries(handlers)) {
    wrapped[name] = async (payload, context) => {
      if (faults.delayMs > 0) await new Promise((resolve) => setTimeout(resolve, faults.delayMs));
      if (faults.failFirstAttempt && context.attempt === 1) throw new Error(`injected failure of the first attempt of ${name}`);
      await (handler as (p: never, c: unknown) => Promise<void>)(payload, context);
    };
  }
  return wrapped as unknown as JobHandlers;
}
