'use strict';
/*
 * How far a pooled percentile ratio between two phases could move by chance: a paired bootstrap over
 * rounds. Round i of both phases ran back to back, so resampling the round indices (with
 * replacement) keeps each pair together and the machine's slow drifts fall on both phases alike.
 * The PRNG is seeded, so the same samples always give the same interval.
 */
const { pooledQuantile, quantile } = require('./percentiles');

/** mulberry32: small, fast, seedable; statistical quality is ample for picking round indices. */
function seededRandom(seed) {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/**
 * @param busy, calm  per-round latency samples, busy[i] and calm[i] measured back to back
 * @returns { low, high }: the central `level` interval of pooledQuantile(busy) ÷ pooledQuantile(calm)
 */
function pairedRatioInterval(busy, calm, { q = 0.99, resamples = 1000, level = 0.95, seed = 1 } = {}) {
  if (busy.length !== calm.length || busy.length === 0) throw new Error('pairedRatioInterval needs the same, non-zero number of rounds in both phases');
  const random = seededRandom(seed);
  const n = busy.length;
  const ratios = [];
  for (let r = 0; r < resamples; r++) {
    const indices = Array.from({ length: n }, () => Math.floor(random() * n));
    ratios.push(pooledQuantile(busy, q, indices) / pooledQuantile(calm, q, indices));
  }
  ratios.sort((x, y) => x - y);
  const tail = (1 - level) / 2;
  return { low: quantile(ratios, tail), high: quantile(ratios, 1 - tail) };
}

module.exports = { pairedRatioInterval, seededRandom };
