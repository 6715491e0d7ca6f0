#!/usr/bin/env node
'use strict';
/*
 * Issue 18's measurement in one run on this machine: a bare node:http server (bare-server.js) beside
 * the built API's GET /health/live, GET /v1/serials/status?serial=<random held block> and
 * POST /v1/retirements (a distinct 10-serial piece of a held block each), each as a ratio to bare.
 *
 * 1. Migrates a temporary SQLite ledger through the API, creates a provider and its key, seeds
 *    PROFILE_BLOCKS blocks with the bench's seeder (scripts/bench/lib/seed.js: half held, half retired).
 * 2. Throughput: the API (no profiler) and the bare server run side by side; autocannon (programmatic,
 *    PROFILE_CONNECTIONS connections) loads them in short alternating rounds (bare, health, status,
 *    retire, bare, ...), so the shared machine's drifts fall on all alike, the APIs paused during bare's
 *    rounds (SIGSTOP: an API renders PDFs after its retirement rounds). req/s over all rounds;
 *    latency percentiles from every response's own time (autocannon's histogram is whole ms);
 *    server CPU per request from /proc.
 * 3. Profiles: per route, a fresh process under --cpu-prof; only the samples within the load window
 *    are summarised (summarise.js): by package, by component (guards, pipes, middleware), by
 *    function; plus folded stacks for a flame graph (speedscope, flamegraph.pl, inferno).
 *
 * Environment: PROFILE_BLOCKS (default 1000000), PROFILE_ROUNDS (6), PROFILE_ROUND_SECONDS (3),
 * PROFILE_WARMUP_SECONDS (2), PROFILE_CONNECTIONS (10), PROFILE_ROUTES (bare,health,status,retire),
 * PROFILE_CPU_SECONDS (8; 0 = no profiles), PROFILE_CPU_INTERVAL_US (500),
 * PROFILE_API_ENV / PROFILE_VARIANT_ENV ('K=V,K=V': extra environment for the API; for a second API
 * measured in the same rounds as "<route>@variant", a before/after in one run), PROFILE_VARIANT_OWN_LEDGER=1
 * (the variant on its own copy of the seeded ledger; each API paused while the other is measured), PROFILE_KEEP_DB=1 (keep the seeded ledger), PROFILE_OUT (directory for report.md, results.json, *.cpuprofile, *.folded.txt; default a temp dir).
 * Needs `npm run build` first.
 */
const fs = require('node:fs');
const os = require('node:os');
const path = require('node:path');
const autocannon = require('autocannon');
const Database = require('better-sqlite3');
const { seed, Layout, BLOCK_SIZE } = require('../bench/lib/seed');
const { BENCH_RATE_LIMIT } = require('../bench/lib/api-process');
const { startApi, startBare, ADMIN_API_KEY, DOMAIN_SERIALS } = require('./processes');
const { statusFloor } = require('./status-floor');
const { load, summarise, formatSummary, foldedText, callersOf } = require('./summarise');

const env = (name, fallback) => (process.env[name] !== undefined && process.env[name] !== '' ? process.env[name] : fallback);
const BLOCKS = Number(env('PROFILE_BLOCKS', 1_000_000));
const ROUNDS = Number(env('PROFILE_ROUNDS', 6));
const ROUND_SECONDS = Number(env('PROFILE_ROUND_SECONDS', 3));
const WARMUP_SECONDS = Number(env('PROFILE_WARMUP_SECONDS', 2));
const CONNECTIONS = Number(env('PROFILE_CONNECTIONS', 10));
const BASE_ROUTES = env('PROFILE_ROUTES', 'bare,health,status,retire').split(',').map((s) => s.trim());
const CPU_SECONDS = Number(env('PROFILE_CPU_SECONDS', 8));
const CPU_INTERVAL = Number(env('PROFILE_CPU_INTERVAL_US', 500));
const OUT = process.env.PROFILE_OUT ? path.resolve(process.env.PROFILE_OUT) : fs.mkdtempSync(path.join(os.tmpdir(), 'registry-profile-'));
const BLOCKS_PER_NAMESPACE = 1_000;
const envList = (name) =>
  Object.fromEntries(
    env(name, '')
      .split(',')
      .filter(Boolean)
      .map((kv) => [kv.slice(0, kv.indexOf('=')), kv.slice(kv.indexOf('=') + 1)]),
  );
