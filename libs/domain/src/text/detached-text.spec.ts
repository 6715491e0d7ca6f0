import { setFlagsFromString } from 'node:v8';
import { runInNewContext } from 'node:vm';
import { detachedText } from './detached-text';

setFlagsFromString('--expose-gc');
const gc = runInNewContext('gc') as () => void;

const PARENTS = 40;
const PARENT_BYTES = 4 * 2 ** 20;

/**
 * Collects until the heap stops shrinking. One gc() was not enough in a jest worker that had run other
 * suites: CI once read 43.7 MiB for the plain slices, whose 160 MiB plain node reads every time. The
 * likeliest cause is an earlier suite's garbage freed only after a turn of the event loop (finalizers),
 * so between the two readings; it is drained before the first reading now.
 */
async function settledHeap(): Promise<number> {
  let used = Infinity;
  for (let round = 0; round < 10; round++) {
    gc();
    await new Promise((resolve) => setImmediate(resolve));
    const now = process.memoryUsage().heapUsed;
    if (now > used - 2 ** 20) return now;
    used = now;
  }
  return used;
}

/** Heap kept by 40 short texts cut from 4 MiB strings (160 MiB if every parent stays), each made by `keep`. */
async function heapKeptBy(keep: (slice: string) => string): Promise<number> {
  const before = await settledHeap();
  const kept = Array.from({ length: PARENTS }, (_, i) => keep(`${'y'.repeat(PARENT_BYTES)}${i}`.slice(10, 50)));
  const grown = (await settledHeap()) - before;
  expect(kept.every((text) => text === 'y'.repeat(40))).toBe(true);
  return grown;
}

describe('detachedText', () => {
  it('is the same text, any length and any characters', () => {
    for (const text of ['', 'a', 'ACR-US-1185-2025-3078-1 to 85847', '償却 (無効化) ✓', 'x'.repeat(5000)]) expect(detachedText(text)).toBe(text);
  });

  it('does not keep the string it was cut from alive, where a plain slice keeps it', async () => {
    // Bounds far from both outcomes (160 MiB kept, or a few KiB): the heap's own bookkeeping moves
    // heapUsed by some MiB from run to run (a 50 × 1 MiB version once measured 33 MiB for the slices).
    expect(await heapKeptBy((slice) => slice)).toBeGreaterThan(64 * 2 ** 20);
    expect(await heapKeptBy(detachedText)).toBeLessThan(8 * 2 ** 20);
  }, 30_000); // full collections of a 160 MiB heap: well past jest's 5 s on a busy CI machine
});
