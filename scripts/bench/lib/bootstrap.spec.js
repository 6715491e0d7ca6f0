'use strict';
const { pairedRatioInterval, seededRandom } = require('./bootstrap');

// Latency-like samples: an exponential body plus rare long stalls, as on the bench machine.
const sample = (random) => -Math.log(1 - random()) * 3 + (random() < 0.01 ? 20 + 30 * random() : 0);
const rounds = (count, size, scale, random) => Array.from({ length: count }, () => Array.from({ length: size }, () => scale * sample(random)));

describe('pairedRatioInterval (the pdf bench statistics)', () => {
  it('gives a ratio near the true one, and an interval that holds it, when one phase is a scaled copy of noise', () => {
    const random = seededRandom(7);
    const calm = rounds(30, 200, 1, random);
    const busy = calm.map((round) => round.map((ms) => ms * 1.3));
    const { low, high } = pairedRatioInterval(busy, calm, { q: 0.99, resamples: 200 });
    expect(low).toBeCloseTo(1.3, 5);
    expect(high).toBeCloseTo(1.3, 5);
  });

  it('gives a wide interval around 1 for two independent draws of the same noise, and a narrower one for the median', () => {
    const random = seededRandom(11);
    const a = rounds(30, 200, 1, random);
    const b = rounds(30, 200, 1, random);
    const tail = pairedRatioInterval(a, b, { q: 0.99, resamples: 200 });
    const middle = pairedRatioInterval(a, b, { q: 0.5, resamples: 200 });
    expect(tail.low).toBeLessThan(1);
    expect(tail.high).toBeGreaterThan(1);
    expect(middle.high - middle.low).toBeLessThan(tail.high - tail.low);
  });

  it('is the same for the same samples (seeded), and refuses phases with different numbers of rounds', () => {
    const random = seededRandom(3);
    const a = rounds(10, 50, 1, random);
    const b = rounds(10, 50, 1, random);
    expect(pairedRatioInterval(a, b)).toEqual(pairedRatioInterval(a, b));
    expect(() => pairedRatioInterval(a, b.slice(1))).toThrow(/same, non-zero number of rounds/);
  });
});