// PROFILE_API_ENV='RATE_LIMIT_PER_MINUTE=0,LOG_LEVEL=info': extra environment for the measured API processes.
const API_ENV = envList('PROFILE_API_ENV');
// PROFILE_VARIANT_ENV='NODE_OPTIONS=--max-semi-space-size=32': a second API process with this environment
// on top, measured in the same rounds as routes "<route>@variant" (before/after side by side).
const VARIANT_ENV = envList('PROFILE_VARIANT_ENV');
const HAS_VARIANT = Object.keys(VARIANT_ENV).length > 0;
// PROFILE_VARIANT_OWN_LEDGER=1: the variant runs on a copy of the seeded ledger, so that work one API
// leaves in its database (a WAL, a checkpoint) does not fall on the other; each is paused while the other is measured.
const OWN_VARIANT_LEDGER = process.env.PROFILE_VARIANT_OWN_LEDGER === '1';
const ROUTES = BASE_ROUTES.flatMap((r) => (HAS_VARIANT && r !== 'bare' ? [r, `${r}@variant`] : [r]));
const baseOf = (route) => route.replace(/@variant$/, '');
const isVariant = (route) => route.endsWith('@variant');
const apiEnvOf = (route) => (isVariant(route) ? { ...API_ENV, ...VARIANT_ENV } : API_ENV);
const RETIRE_PIECE = 10;

const log = (message) => process.stderr.write(`[profile ${new Date().toISOString().slice(11, 19)}] ${message}\n`);
const nowMicros = () => Number(process.hrtime.bigint() / 1000n);

const BASE_NAMES = {
  bare: 'bare node:http',
  health: 'GET /health/live',
  status: 'GET /v1/serials/status',
  retire: 'POST /v1/retirements',
};
const NAMES = new Proxy(BASE_NAMES, { get: (names, route) => `${names[baseOf(String(route))]}${isVariant(String(route)) ? ' (variant)' : ''}` });

async function call(base, method, urlPath, { token, body } = {}) {
  const res = await fetch(`${base}${urlPath}`, {
    method,
    headers: { ...(token ? { authorization: `Bearer ${token}` } : {}), ...(body ? { 'content-type': 'application/json' } : {}) },
    body: body ? JSON.stringify(body) : undefined,
  });
  const text = await res.text();
  return { status: res.status, json: text ? JSON.parse(text) : null };
}

async function expect(base, method, urlPath, status, options) {
  const res = await call(base, method, urlPath, options);
  if (res.status !== status) throw new Error(`${method} ${urlPath}: expected ${status}, got ${res.status} ${JSON.stringify(res.json).slice(0, 400)}`);
  return res.json;
}

/** A prime stride coprime with the held count: walks every held block once per lap, scattered. */
function strideFor(count) {
  for (const p of [7919, 7927, 7933, 7937]) if (count % p !== 0) return p;
  throw new Error('no stride');
}

function scenarios(layout, providerKey) {
  const stride = strideFor(layout.heldCount);
  const piecesPerBlock = Math.floor(BLOCK_SIZE / RETIRE_PIECE);
  let retired = 0;
  return {
    bare: { method: 'GET', next: () => ({ path: '/' }) },
    health: { method: 'GET', next: () => ({ path: '/health/live' }) },
    status: {
      method: 'GET',
      next() {
        const b = layout.heldBlock(Math.floor(Math.random() * layout.heldCount));
        return { path: `/v1/serials/status?serial=${encodeURIComponent(layout.serial(b.ns, b.start, b.end))}` };
      },
    },
    retire: {
      method: 'POST',
      headers: { authorization: `Bearer ${providerKey}`, 'content-type': 'application/json' },
      next() {
        const n = retired++;
        const piece = Math.floor(n / layout.heldCount);
        if (piece >= piecesPerBlock) throw new Error('ran out of held serials');
        const b = layout.heldBlock((n * stride) % layout.heldCount);
        const start = b.start + piece * RETIRE_PIECE;
        const serial = layout.serial(b.ns, start, start + RETIRE_PIECE - 1);
        return { path: '/v1/retirements', body: JSON.stringify({ serials: [serial], beneficiary: 'Profile Beneficiary K.K.', purpose: 'profile' }) };
      },
    },
  };
}

