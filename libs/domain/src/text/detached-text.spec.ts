import { setFlagsFromString } from 'node:v8';
import { runInNewContext } from 'node:vm';
import { detachedText } from './detached-text';

setFlagsFromString('--expose-gc');
const gc = runInNewContext('gc') as () => void;

const PARENTS = 40;
const PARENT_BYTES = 4 * 2 ** 20;

/** Heap kept by 40 short texts cut from 4 MiB strings (160 MiB if every parent stays), each made by `keep`. */
function heapKeptBy(keep: (slice: string) => string): number {
  gc();
  const before = process.memoryUsage().heapUsed;
  const kept = Array.from({ length: PARENTS }, (_, i) => keep(`${'y'.repeat(PARENT_BYTES)}${i}`.slice(10, 50)));
  gc();
  const grown = process.memoryUsage().heapUsed - before;
  expect(kept.every((text) => text === 'y'.repeat(40))).toBe(true);
  return grown;
}

describe('detachedText', () => {
  it('is the same text, any length and any characters', () => {
    for (const text of ['', 'a', 'ACR-US-1185-2025-3078-1 to 85847', '償却 (無効化) ✓', 'x'.repeat(5000)]) expect(detachedText(text)).toBe(text);
  });

  it('does not keep the string it was cut from alive, where a plain slice keeps it', () => {
    // Bounds far from both outcomes (160 MiB kept, or a few KiB): the heap's own bookkeeping moves
    // heapUsed by some MiB from run to run (a 50 × 1 MiB version once measured 33 MiB for the slices).
    expect(heapKeptBy((slice) => slice)).toBeGreaterThan(64 * 2 ** 20);
    expect(heapKeptBy(detachedText)).toBeLessThan(8 * 2 ** 20);
  });
});
