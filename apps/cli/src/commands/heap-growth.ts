import { setFlagsFromString } from 'node:v8';

/**
 * After each full collection V8 lets the old generation grow to about four times what survived it.
 * A long import keeps ~35 MB alive and turns over far more, so it peaked at 260–313 MB resident on a
 * million rows; at two and a half times it stays at 210–240 MB for the same CPU (issue 14's ≤ 300 MB,
 * measured in docs/benchmarks.md). Read by V8 at each collection, so it holds from here on.
 */
export function boundHeapGrowth(): void {
  setFlagsFromString('--heap-growing-percent=150');
}