/** One autocannon run; every response's own latency (ms, fractional) is kept. */
function load1(server, scenario, seconds) {
  const latencies = [];
  const failures = [];
  const options = {
    url: server.baseUrl,
    connections: CONNECTIONS,
    pipelining: 1,
    duration: seconds,
    timeout: 10,
    requests: [
      {
        method: scenario.method,
        headers: scenario.headers ?? {},
        setupRequest(request) {
          const next = scenario.next();
          request.path = next.path;
          if (next.body !== undefined) request.body = next.body;
          return request;
        },
        onResponse(status, body) {
          if ((status < 200 || status >= 300) && failures.length < 5) failures.push(`${status} ${String(body).slice(0, 300)}`);
        },
      },
    ],
  };
  return new Promise((resolve, reject) => {
    const cpuBefore = server.cpuMicros();
    const from = nowMicros();
    const instance = autocannon(options, (error, result) => {
      if (error) return reject(error);
      const to = nowMicros();
      const cpu = server.cpuMicros() - cpuBefore;
      latencies.sort((a, b) => a - b);
      const q = (p) => latencies[Math.min(latencies.length - 1, Math.floor(p * latencies.length))] ?? NaN;
      resolve({
        completed: result.requests.total,
        seconds: result.duration,
        requestsPerSecond: result.requests.total / result.duration,
        p50: q(0.5),
        p99: q(0.99),
        non2xx: result.non2xx,
        errors: result.errors + result.timeouts,
        cpuMicrosPerRequest: result.requests.total ? cpu / result.requests.total : NaN,
        window: { from, to },
        failures,
      });
    });
    instance.on('response', (_client, _status, _bytes, responseTime) => latencies.push(responseTime));
    instance.on('error', reject);
  });
}

const median = (values) => {
  const s = values.filter(Number.isFinite).sort((a, b) => a - b);
  if (s.length === 0) return NaN;
  const m = Math.floor(s.length / 2);
  return s.length % 2 ? s[m] : (s[m - 1] + s[m]) / 2;
};

function combine(rounds) {
  const completed = rounds.reduce((n, r) => n + r.completed, 0);
  const seconds = rounds.reduce((n, r) => n + r.seconds, 0);
  return {
    requestsPerSecond: completed / seconds,
    perRound: rounds.map((r) => r.requestsPerSecond),
    completed,
    p50: median(rounds.map((r) => r.p50)),
    p99: median(rounds.map((r) => r.p99)),
    p99Worst: Math.max(...rounds.map((r) => r.p99)),
    cpuMicrosPerRequest: rounds.reduce((n, r) => n + r.cpuMicrosPerRequest * r.completed, 0) / Math.max(1, completed),
    non2xx: rounds.reduce((n, r) => n + r.non2xx, 0),
    errors: rounds.reduce((n, r) => n + r.errors, 0),
    failures: rounds.flatMap((r) => r.failures).slice(0, 3),
  };
}

async function prepareLedger(dir) {
  const sqlitePath = path.join(dir, 'registry.sqlite');
  log(`migrating ${sqlitePath}`);
  const api = await startApi(sqlitePath);
  let key;
  let org;
  try {
    org = await expect(api.baseUrl, 'POST', '/v1/organizations', 201, { token: ADMIN_API_KEY, body: { name: 'Profile Provider', roles: ['provider'] } });
    key = await expect(api.baseUrl, 'POST', `/v1/organizations/${org.id}/api-keys`, 201, { token: ADMIN_API_KEY, body: { label: 'profile' } });
  } finally {
    await api.stop();
  }
  const db = new Database(sqlitePath, { readonly: true });
  const keyRow = db.prepare('SELECT id FROM api_keys WHERE organization_id = ?').get(org.id);
  db.close();
  const layout = new Layout({ namespaces: Math.max(1, Math.round(BLOCKS / BLOCKS_PER_NAMESPACE)), blocksPerNamespace: Math.min(BLOCKS, BLOCKS_PER_NAMESPACE) });
  log(`seeding ${layout.blockCount.toLocaleString('en-US')} blocks (${layout.heldCount.toLocaleString('en-US')} held)`);
  const { parseSerial } = require(DOMAIN_SERIALS);
  const seeded = seed(sqlitePath, layout, { providerId: org.id, apiKeyId: keyRow?.id ?? null, parseSerial });
  log(`seeded ${seeded.blocks} blocks, ${seeded.retirements} retirements in ${seeded.seconds.toFixed(1)} s`);
  return { sqlitePath, layout, providerKey: key.key, seeded };
}

