import { setFlagsFromString } from 'node:v8';
import { runInNewContext } from 'node:vm';
import { detachedText } from './detached-text';

setFlagsFromString('--expose-gc');
const gc = runInNewContext('gc') as () => void;

/** Heap kept by 50 short texts cut from 1 MiB strings, each made by `keep`. */
function heapKeptBy(keep: (slice: string) => string): number {
  gc();
  const before = process.memoryUsage().heapUsed;
  const kept = Array.from({ length: 50 }, (_, i) => keep(`${'y'.repeat(1 << 20)}${i}`.slice(10, 50)));
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
    expect(heapKeptBy((slice) => slice)).toBeGreaterThan(40 * 2 ** 20);
    expect(heapKeptBy(detachedText)).toBeLessThan(5 * 2 ** 20);
  });
});
