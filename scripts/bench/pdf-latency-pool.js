#!/usr/bin/env node
'use strict';
/*
 * Pools the latency rounds of several pdf-scenario runs (files written with BENCH_PDF_SAMPLES_OUT)
 * and gives the rendering ÷ idle ratios of p50, p90 and p99 over all of them, with a paired bootstrap
 * interval over the round pairs: one run's p99 rests on a few dozen slow requests, so runs disagree
 * far more than the effect being measured; hundreds of pairs do not.
 *
 *   node scripts/bench/pdf-latency-pool.js samples-1.json samples-2.json ...
 */
const fs = require('node:fs');
const { pairedRatioInterval } = require('./lib/bootstrap');
const { pooledQuantile } = require('./lib/percentiles');

const files = process.argv.slice(2);
if (files.length === 0) {
  console.error('usage: pdf-latency-pool.js <samples.json> ...');
  process.exit(2);
}
const runs = files.map((file) => JSON.parse(fs.readFileSync(file, 'utf8')));
if (new Set(runs.map((r) => r.noiseCheck)).size > 1) throw new Error('do not pool noise-check runs with real ones');
const idle = runs.flatMap((r) => r.idle);
const rendering = runs.flatMap((r) => r.rendering);
const f2 = (n) => n.toFixed(2);

console.log(`${runs.length} runs (${runs.map((r) => r.at.slice(11, 16)).join(', ')} UTC)${runs[0].noiseCheck ? ', NOISE CHECK (the worker idle in both phases)' : ''}: ${idle.length} round pairs, ${idle.flat().length} / ${rendering.flat().length} requests idle / rendering`);
for (const q of [0.5, 0.9, 0.99]) {
  const calm = pooledQuantile(idle, q);
  const busy = pooledQuantile(rendering, q);
  const { low, high } = pairedRatioInterval(rendering, idle, { q, resamples: 400 });
  console.log(`p${q * 100}: ${f2(busy)} / ${f2(calm)} ms = ${f2(busy / calm)} (95 % interval ${f2(low)}–${f2(high)})`);
}