async function sanityCheck(api, bare, scenarioOf) {
  const status = await expect(api.baseUrl, 'GET', scenarioOf.status.next().path, 200);
  if (status.segments?.[0]?.status !== 'held') throw new Error(`a seeded held block does not read as held: ${JSON.stringify(status)}`);
  await expect(bare.baseUrl, 'GET', '/', 200);
}

/** A copy of the seeded ledger for the variant (PROFILE_VARIANT_OWN_LEDGER=1), taken before either API opens it. */
function variantLedger(sqlitePath) {
  if (!OWN_VARIANT_LEDGER) return sqlitePath;
  const copy = sqlitePath.replace(/\.sqlite$/, '.variant.sqlite');
  for (const suffix of ['', '-wal']) if (fs.existsSync(sqlitePath + suffix)) fs.copyFileSync(sqlitePath + suffix, copy + suffix);
  return copy;
}

async function throughput(ledger, scenarioOf) {
  const variantPath = HAS_VARIANT ? variantLedger(ledger.sqlitePath) : null;
  const api = await startApi(ledger.sqlitePath, { env: API_ENV });
  const variant = HAS_VARIANT ? await startApi(variantPath, { env: { ...API_ENV, ...VARIANT_ENV } }) : null;
  const bare = await startBare();
  const serverOf = (route) => (route === 'bare' ? bare : isVariant(route) ? variant : api);
  // The APIs are paused while bare is measured: an API keeps rendering PDFs after its retirement rounds.
  // While the other API is measured only when each has its own ledger: with one SQLite file between them,
  // one stopped inside a write would hold the write lock against the other.
  const load1Alone = async (route, seconds) => {
    const measured = serverOf(route);
    const paused = [api, variant].filter((server) => server && server !== measured && (route === 'bare' || OWN_VARIANT_LEDGER));
    for (const server of paused) server.pause();
    try {
      return await load1(measured, scenarioOf[baseOf(route)], seconds);
    } finally {
      for (const server of paused) server.resume();
    }
  };
  const rounds = Object.fromEntries(ROUTES.map((r) => [r, []]));
  try {
    await sanityCheck(api, bare, scenarioOf);
    for (const route of ROUTES) {
      log(`warm-up ${route}`);
      await load1Alone(route, WARMUP_SECONDS);
    }
    for (let round = 1; round <= ROUNDS; round++) {
      for (const route of ROUTES) {
        const r = await load1Alone(route, ROUND_SECONDS);
        rounds[route].push(r);
        log(`round ${round}/${ROUNDS} ${route}: ${Math.round(r.requestsPerSecond)} req/s, p50 ${r.p50.toFixed(2)} ms, p99 ${r.p99.toFixed(2)} ms, ${r.cpuMicrosPerRequest.toFixed(0)} µs CPU/req`);
      }
    }
  } finally {
    await api.stop();
    await variant?.stop();
    await bare.stop();
  }
  const combined = Object.fromEntries(ROUTES.map((r) => [r, combine(rounds[r])]));
  // Per-round ratios to the bare round just before (same minute of the machine's load).
  if (rounds.bare) {
    for (const route of ROUTES) {
      combined[route].roundRatios = rounds[route].map((r, i) => r.requestsPerSecond / rounds.bare[i].requestsPerSecond);
    }
  }
  for (const route of ROUTES.filter(isVariant)) {
    combined[route].roundRatiosToBase = rounds[route].map((r, i) => r.requestsPerSecond / rounds[baseOf(route)][i].requestsPerSecond);
  }
  return combined;
}

/**
 * --cpu-prof writes one file per thread (CPU.<date>.<time>.<pid>.<thread>.<seq>.cpuprofile); the
 * API's thread 0 serves HTTP, the others are its worker threads (e.g. the SQLite checkpointer).
 */
function newProfiles(dir, before, route) {
  const files = fs.readdirSync(dir).filter((f) => f.endsWith('.cpuprofile') && !before.has(f));
  const thread = (f) => Number(f.split('.')[4]);
  const main = files.filter((f) => thread(f) === 0);
  if (main.length !== 1) throw new Error(`expected the main thread's .cpuprofile in ${dir}, found ${files.join(', ') || 'none'}`);
  for (const f of files.filter((f) => thread(f) !== 0)) fs.renameSync(path.join(dir, f), path.join(dir, `${route}.thread-${thread(f)}.cpuprofile`));
  const named = path.join(dir, `${route}.cpuprofile`);
  fs.renameSync(path.join(dir, main[0]), named);
  return named;
}

