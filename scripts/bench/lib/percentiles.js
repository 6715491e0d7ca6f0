'use strict';
/** Percentiles by the nearest-rank method, shared by every latency figure of the bench. */

/** The q-quantile (0 < q ≤ 1) of ascending `sorted`: its ⌈q·n⌉-th smallest value. */
function quantile(sorted, q) {
  return sorted[Math.min(sorted.length - 1, Math.max(0, Math.ceil(q * sorted.length) - 1))];
}

/** The q-quantile of the samples of the rounds at `indices` (every round by default) taken together. */
function pooledQuantile(rounds, q, indices = rounds.map((_, i) => i)) {
  const all = new Float64Array(indices.reduce((n, i) => n + rounds[i].length, 0));
  let at = 0;
  for (const i of indices) {
    all.set(rounds[i], at);
    at += rounds[i].length;
  }
  return quantile(all.sort(), q);
}

/** Rounded to 0.1 ms for the report; NaN when there are no samples. */
const reportedQuantile = (sorted, q) => (sorted.length ? Math.round(quantile(sorted, q) * 10) / 10 : NaN);

module.exports = { quantile, pooledQuantile, reportedQuantile };
