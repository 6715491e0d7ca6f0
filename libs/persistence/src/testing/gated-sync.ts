import type { DurableSync } from '../wal-group-commit';

/** A sync that finishes only when the test says so, and counts how often it started. */
export function gatedSync(inner: DurableSync = async () => {}) {
  const pending: Array<{ release: () => Promise<void>; fail: (e: Error) => void }> = [];
  const sync: DurableSync = () =>
    new Promise<void>((resolve, reject) => {
      pending.push({ release: () => inner().then(resolve, reject), fail: reject });
    });
  return {
    sync,
    started: () => pending.length,
    release: async (index: number) => {
      await pending[index].release();
      await settle();
    },
    fail: async (index: number, error: Error) => {
      pending[index].fail(error);
      await settle();
    },
  };
}

/** Lets everything already queued on the event loop (microtasks, a drain scheduled with setImmediate) run. */
export const settle = () => new Promise((resolve) => setImmediate(resolve));

/** Whether a promise has settled yet, and with which error, without awaiting it. */
export function tracked<T>(promise: Promise<T>) {
  const state = { done: false, value: undefined as T | undefined, error: undefined as unknown };
  promise.then(
    (value) => ((state.done = true), (state.value = value)),
    (error) => ((state.done = true), (state.error = error)),
  );
  return state;
}