async function profiles(ledger, scenarioOf) {
  const dir = path.join(OUT, 'cpuprofiles');
  fs.mkdirSync(dir, { recursive: true });
  const results = {};
  for (const route of ROUTES) {
    const before = new Set(fs.readdirSync(dir));
    const server = route === 'bare' ? await startBare({ cpuProfDir: dir, intervalMicros: CPU_INTERVAL }) : await startApi(ledger.sqlitePath, { cpuProfDir: dir, intervalMicros: CPU_INTERVAL, env: apiEnvOf(route) });
    let run;
    try {
      log(`profiling ${route}: warm-up ${WARMUP_SECONDS} s, then ${CPU_SECONDS} s`);
      await load1(server, scenarioOf[baseOf(route)], WARMUP_SECONDS);
      run = await load1(server, scenarioOf[baseOf(route)], CPU_SECONDS);
    } finally {
      await server.stop();
    }
    const named = newProfiles(dir, before, route);
    const summary = summarise(load(named), { window: run.window, requests: run.completed });
    fs.writeFileSync(path.join(OUT, `${route}.folded.txt`), foldedText(summary));
    const sql = callersOf(summary, 'sql.js', 2);
    const text =
      formatSummary(summary, { top: 30, title: `${NAMES[route]}: ${Math.round(run.requestsPerSecond)} req/s under the profiler (interval ${CPU_INTERVAL} µs)` }) +
      (sql.length ? `\n### SQL (stacks through libs/persistence sql.js) by calling store\n${sql.slice(0, 15).map(([c, us]) => `${((100 * us) / summary.total).toFixed(1).padStart(6)} %  ${(us / run.completed).toFixed(1).padStart(7)} µs/req  ${c}`).join('\n')}\n` : '');
    fs.writeFileSync(path.join(OUT, `${route}.summary.md`), text);
    results[route] = { requestsPerSecond: run.requestsPerSecond, requests: run.completed, window: run.window, busyMicrosPerRequest: summary.total / run.completed, cpuMicrosPerRequest: run.cpuMicrosPerRequest, summary };
    log(`${route}: ${named}, ${route}.folded.txt, ${route}.summary.md`);
  }
  return results;
}

const f0 = (n) => (Number.isFinite(n) ? Math.round(n).toLocaleString('en-US') : 'n/a');
const f2 = (n) => (Number.isFinite(n) ? n.toFixed(2) : 'n/a');

