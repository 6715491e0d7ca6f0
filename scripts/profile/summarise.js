#!/usr/bin/env node
'use strict';
/*
 * Reads a V8 .cpuprofile (node --cpu-prof) and says where the time went, optionally only within a
 * time window (compare.js passes the load window, so the API's start-up and shutdown are left out:
 * profile timestamps and process.hrtime share CLOCK_MONOTONIC, in µs).
 *
 * - self time by function, and by package (node_modules/<pkg>, the registry's apps/* and libs/*,
 *   node core, native, GC);
 * - "charged" time by package: node core and native frames (setHeader, JSON.stringify, a
 *   better-sqlite3 statement, crypto) are charged to the nearest caller that belongs to a package,
 *   so "helmet" includes the setHeader calls helmet makes;
 * - time by owner (OWNERS: each middleware, guard, pipe, the filter, the registry's libs, express,
 *   Nest), the innermost owner on the stack taking the sample, and a few inclusive rows (INCLUSIVE);
 * - folded stacks ("a;b;c <µs>" per line), which speedscope, flamegraph.pl and inferno read.
 *
 * scripts/bench/cpuprofile-summary.js is a CLI that prints self/inclusive by function for a whole
 * profile; this is its module form with windows, packages and components.
 *
 * CLI: node scripts/profile/summarise.js <file.cpuprofile> [top N] [--folded out.txt] [--callers <frame substring>]
 *      [--window <from µs>,<to µs> --requests <n>]  (without --window: the whole profile, start-up included;
 *      compare.js writes each route's window and request count to results.json)
 */
const fs = require('node:fs');
const path = require('node:path');

const REPO = path.resolve(__dirname, '../..');
const SPECIAL = new Set(['(idle)', '(program)', '(garbage collector)', '(root)']);

