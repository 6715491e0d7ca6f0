#!/usr/bin/env node
'use strict';
/*
 * Summarises a V8 .cpuprofile (node --cpu-prof; the bench writes them with BENCH_CPU_PROF=<dir>):
 * self time per function and inclusive time per function, top N.
 * Usage: node scripts/bench/cpuprofile-summary.js <file.cpuprofile> [N] [filter-substring]
 */
const fs = require('node:fs');
const path = require('node:path');

const [file, topArg, filter] = process.argv.slice(2);
if (!file) {
  process.stderr.write('usage: cpuprofile-summary.js <file.cpuprofile> [N] [filter]\n');
  process.exit(2);
}
const top = Number(topArg ?? 30);
const profile = JSON.parse(fs.readFileSync(file, 'utf8'));
const byId = new Map(profile.nodes.map((n) => [n.id, n]));
const parent = new Map();
for (const n of profile.nodes) for (const c of n.children ?? []) parent.set(c, n.id);

// Sample weights: time deltas attributed to each sampled node.
const selfMicros = new Map();
profile.samples.forEach((id, i) => selfMicros.set(id, (selfMicros.get(id) ?? 0) + (profile.timeDeltas[i] ?? 0)));
const total = [...selfMicros.values()].reduce((a, b) => a + b, 0);

const label = (n) => {
  const f = n.callFrame;
  const where = f.url ? `${path.relative(process.cwd(), f.url.replace(/^file:\/\//, ''))}:${f.lineNumber + 1}` : '';
  return `${f.functionName || '(anonymous)'} ${where}`.trim();
};

const self = new Map();
const inclusive = new Map();
for (const [id, micros] of selfMicros) {
  const node = byId.get(id);
  self.set(label(node), (self.get(label(node)) ?? 0) + micros);
  const seen = new Set();
  for (let cur = id; cur !== undefined; cur = parent.get(cur)) {
    const l = label(byId.get(cur));
    if (seen.has(l)) continue;
    seen.add(l);
    inclusive.set(l, (inclusive.get(l) ?? 0) + micros);
  }
}

const print = (title, map) => {
  console.log(`\n${title} (total ${(total / 1000).toFixed(0)} ms)`);
  [...map.entries()]
    .filter(([l]) => !filter || l.includes(filter))
    .sort((a, b) => b[1] - a[1])
    .slice(0, top)
    .forEach(([l, us]) => console.log(`${((100 * us) / total).toFixed(1).padStart(6)} %  ${(us / 1000).toFixed(0).padStart(7)} ms  ${l}`));
};
print('self time', self);
print('inclusive time', inclusive);