function report({ combined, profiled, ledger, started, loadBefore, floor }) {
  const lines = [];
  lines.push(`# Profile run ${started.toISOString()}`, '');
  lines.push(`Node ${process.version} · ${os.cpus().length} cores (${os.cpus()[0]?.model ?? '?'}) · load average before ${loadBefore}, after ${os.loadavg().map(f2).join(' ')}`);
  lines.push(`Ledger: ${f0(ledger.seeded.blocks)} blocks (${f0(ledger.layout.heldCount)} held) seeded in ${ledger.seeded.seconds.toFixed(1)} s · autocannon ${CONNECTIONS} connections, ${ROUNDS} × ${ROUND_SECONDS} s alternating rounds per route after ${WARMUP_SECONDS} s warm-up · API: LOG_LEVEL=warn, RATE_LIMIT_PER_MINUTE=${BENCH_RATE_LIMIT}${Object.keys(API_ENV).length ? `, overridden by ${JSON.stringify(API_ENV)}` : ''}; client and servers share the machine`, '');
  const bare = combined.bare;
  lines.push('| Route | req/s | ÷ bare | per-round ÷ bare (median, min–max) | p50 ms | p99 ms (worst round) | server CPU µs/req | CPU ÷ bare | non-2xx / errors |');
  lines.push('|---|---:|---:|---:|---:|---:|---:|---:|---:|');
  for (const [route, c] of Object.entries(combined)) {
    const ratio = bare ? c.requestsPerSecond / bare.requestsPerSecond : NaN;
    const rr = c.roundRatios ?? [];
    lines.push(
      `| ${NAMES[route]} | ${f0(c.requestsPerSecond)} | ${f2(ratio)} | ${f2(median(rr))} (${f2(Math.min(...rr))}–${f2(Math.max(...rr))}) | ${f2(c.p50)} | ${f2(c.p99)} (${f2(c.p99Worst)}) | ${f0(c.cpuMicrosPerRequest)} | ${bare ? f2(c.cpuMicrosPerRequest / bare.cpuMicrosPerRequest) : 'n/a'} | ${c.non2xx} / ${c.errors} |`,
    );
  }
  lines.push('');
  for (const [route, c] of Object.entries(combined)) if (c.failures.length) lines.push(`- ${route} failures: ${c.failures.join(' | ')}`);
  for (const route of ROUTES.filter(isVariant)) {
    const c = combined[route];
    const base = combined[baseOf(route)];
    const rr = c.roundRatiosToBase;
    lines.push(
      `- variant ÷ base, ${NAMES[baseOf(route)]}: req/s ${f2(c.requestsPerSecond / base.requestsPerSecond)} (per round median ${f2(median(rr))}, ${f2(Math.min(...rr))}–${f2(Math.max(...rr))}), CPU µs/req ${f2(c.cpuMicrosPerRequest / base.cpuMicrosPerRequest)}, p99 ${f2(c.p99 / base.p99)}`,
    );
  }
  if (HAS_VARIANT) lines.push(`  (variant environment: ${JSON.stringify(VARIANT_ENV)})`, '');
  lines.push(
    `Status floor (SerialStatusQuery.execute in-process on the same ledger, no HTTP, after the rounds): ${f2(floor.microsPerLookup)} µs per lookup, of which SQL statements ${f2(floor.sqlMicrosPerLookup)} µs; JSON.stringify of the answer ${f2(floor.stringifyMicros)} µs (${f0(floor.lookups)} lookups).`,
  );
  if (profiled) {
    lines.push('', '## CPU profiles (load window only)', '');
    lines.push('| Route | req/s under profiler | busy µs/req (profile) | CPU µs/req (/proc) |', '|---|---:|---:|---:|');
    for (const [route, p] of Object.entries(profiled)) lines.push(`| ${NAMES[route]} | ${f0(p.requestsPerSecond)} | ${f0(p.busyMicrosPerRequest)} | ${f0(p.cpuMicrosPerRequest)} |`);
    lines.push('');
    for (const [route, p] of Object.entries(profiled)) {
      lines.push(formatSummary(p.summary, { top: 20, title: `${NAMES[route]} (${f0(p.requests)} requests)` }));
    }
  }
  return lines.join('\n') + '\n';
}

async function main() {
  const started = new Date();
  const loadBefore = os.loadavg().map(f2).join(' ');
  fs.mkdirSync(OUT, { recursive: true });
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'registry-profile-db-'));
  try {
    const ledger = await prepareLedger(dir);
    const scenarioOf = scenarios(ledger.layout, ledger.providerKey);
    const combined = ROUNDS > 0 ? await throughput(ledger, scenarioOf) : {};
    log('status floor: SerialStatusQuery in-process, no HTTP');
    const statusPath = () => decodeURIComponent(scenarioOf.status.next().path.split('serial=')[1]);
    const floor = await statusFloor(ledger.sqlitePath, statusPath, { seconds: 3 });
    log(`status floor: ${floor.microsPerLookup.toFixed(1)} µs per lookup (SQL ${floor.sqlMicrosPerLookup.toFixed(1)} µs, JSON.stringify ${floor.stringifyMicros.toFixed(1)} µs)`);
    const profiled = CPU_SECONDS > 0 ? await profiles(ledger, scenarioOf) : null;
    const text = report({ combined, profiled, ledger, started, loadBefore, floor });
    fs.writeFileSync(path.join(OUT, 'report.md'), text);
    const json = { started, combined, floor, profiled: profiled && Object.fromEntries(Object.entries(profiled).map(([k, v]) => [k, { ...v, summary: { ...v.summary, folded: undefined } }])) };
    fs.writeFileSync(path.join(OUT, 'results.json'), JSON.stringify(json, null, 2));
    process.stdout.write(text);
    log(`written to ${OUT}`);
  } finally {
    if (process.env.PROFILE_KEEP_DB === '1') log(`kept ${dir}`);
    else fs.rmSync(dir, { recursive: true, force: true });
  }
}

main().catch((error) => {
  process.stderr.write(`${error.stack ?? error}\n`);
  process.exit(1);
});