/** Package of a frame's script: '@nestjs/core', 'express', 'registry apps/api', 'registry libs/ledger', 'node core', ''. */
function packageOf(url) {
  if (!url) return '';
  if (url.startsWith('node:')) return 'node core';
  const file = url.replace(/^file:\/\//, '');
  const nm = file.lastIndexOf('/node_modules/');
  if (nm >= 0) {
    const parts = file.slice(nm + '/node_modules/'.length).split('/');
    return parts[0].startsWith('@') ? `${parts[0]}/${parts[1]}` : parts[0];
  }
  const registry = /\/dist\/apps\/[^/]+\/(apps\/[^/]+|libs\/[^/]+)\//.exec(file);
  if (registry) return `registry ${registry[1]}`;
  if (file.includes('/scripts/profile/')) return 'bare server';
  return 'other js';
}

function shortFile(url) {
  const file = url.replace(/^file:\/\//, '');
  const nm = file.lastIndexOf('/node_modules/');
  if (nm >= 0) return file.slice(nm + '/node_modules/'.length);
  const dist = file.indexOf('/dist/');
  if (dist >= 0) return file.slice(dist + 1);
  return path.relative(REPO, file);
}

function frameLabel(frame) {
  const name = frame.functionName || '(anonymous)';
  if (!frame.url) return name;
  return `${name} ${shortFile(frame.url)}:${frame.lineNumber + 1}`;
}

/**
 * Who owns a sample: walking its stack from the leaf up, the first frame that matches one of OWNERS
 * (packages not named here, node core and native frames are transparent: charged to the owner
 * above them). Innermost wins, so a middleware owns only its own work, not the middleware that its
 * synchronous next() runs after it; shares add up to 100 %.
 */
const OWNERS = [
  ['helmet', (f, pkg) => pkg === 'helmet'],
  ['pino-http + pino (request logging)', (f, pkg) => ['pino-http', 'pino', 'nestjs-pino', 'pino-std-serializers', 'sonic-boom', 'fast-redact'].includes(pkg) || /http\/log-redaction\.js$/.test(f.url)],
  ['HttpMetrics middleware (prom-client)', (f, pkg) => pkg === 'prom-client' || /metrics\/http-metrics\.js$/.test(f.url)],
  ['requestIdMiddleware (randomUUID)', (f) => /http\/request-id\.middleware\.js$/.test(f.url)],
  ['body-parser (json/text, even with no body)', (f, pkg) => ['body-parser', 'raw-body', 'type-is', 'iconv-lite'].includes(pkg) || /http\/json-depth\.js$/.test(f.url)],
  ['ThrottlerGuard (+ rate-limits.js)', (f, pkg) => pkg === '@nestjs/throttler' || /http\/rate-limits\.js$/.test(f.url)],
  ['ApiKeyGuard + key lookup (libs/auth)', (f, pkg) => pkg === 'registry libs/auth'],
  ['ValidationPipe (class-validator, class-transformer)', (f, pkg) => pkg === 'class-validator' || pkg === 'class-transformer' || /pipes\/validation\.pipe\.js$/.test(f.url) || /http\/validation\.pipe\.js$/.test(f.url)],
  ['SingleQueryValuesPipe / OnlyQueryParameters', (f) => /http\/query-parameters\.js$/.test(f.url)],
  ['ProblemDetailsFilter', (f) => /problem-details\.filter\.js$/.test(f.url)],
  ['registry libs/persistence + better-sqlite3 (SQL)', (f, pkg) => pkg === 'registry libs/persistence' || pkg === 'better-sqlite3' || pkg === 'typeorm'],
  ['registry libs/domain (serial parsing, rules)', (f, pkg) => pkg === 'registry libs/domain'],
  ['registry libs/ledger (use cases, journal, log)', (f, pkg) => pkg === 'registry libs/ledger' || pkg === 'canonicalize'],
  ['registry other libs (jobs, documents, config)', (f, pkg) => /^registry libs\//.test(pkg)],
  ['registry apps/api (controllers, interceptors)', (f, pkg) => pkg === 'registry apps/api'],
  ['express response (res.json: stringify, headers, etag)', (f, pkg) => ['etag', 'fresh', 'send', 'mime-types', 'mime-db', 'content-disposition', 'cookie'].includes(pkg) || (pkg === 'express' && /response\.js$/.test(f.url))],
  // Nest's Reflector and reflect-metadata are transparent: a guard's metadata lookups are the guard's.
  ['Nest request pipeline (@nestjs/core, platform adapter, rxjs)', (f, pkg) => ['@nestjs/core', '@nestjs/common', '@nestjs/platform-express', '@nestjs/platform-fastify', 'rxjs', 'tslib'].includes(pkg) && !/services\/reflector\.service\.js$/.test(f.url)],
  ['fastify (routing, hooks, reply, content-type parsers)', (f, pkg) => ['fastify', 'find-my-way', 'fast-querystring', 'avvio', 'light-my-request', 'toad-cache', 'fast-json-stringify', 'secure-json-parse', 'abstract-logging', 'process-warning'].includes(pkg) || /^@fastify\//.test(pkg)],
  ['express/router dispatch (matching, next(), query parser)', (f, pkg) => ['express', 'router', 'path-to-regexp', 'finalhandler', 'on-finished', 'parseurl', 'debug', 'depd', 'content-type', 'qs', 'proxy-addr', 'forwarded', 'accepts', 'negotiator'].includes(pkg)],
  ['bare server handler', (f, pkg) => pkg === 'bare server'],
];

/** Inclusive time of things called from many places (overlapping, each sample counted once per row). */
const INCLUSIVE = [
  ['JSON.stringify (any caller)', (f) => !f.url && f.functionName === 'stringify'],
  ['JSON.parse (any caller)', (f) => !f.url && f.functionName === 'parse'],
  ['crypto (hash, hmac, uuid, any caller)', (f) => (!f.url && /^(digest|update|randomUUID|timingSafeEqual)$/.test(f.functionName)) || /^node:internal\/crypto\//.test(f.url)],
  ['res.setHeader / writeHead (any caller)', (f) => /^node:_http_(outgoing|server)$/.test(f.url) && /^(setHeader|writeHead|_storeHeader)$/.test(f.functionName)],
  ['socket writes (writev/writeGeneric)', (f) => /^(writev|writeUtf8String|writeBuffer|writeLatin1String)$/.test(f.functionName) && !f.url],
  ['Nest router-execution-context (controller call, params, guards, pipes, reply)', (f, pkg) => pkg === '@nestjs/core' && /router-execution-context\.js$/.test(f.url)],
];

function load(file) {
  return JSON.parse(fs.readFileSync(file, 'utf8'));
}

/**
 * @param profile  parsed .cpuprofile
 * @param window   { from, to } in µs on the profile's clock (CLOCK_MONOTONIC), optional
 * @param requests requests answered in the window (for µs per request), optional
 */
function summarise(profile, { window, requests } = {}) {
  const byId = new Map(profile.nodes.map((n) => [n.id, n]));
  const parent = new Map();
  for (const n of profile.nodes) for (const c of n.children ?? []) parent.set(c, n.id);

  // Sample i was taken at startTime + sum(timeDeltas[0..i]); its weight is the gap to the next one.
  const weight = new Map();
  let t = profile.startTime;
  for (let i = 0; i < profile.samples.length; i++) {
    t += profile.timeDeltas[i] ?? 0;
    const next = i + 1 < profile.samples.length ? (profile.timeDeltas[i + 1] ?? 0) : 0;
    if (window && (t < window.from || t > window.to)) continue;
    const id = profile.samples[i];
    weight.set(id, (weight.get(id) ?? 0) + next);
  }

  const stackOf = (id) => {
    const frames = [];
    for (let cur = id; cur !== undefined; cur = parent.get(cur)) frames.push(byId.get(cur));
    return frames; // leaf first
  };

  let total = 0;
  let idle = 0;
  const selfFn = new Map();
  const selfPkg = new Map();
  const charged = new Map();
  const owned = new Map();
  const inclusive = new Map(INCLUSIVE.map(([name]) => [name, 0]));
  const folded = new Map();
  const add = (map, key, us) => map.set(key, (map.get(key) ?? 0) + us);

  for (const [id, us] of weight) {
    const stack = stackOf(id);
    const leaf = stack[0].callFrame;
    if (leaf.functionName === '(idle)') {
      idle += us;
      continue;
    }
    total += us;
    add(selfFn, frameLabel(leaf), us);
    const pkgs = stack.map((n) => packageOf(n.callFrame.url));
    const leafPkg = SPECIAL.has(leaf.functionName) ? leaf.functionName : pkgs[0] || 'native';
    add(selfPkg, leafPkg, us);
    // Charged: the first frame from the leaf up that belongs to a package other than node core.
    let owner = SPECIAL.has(leaf.functionName) ? leaf.functionName : undefined;
    if (!owner) {
      const k = pkgs.findIndex((p) => p !== '' && p !== 'node core');
      owner = k >= 0 ? pkgs[k] : pkgs.some((p) => p === 'node core') ? 'node core (no package on the stack)' : 'native';
    }
    add(charged, owner, us);
    let owner2;
    if (SPECIAL.has(leaf.functionName)) owner2 = leaf.functionName;
    for (let i = 0; !owner2 && i < stack.length; i++) owner2 = OWNERS.find(([, matches]) => matches(stack[i].callFrame, pkgs[i]))?.[0];
    add(owned, owner2 ?? (pkgs.includes('node core') ? 'node http server and event loop (no owner on the stack)' : 'native, no owner on the stack'), us);
    for (const [name, matches] of INCLUSIVE) {
      if (stack.some((n, i) => matches(n.callFrame, pkgs[i]))) add(inclusive, name, us);
    }
    const labels = stack
      .filter((n) => n.callFrame.functionName !== '(root)')
      .map((n) => frameLabel(n.callFrame).replace(/;/g, ','))
      .reverse();
    add(folded, labels.join(';'), us);
  }

  const sorted = (map) => [...map.entries()].filter(([, us]) => us > 0).sort((a, b) => b[1] - a[1]);
  return { total, idle, requests, selfFn: sorted(selfFn), selfPkg: sorted(selfPkg), charged: sorted(charged), owned: sorted(owned), inclusive: sorted(inclusive), folded };
}

/** Collapsed-stack text (one "root;...;leaf µs" line per distinct stack). */
function foldedText(summary) {
  return [...summary.folded.entries()].map(([stack, us]) => `${stack} ${Math.round(us)}`).join('\n') + '\n';
}

/**
 * Time in stacks through a frame whose label contains `pattern`, by the caller `depth` frames above
 * its innermost occurrence (e.g. which store's SQL the native statement time belongs to).
 */
function callersOf(summary, pattern, depth = 1) {
  const by = new Map();
  for (const [stack, us] of summary.folded) {
    const frames = stack.split(';');
    let k = -1;
    for (let i = frames.length - 1; i >= 0 && k < 0; i--) if (frames[i].includes(pattern)) k = i;
    if (k < 0) continue;
    const caller = frames.slice(Math.max(0, k - depth), k).join(' < ') || '(top)';
    by.set(caller, (by.get(caller) ?? 0) + us);
  }
  return [...by.entries()].sort((a, b) => b[1] - a[1]);
}

function formatSummary(summary, { top = 25, title = '' } = {}) {
  const { total, requests } = summary;
  const perReq = (us) => (requests ? `${(us / requests).toFixed(1).padStart(7)} µs/req` : '');
  const row = ([label, us]) => `${((100 * us) / total).toFixed(1).padStart(6)} %  ${perReq(us)}  ${label}`;
  const lines = [];
  if (title) lines.push(`## ${title}`);
  lines.push(
    `busy ${(total / 1000).toFixed(0)} ms, idle ${(summary.idle / 1000).toFixed(0)} ms` +
      (requests ? `, ${requests} requests: ${(total / requests).toFixed(1)} µs busy per request` : ''),
  );
  lines.push('', '### self time by package (where the CPU was)', ...summary.selfPkg.slice(0, top).map(row));
  lines.push('', '### charged by package (node core and native time charged to the calling package)', ...summary.charged.slice(0, top).map(row));
  lines.push('', '### by owner (innermost middleware/guard/pipe/library on the stack; sums to 100 %)', ...summary.owned.map(row));
  lines.push('', '### inclusive, any caller (overlapping)', ...summary.inclusive.map(row));
  lines.push('', '### self time by function', ...summary.selfFn.slice(0, top).map(row));
  return lines.join('\n') + '\n';
}

module.exports = { load, summarise, formatSummary, foldedText, callersOf, packageOf, OWNERS, INCLUSIVE };

if (require.main === module) {
  const args = process.argv.slice(2);
  const foldedAt = args.indexOf('--folded');
  const foldedOut = foldedAt >= 0 ? args.splice(foldedAt, 2)[1] : null;
  const windowAt = args.indexOf('--window');
  const window = windowAt >= 0 ? args.splice(windowAt, 2)[1].split(',').map(Number) : null;
  const requestsAt = args.indexOf('--requests');
  const requests = requestsAt >= 0 ? Number(args.splice(requestsAt, 2)[1]) : undefined;
  const callersAt = args.indexOf('--callers');
  const callers = callersAt >= 0 ? args.splice(callersAt, 2)[1] : null;
  const [file, topArg] = args;
  if (!file) {
    process.stderr.write('usage: summarise.js <file.cpuprofile> [top N] [--folded out.txt]\n');
    process.exit(2);
  }
  const summary = summarise(load(file), { window: window && { from: window[0], to: window[1] }, requests });
  process.stdout.write(formatSummary(summary, { top: Number(topArg ?? 25), title: path.basename(file) }));
  if (foldedOut) fs.writeFileSync(foldedOut, foldedText(summary));
  if (callers) {
    process.stdout.write(`\n### callers of "${callers}"\n`);
    for (const [caller, us] of callersOf(summary, callers, 2).slice(0, 15)) process.stdout.write(`${((100 * us) / summary.total).toFixed(1).padStart(6)} %  ${caller}\n`);
  }
}
