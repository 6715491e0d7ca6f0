#!/usr/bin/env node
'use strict';
/*
 * Benchmark harness (see issue): serial parsing, then for each ledger size an API process on a
 * seeded SQLite file, loaded with autocannon: GET /health/live (baseline), GET /v1/serials/status
 * (random blocks), POST /v1/retirements (each request consumes a distinct holding).
 * Prints a Markdown report to stdout and writes it to bench-results.md; exits non-zero only when
 * the harness itself fails, never for a missed target.
 *
 * Environment: BENCH_DURATION (s, default 10), BENCH_WARMUP (s, default 2), BENCH_CONNECTIONS
 * (default 10), BENCH_DATASETS (comma list of dataset ids, default all), BENCH_KEEP_DB=1 (keep the
 * SQLite files and print where), BENCH_SHARE_MACHINE=1 (the other ledgers' APIs keep running while
 * one is measured; by default they are paused), BENCH_ROUNDS (default 3), BENCH_SCENARIOS (comma list of
 * parse, bare, health, lookup, retire, floor, pdf, import, reconcile; default all; bare: lib/bare.js, every HTTP scenario as a ratio to a bare node:http server in the same rounds; floor: a retirement without HTTP (scripts/profile/retire-floor.js); reconcile: lib/reconcile.js, BENCH_RECONCILE_ROWS), BENCH_CPU_PROF=<dir> (CPU-profile the API and
 * worker processes), BENCH_OUT (report file, default bench-results.md in the repository).
 *
 * The pdf scenario (lib/pdf.js) needs Redis: BENCH_REDIS_URL (default redis://127.0.0.1:6379; a
 * private key prefix, removed afterwards). It runs on the baseline ledger (10k) with the API and
 * the worker app sharing the SQLite file: BENCH_PDF_COUNT (PDFs per throughput round, default 100),
 * BENCH_PDF_CONCURRENCY (WORKER_CONCURRENCY values to compare, default 1,2), BENCH_PDF_RATE
 * (offered retirements/s while latency is measured, default 100; 0 = as fast as they go),
 * BENCH_PDF_WORKER_CONCURRENCY (the worker's concurrency during the latency rounds, default 4),
 * BENCH_PDF_LATENCY_ROUNDS (default 40) × BENCH_PDF_LATENCY_SECONDS (default 3) per phase: short
 * alternating rounds, so that the machine's own slow drifts fall on both phases alike, and a paired
 * bootstrap over the rounds (lib/bootstrap.js) gives how far the ratios could move by chance;
 * BENCH_PDF_NOISE_CHECK=1: the worker stays idle in both phases (the noise floor of the ratios);
 * BENCH_PDF_SAMPLES_OUT=<file>: every latency round's samples as JSON, for pdf-latency-pool.js.
 * Alone: BENCH_SCENARIOS=pdf node scripts/bench/run-all.js
 *
 * The cluster scenario (lib/cluster.js, issue 17): PostgreSQL with 1, 2 and 4 API processes beside SQLite
 * with one, the configurations taking turns round by round (BENCH_ROUNDS × BENCH_CLUSTER_SECONDS, default
 * 5 s, lookups then retirements in each turn), merge delay measured during the retirement rounds.
 * A fresh database bench_<random> on BENCH_PG_URL (default postgres://postgres@127.0.0.1:5432/test's
 * server), dropped afterwards; Redis at BENCH_REDIS_URL (PDF jobs wait there, no worker).
 * BENCH_CLUSTER_NAMESPACES × BENCH_CLUSTER_BLOCKS (default 100 × 1,000 blocks), BENCH_CLUSTER_PROCESSES
 * (default 1,2,4). Alone: BENCH_SCENARIOS=cluster.
 *
 * The import scenario (lib/holdings-import.js): BENCH_IMPORT_ROWS (default 1,000,000) rows of a holdings
 * statement imported by the CLI into a fresh SQLite ledger, then again. Alone: BENCH_SCENARIOS=import.
 */
const fs = require('node:fs');
const os = require('node:os');
const path = require('node:path');
const { execFile } = require('node:child_process');
const Database = require('better-sqlite3');
const { startApi, startBare, verifyLedger, distFile, DOMAIN_SERIALS_REL, ADMIN_API_KEY, REPO, BENCH_RATE_LIMIT } = require('./lib/api-process');
const { BARE_SCENARIO, bareReport, bareTargets } = require('./lib/bare');
const { seed, Layout, STRIDE, BLOCK_SIZE } = require('./lib/seed');
const { measure } = require('./lib/load');
const { measurePdf, redisEnvironment } = require('./lib/pdf');
const { measureReconcile, reconcileReport } = require('./lib/reconcile');
const { pairedRatioInterval } = require('./lib/bootstrap');
const { reportedQuantile } = require('./lib/percentiles');
const { measureHoldingsImport, importReport, importTargets } = require('./lib/holdings-import');
const { prepareCluster, measureCluster, verifyCluster, cleanupCluster } = require('./lib/cluster');
const { quantile } = require('./lib/percentiles');

const DURATION = Number(process.env.BENCH_DURATION ?? 12);
const ROUNDS = Math.max(1, Number(process.env.BENCH_ROUNDS ?? 3));
const WARMUP = Number(process.env.BENCH_WARMUP ?? 2);
const CONNECTIONS = Number(process.env.BENCH_CONNECTIONS ?? 10);
const KEEP_DB = process.env.BENCH_KEEP_DB === '1';
const SCENARIOS = (process.env.BENCH_SCENARIOS ?? 'parse,bare,health,lookup,retire,floor,pdf,import,reconcile').split(',').map((s) => s.trim());
const HTTP_SCENARIOS = SCENARIOS.filter((s) => ['health', 'lookup', 'retire'].includes(s));
// BENCH_SHARE_MACHINE=1: the other ledgers' API processes keep running while one is measured (as before
// 2026-12-02), for a before/after of the isolation in one hour.
const SHARE_MACHINE = process.env.BENCH_SHARE_MACHINE === '1';
const REDIS_URL = process.env.BENCH_REDIS_URL || 'redis://127.0.0.1:6379';
const PDF = {
  count: Math.max(1, Number(process.env.BENCH_PDF_COUNT ?? 100)),
  concurrencies: (process.env.BENCH_PDF_CONCURRENCY ?? '1,2').split(',').map(Number).filter((n) => n >= 1),
  rate: Number(process.env.BENCH_PDF_RATE ?? 100),
  latencyConcurrency: Number(process.env.BENCH_PDF_WORKER_CONCURRENCY ?? 4),
  latencyRounds: Math.max(1, Number(process.env.BENCH_PDF_LATENCY_ROUNDS ?? 40)),
  latencySeconds: Number(process.env.BENCH_PDF_LATENCY_SECONDS ?? 3),
  noiseCheck: process.env.BENCH_PDF_NOISE_CHECK === '1',
  samplesOut: process.env.BENCH_PDF_SAMPLES_OUT ? path.resolve(process.env.BENCH_PDF_SAMPLES_OUT) : null,
};
const OUT = process.env.BENCH_OUT ? path.resolve(process.env.BENCH_OUT) : null;
const IMPORT_ROWS = Math.max(1, Number(process.env.BENCH_IMPORT_ROWS ?? 1_000_000));
const CLUSTER = {
  pgUrl: process.env.BENCH_PG_URL || 'postgres://postgres@127.0.0.1:5432/test',
  namespaces: Math.max(1, Number(process.env.BENCH_CLUSTER_NAMESPACES ?? 100)),
  blocksPerNamespace: Math.max(2, Number(process.env.BENCH_CLUSTER_BLOCKS ?? 1_000)),
  processes: (process.env.BENCH_CLUSTER_PROCESSES ?? '1,2,4').split(',').map(Number).filter((n) => n >= 1),
  seconds: Number(process.env.BENCH_CLUSTER_SECONDS ?? 5),
};

const DATASETS = [
  { id: '10k', title: '10,000 blocks (10 namespaces × 1,000)', namespaces: 10, blocksPerNamespace: 1_000, baseline: true },
  { id: '1M', title: '1,000,000 blocks (1,000 namespaces × 1,000)', namespaces: 1_000, blocksPerNamespace: 1_000 },
  { id: '1M-1ns', title: '1,000,000 blocks in one namespace', namespaces: 1, blocksPerNamespace: 1_000_000 },
];

const TARGETS = {
  lookupVsHealth: 0.5,
  lookupP99Ms: 20,
  retirementsPerSecond: 500,
  costRatio: 1.5,
  parsesPerSecond: 500_000,
  // "retirement latency does not grow when PDFs are rendered in the worker": rendering ÷ idle.
  pdfP50Ratio: 1.25,
  pdfP99Ratio: 1.5,
  // issue 17: PostgreSQL with two processes against SQLite with one; two processes against one; merge delay.
  clusterVsSqlite: 0.8,
  clusterScaling: 1.5,
  mergeDelayP99Ms: 1000,
};
const PARSE_TARGET_CASES = new Set(['jcredit', 'kyoto-full', 'kyoto-compact', 'jcredit-full-width']);
const RETIRE_PIECE = 10; // serials per retirement request
const STEP_PRIME = 7919; // walks held blocks in a scattered order (coprime with every held count used)

const log = (message) => process.stderr.write(`[bench ${new Date().toISOString().slice(11, 19)}] ${message}\n`);

async function http(api, method, urlPath, { token, body } = {}) {
  const res = await fetch(`${api.baseUrl}${urlPath}`, {
    method,
    headers: { ...(token ? { authorization: `Bearer ${token}` } : {}), ...(body ? { 'content-type': 'application/json' } : {}) },
    body: body ? JSON.stringify(body) : undefined,
  });
  const text = await res.text();
  let json;
  try {
    json = JSON.parse(text);
  } catch {
    json = text;
  }
  return { status: res.status, json };
}

async function expectStatus(api, method, urlPath, expected, options) {
  const res = await http(api, method, urlPath, options);
  if (res.status !== expected) throw new Error(`${method} ${urlPath}: expected ${expected}, got ${res.status} ${JSON.stringify(res.json).slice(0, 500)}`);
  return res.json;
}

/**
 * A retirement without HTTP (scripts/profile/retire-floor.js: the use case on the unit of work with
 * group commit, 10 callers in one process, retiring from blocks all over a ledger): how many one thread
 * can do when it spends nothing on HTTP, beside what the API does over HTTP.
 */
function runRetireFloor() {
  const env = { ...process.env, RETIRE_FLOOR_VARIANTS: 'grouped', RETIRE_FLOOR_JSON: '1', RETIRE_FLOOR_SPREAD: '5000', RETIRE_FLOOR_ROUNDS: String(ROUNDS) };
  return new Promise((resolve, reject) => {
    execFile(process.execPath, [path.join(REPO, 'scripts/profile/retire-floor.js')], { cwd: REPO, env, maxBuffer: 1 << 20 }, (error, stdout, stderr) => {
      if (error) return reject(new Error(`retirement floor failed: ${stderr || error.message}`));
      resolve(JSON.parse(stdout.trim().split('\n').pop())[0]);
    });
  });
}

function runParseBench() {
  return new Promise((resolve, reject) => {
    execFile(process.execPath, [path.join(__dirname, 'lib/parse-bench.js')], { cwd: REPO, maxBuffer: 1 << 20 }, (error, stdout, stderr) => {
      if (error) return reject(new Error(`serial parse bench failed: ${stderr || error.message}`));
      resolve(JSON.parse(stdout.trim().split('\n').pop()));
    });
  });
}

/** Lookups: a random block, exactly; one in four also spans the gap and the next block. */
function lookupScenario(layout) {
  return {
    method: 'GET',
    nextRequest() {
      const b = Math.floor(Math.random() * layout.blockCount);
      const block = layout.block(b);
      const spans = Math.random() < 0.25 && block.j + 1 < layout.blocksPerNamespace;
      const end = spans ? block.end + STRIDE : block.end;
      return { path: `/v1/serials/status?serial=${encodeURIComponent(layout.serial(block.ns, block.start, end))}` };
    },
  };
}

/** Retirements: request k consumes a distinct 10-serial piece of a held block of the provider. */
function retireScenario(layout, providerKey) {
  const piecesPerBlock = Math.floor(BLOCK_SIZE / RETIRE_PIECE);
  if (layout.heldCount % STEP_PRIME === 0) throw new Error('held block count must be coprime with STEP_PRIME');
  let k = 0;
  const scenario = {
    method: 'POST',
    headers: { authorization: `Bearer ${providerKey}`, 'content-type': 'application/json' },
    nextRequest() {
      const n = k++;
      const piece = Math.floor(n / layout.heldCount);
      if (piece >= piecesPerBlock) throw new Error('ran out of held serials to retire');
      const block = layout.heldBlock((n * STEP_PRIME) % layout.heldCount);
      const start = block.start + piece * RETIRE_PIECE;
      const serial = layout.serial(block.ns, start, start + RETIRE_PIECE - 1);
      return { path: '/v1/retirements', body: JSON.stringify({ serials: [serial], beneficiary: 'Bench Beneficiary K.K.', purpose: 'benchmark' }) };
    },
    get issued() {
      return k;
    },
  };
  return scenario;
}

/** The seed reads back as the app sees it: held, retired and unknown segments. */
async function sanityCheck(api, layout) {
  const held = layout.block(0);
  const retired = layout.block(1);
  const last = layout.block(layout.blockCount - 1);
  const status = (serial) => expectStatus(api, 'GET', `/v1/serials/status?serial=${encodeURIComponent(serial)}`, 200);
  const a = await status(layout.serial(held.ns, held.start, retired.end));
  const kinds = a.segments.map((s) => s.status).join(',');
  if (kinds !== 'held,unknown,retired' || !a.segments[2].retirementId) throw new Error(`unexpected status of a seeded range: ${JSON.stringify(a)}`);
  const b = await status(layout.serial(last.ns, last.start, last.end));
  if (b.segments.length !== 1 || b.segments[0].status !== (last.held ? 'held' : 'retired')) throw new Error(`unexpected status of the last block: ${JSON.stringify(b)}`);
}

/** Migrates, seeds and starts the API for one dataset; the caller stops it (`teardown`). */
async function prepareDataset(dataset, { env = {} } = {}) {
  const layout = new Layout(dataset);
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), `registry-bench-${dataset.id}-`));
  const sqlitePath = path.join(dir, 'registry.sqlite');
  const run = { dataset, layout, dir, sqlitePath, api: null, rounds: { health: [], lookup: [], retire: [] } };
  try {
    log(`${dataset.id}: migrating ${sqlitePath}`);
    run.api = await startApi(sqlitePath, { env });
    const org = await expectStatus(run.api, 'POST', '/v1/organizations', 201, { token: ADMIN_API_KEY, body: { name: `Bench Provider ${dataset.id}`, roles: ['provider'] } });
    const key = await expectStatus(run.api, 'POST', `/v1/organizations/${org.id}/api-keys`, 201, { token: ADMIN_API_KEY, body: { label: 'bench' } });
    await run.api.stop();
    run.api = null;
    const keysDb = new Database(sqlitePath, { readonly: true });
    const keyRow = keysDb.prepare('SELECT id FROM api_keys WHERE organization_id = ?').get(org.id);
    keysDb.close();

    log(`${dataset.id}: seeding ${layout.blockCount.toLocaleString('en-US')} blocks`);
    const { parseSerial } = require(await distFile(DOMAIN_SERIALS_REL));
    run.seed = seed(sqlitePath, layout, { providerId: org.id, apiKeyId: keyRow?.id ?? null, parseSerial });
    log(`${dataset.id}: seeded ${run.seed.blocks} blocks, ${run.seed.retirements} retirements in ${run.seed.seconds.toFixed(1)} s`);

    run.api = await startApi(sqlitePath, { env });
    await sanityCheck(run.api, layout);
    run.scenarioOf = {
      health: { method: 'GET', nextRequest: () => ({ path: '/health/live' }) },
      lookup: lookupScenario(layout),
      retire: retireScenario(layout, key.key),
    };
    run.providerKey = key.key;
    return run;
  } catch (error) {
    await teardown(run).catch(() => {});
    throw error;
  }
}

/** Stops the API, checks the ledger still verifies, removes the files. */
async function teardown(run, { verify = false } = {}) {
  try {
    if (run.api) await run.api.stop();
    run.api = null;
    if (verify) {
      const db = new Database(run.sqlitePath, { readonly: true });
      run.journalEntries = db.prepare('SELECT COUNT(*) AS n FROM journal_entries').get().n;
      db.close();
      run.verify = await verifyLedger(run.sqlitePath);
      log(`${run.dataset.id}: ledger verify ${JSON.stringify(run.verify)}; ${run.journalEntries} journal entries`);
      if (!run.verify.ok) throw new Error(`ledger verify failed on ${run.dataset.id}: ${JSON.stringify(run.verify)}`);
    }
  } finally {
    if (KEEP_DB) log(`${run.dataset.id}: kept ${run.sqlitePath}`);
    else fs.rmSync(run.dir, { recursive: true, force: true });
  }
}

/**
 * Every scenario runs ROUNDS times per dataset, the datasets taking turns (10k, 1M, 1M-1ns, 10k, ...),
 * so background load on the shared machine falls on all of them alike. Rounds are combined:
 * req/s = all completed ÷ all measured time, latency percentiles = median of the rounds'.
 */
async function measureAll(runs, bare) {
  const bareRounds = [];
  // Only the measured process runs: the other ledgers' APIs are paused for each round (see pause()).
  const alone = async (measured, work) => {
    if (!SHARE_MACHINE) for (const run of runs) if (run.api !== measured) run.api.pause();
    try {
      return await work();
    } finally {
      for (const run of runs) run.api.resume();
    }
  };
  if (bare) await alone(null, () => measure(bare, BARE_SCENARIO, { connections: CONNECTIONS, warmupSeconds: 0, durationSeconds: WARMUP }));
  for (const key of HTTP_SCENARIOS) {
    for (const run of runs) {
      log(`${run.dataset.id}: warm-up ${key}`);
      await alone(run.api, () => measure(run.api, run.scenarioOf[key], { connections: CONNECTIONS, warmupSeconds: 0, durationSeconds: WARMUP }));
    }
    for (let round = 1; round <= ROUNDS; round++) {
      for (const run of runs) {
        log(`${run.dataset.id}: ${key} round ${round}/${ROUNDS}`);
        run.rounds[key].push(await alone(run.api, () => measure(run.api, run.scenarioOf[key], { connections: CONNECTIONS, warmupSeconds: 0, durationSeconds: DURATION / ROUNDS })));
      }
      // The bare server takes its turn in every round, so it sees the same machine as each scenario.
      if (bare) bareRounds.push(await alone(null, () => measure(bare, BARE_SCENARIO, { connections: CONNECTIONS, warmupSeconds: 0, durationSeconds: DURATION / ROUNDS })));
    }
  }
  for (const run of runs) {
    run.scenarios = {};
    for (const key of HTTP_SCENARIOS) run.scenarios[key] = combine(run.rounds[key]);
  }
  return bareRounds.length > 0 ? combine(bareRounds) : null;
}

function median(values) {
  const sorted = [...values].sort((a, b) => a - b);
  const mid = Math.floor(sorted.length / 2);
  return sorted.length % 2 ? sorted[mid] : (sorted[mid - 1] + sorted[mid]) / 2;
}

function combine(rounds) {
  const completed = rounds.reduce((n, r) => n + r.completed, 0);
  const seconds = rounds.reduce((n, r) => n + r.seconds, 0);
  const sum = (k) => rounds.reduce((n, r) => n + r[k], 0);
  return {
    requestsPerSecond: completed / seconds,
    roundRequestsPerSecond: rounds.map((r) => r.requestsPerSecond),
    completed,
    p50: median(rounds.map((r) => r.p50)),
    p99: median(rounds.map((r) => r.p99)),
    p99Worst: Math.max(...rounds.map((r) => r.p99)),
    mean: rounds.reduce((n, r) => n + r.mean * r.completed, 0) / Math.max(1, completed),
    non2xx: sum('non2xx'),
    errors: sum('errors'),
    timeouts: sum('timeouts'),
    serverCpuMicrosPerRequest: rounds.reduce((n, r) => n + r.serverCpuMicrosPerRequest * r.completed, 0) / Math.max(1, completed),
    serverWriteBytesPerRequest: rounds.reduce((n, r) => n + r.serverWriteBytesPerRequest * r.completed, 0) / Math.max(1, completed),
    failures: rounds.flatMap((r) => r.failures).slice(0, 5),
  };
}

// ---------------------------------------------------------------------------------------------- report

const f0 = (n) => (Number.isFinite(n) ? Math.round(n).toLocaleString('en-US') : 'n/a');
const f2 = (n) => (Number.isFinite(n) ? n.toFixed(2) : 'n/a');
const verdict = (ok) => (ok ? 'PASS' : 'MISS');

function report({ parse, runs, bare, floor, pdf, holdingsImport, reconcile, cluster, started, loadBefore }) {
  const lines = [];
  lines.push('# Benchmark results', '');
  lines.push(`${new Date().toISOString()} · Node ${process.version} · ${os.cpus().length} cores (${os.cpus()[0]?.model ?? '?'}) · SQLite (better-sqlite3)`);
  lines.push(`autocannon: ${CONNECTIONS} connections; per scenario and ledger ${WARMUP} s warm-up + ${ROUNDS} × ${f2(DURATION / ROUNDS)} s measured, the ledgers taking turns round by round${SHARE_MACHINE ? ' (BENCH_SHARE_MACHINE=1: the other ledgers\' APIs running meanwhile)' : ', the other ledgers\' APIs paused (SIGSTOP) during each round'}; req/s over all rounds, latency = median of the rounds' percentiles (worst round's p99 in brackets) · API: LOG_LEVEL=warn, RATE_LIMIT_PER_MINUTE=${BENCH_RATE_LIMIT} (the limits on, too high to refuse the one client; cluster and pdf: 0)`);
  lines.push(`Load average before / after: ${loadBefore} / ${os.loadavg().map((n) => n.toFixed(2)).join(' ')} (the machine is shared: other work running at the same time lowers every number)`, '');

  if (parse.length > 0) lines.push('## Serial parsing (one core)', '', '| Case | parses/s | Target | Result |', '|---|---:|---:|---|');
  for (const r of parse) {
    const targeted = PARSE_TARGET_CASES.has(r.name);
    lines.push(`| ${r.name} | ${f0(r.perSecond)} | ${targeted ? `≥ ${f0(TARGETS.parsesPerSecond)}` : '—'} | ${targeted ? verdict(r.perSecond >= TARGETS.parsesPerSecond) : '—'} |`);
  }
  if (parse.length > 0) lines.push('');

  if (runs.length > 0) lines.push('## HTTP scenarios', '');
  if (runs.length > 0) lines.push('| Ledger | Scenario | req/s | p50 ms | p99 ms | mean ms | server CPU µs/req | server disk writes KiB/req | non-2xx | errors/timeouts |');
  if (runs.length > 0) lines.push('|---|---|---:|---:|---:|---:|---:|---:|---:|---:|');
  const names = { health: 'GET /health/live', lookup: 'GET /v1/serials/status', retire: 'POST /v1/retirements' };
  for (const run of runs) {
    for (const [key, s] of Object.entries(run.scenarios)) {
      lines.push(`| ${run.dataset.id} | ${names[key]} | ${f0(s.requestsPerSecond)} <br><sub>${s.roundRequestsPerSecond.map(f0).join(' / ')}</sub> | ${s.p50} | ${s.p99} (${s.p99Worst}) | ${f2(s.mean)} | ${f0(s.serverCpuMicrosPerRequest)} | ${f2(s.serverWriteBytesPerRequest / 1024)} | ${s.non2xx} | ${s.errors}/${s.timeouts} |`);
    }
  }
  if (runs.length > 0) lines.push('');
  for (const run of runs) {
    lines.push(`- **${run.dataset.id}**: ${run.dataset.title}; seeded ${f0(run.seed.blocks)} blocks + ${f0(run.seed.retirements)} retirements in ${run.seed.seconds.toFixed(1)} s; after the run: ${run.journalEntries} journal entries, \`ledger verify\` ok=${run.verify.ok} (checked ${run.verify.checked}).`);
  }
  if (runs.length > 0) lines.push('');
  if (bare) lines.push(...bareReport(bare, runs, { f0, f2 }));
  if (pdf) lines.push(...pdfReport(pdf));
  if (reconcile) lines.push(...reconcileReport(reconcile));
  if (holdingsImport) lines.push(...importReport(holdingsImport, { f0, f2 }));
  if (cluster) lines.push(...clusterReport(cluster));

  const clean = (s) => s.non2xx === 0 && s.errors === 0 && s.timeouts === 0;
  const targets = [];
  const baseline = runs.find((r) => r.dataset.baseline);
  const complete = HTTP_SCENARIOS.length === 3;
  for (const run of runs.filter((r) => complete && !r.dataset.baseline)) {
    const { health, lookup, retire } = run.scenarios;
    const ratio = lookup.requestsPerSecond / health.requestsPerSecond;
    targets.push([`1. lookup req/s ÷ health req/s (${run.dataset.id})`, f2(ratio), `≥ ${TARGETS.lookupVsHealth}`, ratio >= TARGETS.lookupVsHealth && clean(lookup)]);
    targets.push([`1. lookup p99 (${run.dataset.id})`, `${lookup.p99} ms`, `≤ ${TARGETS.lookupP99Ms} ms`, lookup.p99 <= TARGETS.lookupP99Ms && clean(lookup)]);
    targets.push([`2. retirements/s (${run.dataset.id})`, f0(retire.requestsPerSecond), `≥ ${TARGETS.retirementsPerSecond}`, retire.requestsPerSecond >= TARGETS.retirementsPerSecond && clean(retire)]);
    if (baseline) {
      for (const key of ['lookup', 'retire']) {
        const big = run.scenarios[key];
        const small = baseline.scenarios[key];
        const costRatio = small.requestsPerSecond / big.requestsPerSecond; // time per request, 1M ÷ 10k
        const cpuRatio = big.serverCpuMicrosPerRequest / small.serverCpuMicrosPerRequest;
        targets.push([
          `3. ${key === 'lookup' ? 'lookup' : 'retirement'} cost ${run.dataset.id} ÷ ${baseline.dataset.id} (time/request at saturation; CPU/request)`,
          `${f2(costRatio)}; ${f2(cpuRatio)}`,
          `≤ ${TARGETS.costRatio}`,
          costRatio <= TARGETS.costRatio && clean(big) && clean(small),
        ]);
      }
    }
  }
  if (baseline && complete) {
    const { health, lookup, retire } = baseline.scenarios;
    targets.push([`(info) lookup ÷ health, p99, retirements/s at ${baseline.dataset.id}`, `${f2(lookup.requestsPerSecond / health.requestsPerSecond)}, ${lookup.p99} ms, ${f0(retire.requestsPerSecond)}/s`, '—', null]);
  }
  for (const r of parse.filter((p) => PARSE_TARGET_CASES.has(p.name))) {
    targets.push([`4. serial parses/s (${r.name})`, f0(r.perSecond), `≥ ${f0(TARGETS.parsesPerSecond)}`, r.perSecond >= TARGETS.parsesPerSecond]);
  }
  if (bare) targets.push(...bareTargets(bare, runs, { f0, f2 }));
  if (floor) targets.push(['(info) 18. retirements/s without HTTP, one thread (retire-floor.js: use case, group commit)', `${f0(floor.perSecond)} (${f0(floor.cpu)} µs of CPU each)`, '—', null]);
  if (pdf) targets.push(...pdfTargets(pdf));
  if (holdingsImport) targets.push(...importTargets(holdingsImport, { f0 }));
  if (cluster) targets.push(...clusterTargets(cluster));
  lines.push('## Targets', '', '| Target | Measured | Threshold | Result |', '|---|---:|---:|---|');
  for (const [name, value, threshold, ok] of targets) lines.push(`| ${name} | ${value} | ${threshold} | ${ok === null ? '—' : verdict(ok)} |`);
  lines.push('');

  const failures = runs.flatMap((run) => Object.entries(run.scenarios).filter(([, s]) => s.failures.length > 0).map(([key, s]) => `- ${run.dataset.id} ${names[key]}: ${s.failures.join(' · ')}`));
  if (pdf) for (const [phase, s] of Object.entries(pdf.latency)) if (s.failures.length > 0) failures.push(`- pdf ${phase} POST /v1/retirements: ${s.failures.join(' · ')}`);
  if (failures.length > 0) lines.push('## Non-2xx samples (a scenario with any is a MISS)', '', ...failures, '');
  lines.push(`Total bench time: ${((Date.now() - started) / 1000).toFixed(0)} s.`, '');
  return lines.join('\n');
}

/** Rounds combined, with p50/p90/p99 over every sample of every round (a 1,000-sample round's p99 is its 10th worst). */
function pooled(rounds) {
  const all = rounds.flatMap((r) => r.latencies ?? []).sort((a, b) => a - b);
  const at = (q) => reportedQuantile(all, q);
  return { ...combine(rounds), p50: at(0.5), p90: at(0.9), p99: at(0.99), roundP99: rounds.map((r) => r.p99) };
}

/** The PDF scenario's rounds combined: throughput = median round, latency pooled over the rounds, with paired intervals. */
function combinePdf(raw) {
  const throughput = raw.throughput.map(({ concurrency, rounds }) => ({
    concurrency,
    rounds,
    perSecond: median(rounds.map((r) => r.perSecond)),
    jobMs: median(rounds.map((r) => r.jobMs)),
    cpuMsPerPdf: median(rounds.map((r) => r.cpuMsPerPdf)),
    pdfs: rounds.reduce((n, r) => n + r.pdfs, 0),
  }));
  const rendering = raw.latency.rendering;
  const samples = (rounds) => rounds.map((r) => r.latencies);
  const paced = [...rendering, ...raw.latency.idle].every((r) => r.latencies);
  const interval = (q) => (paced ? pairedRatioInterval(samples(rendering), samples(raw.latency.idle), { q }) : { low: NaN, high: NaN });
  return {
    throughput,
    ratioInterval: { p50: interval(0.5), p90: interval(0.9), p99: interval(0.99) },
    latency: { idle: pooled(raw.latency.idle), rendering: pooled(rendering) },
    rendered: rendering.map((r) => r.rendered),
    backlogLeft: rendering.map((r) => r.backlogLeft),
    workerCpuShare: rendering.map((r) => r.workerCpuShare),
    stored: raw.stored,
    failedJobs: raw.failedJobs,
  };
}

function pdfReport(pdf) {
  const lines = ['## Certificate PDFs (worker app, BullMQ on Redis, the API and the worker sharing the SQLite file)', ''];
  lines.push(`Throughput of one worker process: ${f0(PDF.count)} retirements leave ${f0(PDF.count)} jobs waiting, then one worker renders them; PDFs/s = PDFs ÷ (last job finished − first job started), BullMQ's timestamps, start-up excluded; the concurrencies take turns round by round, median round shown.`, '');
  lines.push('| Worker | PDFs | PDFs/s <br><sub>rounds</sub> | job run ms (mean) | worker CPU ms/PDF |', '|---|---:|---:|---:|---:|');
  for (const t of pdf.throughput) {
    lines.push(`| 1 process, WORKER_CONCURRENCY=${t.concurrency} | ${f0(t.pdfs)} | ${f2(t.perSecond)} <br><sub>${t.rounds.map((r) => f2(r.perSecond)).join(' / ')}</sub> | ${f0(t.jobMs)} | ${f2(t.cpuMsPerPdf)} |`);
  }
  lines.push('');
  const rate = PDF.rate > 0 ? `${f0(PDF.rate)} req/s offered, evenly paced, open loop` : `autocannon, ${CONNECTIONS} connections, as fast as they go`;
  lines.push(`Retirement latency (POST /v1/retirements, ${rate}), one worker with WORKER_CONCURRENCY=${PDF.latencyConcurrency}: idle (queue paused, no job active) and rendering the backlog (queue resumed), ${PDF.latencyRounds} × ${f2(PDF.latencySeconds)} s each, taking turns; p50 and p99 over all rounds' requests together, each round's p99 below.`, '');
  lines.push('| Worker | req/s | p50 ms | p99 ms <br><sub>rounds</sub> | mean ms | API CPU µs/req | PDFs rendered meanwhile | backlog left | worker CPU (cores) | non-2xx | errors/timeouts |');
  lines.push('|---|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|');
  for (const [phase, s] of Object.entries(pdf.latency)) {
    const busy = phase === 'rendering';
    lines.push(`| ${busy ? 'rendering' : 'idle'} | ${f0(s.requestsPerSecond)} | ${s.p50} | ${s.p99} <br><sub>${s.roundP99.join(' / ')}</sub> | ${f2(s.mean)} | ${f0(s.serverCpuMicrosPerRequest)} | ${busy ? pdf.rendered.map(f0).join(' / ') : '0'} | ${busy ? pdf.backlogLeft.map(f0).join(' / ') : '—'} | ${busy ? pdf.workerCpuShare.map(f2).join(' / ') : '0'} | ${s.non2xx} | ${s.errors}/${s.timeouts} |`);
  }
  lines.push('');
  lines.push(`- Stored: ${f0(pdf.stored.n)} PDFs (${f0(pdf.stored.pdfs)} starting with %PDF-), ${f0(pdf.stored.bytes / 1024)} KiB each on average; failed jobs: ${pdf.failedJobs}.`, '');
  return lines;
}

function pdfTargets(pdf) {
  const { idle, rendering } = pdf.latency;
  const clean = (s) => s.non2xx === 0 && s.errors === 0 && s.timeouts === 0;
  const dry = !PDF.noiseCheck && pdf.backlogLeft.some((n) => n === 0);
  const within = (busy, calm, ratio) => busy <= calm * ratio;
  const note = PDF.noiseCheck ? ' (NOISE CHECK: the worker idle in both phases)' : dry ? ' (backlog ran dry: not comparable)' : '';
  const range = ({ low, high }) => `95 % interval ${f2(low)}–${f2(high)}`;
  return [
    [`5. retirement p50 rendering ÷ idle${note}`, `${f2(rendering.p50 / idle.p50)} (${rendering.p50} / ${idle.p50} ms; ${range(pdf.ratioInterval.p50)})`, `≤ ${TARGETS.pdfP50Ratio}`, !dry && clean(rendering) && within(rendering.p50, idle.p50, TARGETS.pdfP50Ratio)],
    [`5. retirement p99 rendering ÷ idle${note}`, `${f2(rendering.p99 / idle.p99)} (${rendering.p99} / ${idle.p99} ms; ${range(pdf.ratioInterval.p99)})`, `≤ ${TARGETS.pdfP99Ratio}`, !dry && clean(rendering) && within(rendering.p99, idle.p99, TARGETS.pdfP99Ratio)],
    [`(info) retirement p90 rendering ÷ idle${note}`, `${f2(rendering.p90 / idle.p90)} (${rendering.p90} / ${idle.p90} ms; ${range(pdf.ratioInterval.p90)})`, '—', null],
    ...pdf.throughput.map((t) => [`(info) PDFs/s per worker process, WORKER_CONCURRENCY=${t.concurrency}`, f2(t.perSecond), '—', null]),
  ];
}

function latencySamples(raw) {
  const rounds = (phase) => raw.latency[phase].map((r) => r.latencies.map((ms) => Math.round(ms * 100) / 100));
  return { at: new Date().toISOString(), noiseCheck: PDF.noiseCheck, rate: PDF.rate, idle: rounds('idle'), rendering: rounds('rendering') };
}

async function runPdfScenario() {
  const dataset = DATASETS.find((d) => d.baseline);
  const env = redisEnvironment(REDIS_URL);
  const run = await prepareDataset({ ...dataset, id: `${dataset.id}-pdf` }, { env });
  try {
    const raw = await measurePdf(run, env, {
      log,
      concurrencies: PDF.concurrencies,
      count: PDF.count,
      rounds: ROUNDS,
      warmupSeconds: WARMUP,
      roundSeconds: PDF.latencySeconds,
      connections: CONNECTIONS,
      rate: PDF.rate,
      latencyConcurrency: PDF.latencyConcurrency,
      latencyRounds: PDF.latencyRounds,
      noiseCheck: PDF.noiseCheck,
    });
    await teardown(run, { verify: true });
    if (PDF.samplesOut) fs.writeFileSync(PDF.samplesOut, JSON.stringify(latencySamples(raw)));
    return combinePdf(raw);
  } catch (error) {
    await teardown(run).catch(() => {});
    throw error;
  }
}

// ------------------------------------------------------------------------------------------ cluster

async function runClusterScenario() {
  const dataset = { id: 'cluster', namespaces: CLUSTER.namespaces, blocksPerNamespace: CLUSTER.blocksPerNamespace };
  const state = await prepareCluster({ dataset, processes: CLUSTER.processes, pgBaseUrl: CLUSTER.pgUrl, redisUrl: REDIS_URL, log, lookupScenario, retireScenario });
  try {
    const loadBefore = os.loadavg().map((n) => n.toFixed(2)).join(' ');
    await measureCluster(state, { rounds: ROUNDS, warmupSeconds: WARMUP, roundSeconds: CLUSTER.seconds, connections: CONNECTIONS, log });
    const verify = await verifyCluster(state, { log });
    const loadAfter = os.loadavg().map((n) => n.toFixed(2)).join(' ');
    return { configs: state.configs.map(summarizeClusterConfig), verify, layout: state.layout, loadBefore, loadAfter };
  } finally {
    await cleanupCluster(state, { log, keep: KEEP_DB });
  }
}

const sortedNumbers = (values) => Float64Array.from(values).sort();

function meanCpu(rounds) {
  const keys = ['api', 'pg', 'pgShared', 'harness', 'machine'];
  const mean = Object.fromEntries(keys.map((k) => [k, rounds.reduce((n, r) => n + r.cpu[k], 0) / rounds.length]));
  return { ...mean, other: Math.max(0, mean.machine - mean.api - mean.pg - mean.pgShared - mean.harness) };
}

function summarizeClusterConfig(config) {
  const probe = sortedNumbers(config.rounds.probe.flatMap((p) => p.delays));
  const db = sortedNumbers(config.rounds.dbDelays.flat());
  const at = (sorted, q) => (sorted.length ? quantile(sorted, q) : NaN);
  return {
    id: config.id,
    engine: config.engine,
    processes: config.processes,
    seed: config.seed,
    lookup: combine(config.rounds.lookup),
    retire: combine(config.rounds.retire),
    lookupCpu: meanCpu(config.rounds.lookup),
    retireCpu: meanCpu(config.rounds.retire),
    probe: { n: probe.length, p50: at(probe, 0.5), p99: at(probe, 0.99), max: at(probe, 1), failures: config.rounds.probe.flatMap((p) => p.failures).slice(0, 5) },
    db: { n: db.length, p50: at(db, 0.5), p99: at(db, 0.99), max: at(db, 1) },
    activity: poolActivity(config.rounds.activity),
  };
}

/** pg_stat_activity samples of the retirement rounds, averaged: mean backends per state, per running statement. */
function poolActivity(rounds) {
  if (rounds.length === 0) return null;
  const samples = rounds.reduce((n, r) => n + r.samples, 0);
  const pool = (key) => {
    const sums = new Map();
    for (const r of rounds) for (const [k, mean] of r[key]) sums.set(k, (sums.get(k) ?? 0) + mean * r.samples);
    return [...sums.entries()].map(([k, n]) => [k, n / samples]).sort((a, b) => b[1] - a[1]);
  };
  return { samples, states: pool('states'), statements: pool('statements').slice(0, 6) };
}

function clusterReport(cluster) {
  const { configs, verify, layout } = cluster;
  const lines = ['## SQLite and PostgreSQL with 1, 2, 4 API processes (cluster)', ''];
  lines.push(`${f0(layout.blockCount)} blocks (${f0(layout.namespaces)} namespaces × ${f0(layout.blocksPerNamespace)}) in each database; ${CONNECTIONS} connections spread over a configuration's processes (connection i → process i mod N); each turn starts the configuration's processes, ${WARMUP} s warm-up + ${f2(CLUSTER.seconds)} s of lookups, ${WARMUP} s warm-up + ${f2(CLUSTER.seconds)} s of retirements (distinct 10-serial pieces), then stops them; ${ROUNDS} rounds, the configurations taking turns. PDF jobs wait in Redis (no worker). Load average ${cluster.loadBefore} → ${cluster.loadAfter}.`, '');
  lines.push('| Configuration | retirements/s <br><sub>rounds</sub> | p50 / p99 ms | lookups/s <br><sub>rounds</sub> | p50 / p99 ms | merge delay p50 / p99 / max, probe (n) | merge delay p50 / p99 / max, every entry (n) | non-2xx / errors |');
  lines.push('|---|---:|---:|---:|---:|---:|---:|---:|');
  for (const c of configs) {
    const r = c.retire;
    const l = c.lookup;
    lines.push(`| ${c.id} | ${f0(r.requestsPerSecond)} <br><sub>${r.roundRequestsPerSecond.map(f0).join(' / ')}</sub> | ${r.p50} / ${r.p99} | ${f0(l.requestsPerSecond)} <br><sub>${l.roundRequestsPerSecond.map(f0).join(' / ')}</sub> | ${l.p50} / ${l.p99} | ${f0(c.probe.p50)} / ${f0(c.probe.p99)} / ${f0(c.probe.max)} ms (${f0(c.probe.n)}) | ${f0(c.db.p50)} / ${f0(c.db.p99)} / ${f0(c.db.max)} ms (${f0(c.db.n)}) | ${r.non2xx + l.non2xx} / ${r.errors + l.errors + r.timeouts + l.timeouts} |`);
  }
  lines.push('');
  lines.push('CPU in cores (of 2) while measuring, mean of the rounds: the API processes, this database\'s PostgreSQL backends, PostgreSQL\'s shared processes (WAL writer, checkpointer …), this harness (autocannon, the probe), everything else on the machine (other people’s work), and the whole machine; per request: API + backend CPU.', '');
  lines.push('| Configuration | retirements: API / PG backends / PG shared / harness / other / machine | API + PG ms per retirement | lookups: API / PG backends / PG shared / harness / other / machine | API + PG ms per lookup |');
  lines.push('|---|---:|---:|---:|---:|');
  const cpuRow = (cpu) => `${f2(cpu.api)} / ${f2(cpu.pg)} / ${f2(cpu.pgShared)} / ${f2(cpu.harness)} / ${f2(cpu.other)} / ${f2(cpu.machine)}`;
  const perRequest = (cpu, s) => `${f2((cpu.api * 1000) / s.requestsPerSecond)} + ${f2((cpu.pg * 1000) / s.requestsPerSecond)}`;
  for (const c of configs) lines.push(`| ${c.id} | ${cpuRow(c.retireCpu)} | ${perRequest(c.retireCpu, c.retire)} | ${cpuRow(c.lookupCpu)} | ${perRequest(c.lookupCpu, c.lookup)} |`);
  lines.push('');
  for (const c of configs.filter((x) => x.activity)) {
    const states = c.activity.states.map(([k, n]) => `${k} ${f2(n)}`).join(', ');
    const statements = c.activity.statements.map(([q, n]) => `${f2(n)} \`${q.replace(/`/g, "'")}\``).join('; ');
    lines.push(`- ${c.id}, retirements, this database's backends on average (pg_stat_activity every 20 ms, ${f0(c.activity.samples)} samples): ${states}. Running: ${statements}.`);
  }
  for (const [engine, v] of Object.entries(verify)) {
    lines.push(`- ${engine}: after the run \`GET /v1/ledger/verify\` (an auditor's key) ${v.status} ok=${v.ok} (checked ${v.checked}); ${f0(v.entries)} journal entries, ${f0(v.leaves)} log leaves.`);
  }
  const probeFailures = configs.flatMap((c) => c.probe.failures.map((f) => `${c.id}: ${f}`));
  if (probeFailures.length > 0) lines.push(`- Probe failures: ${probeFailures.join(' · ')}`);
  const failures = configs.flatMap((c) => [...c.retire.failures, ...c.lookup.failures].map((f) => `${c.id}: ${f}`));
  if (failures.length > 0) lines.push(`- Non-2xx samples: ${failures.join(' · ')}`);
  lines.push('');
  return lines;
}

function clusterTargets(cluster) {
  const by = (engine, n) => cluster.configs.find((c) => c.engine === engine && c.processes === n);
  const sqlite = by('sqlite', 1);
  const one = by('postgres', 1);
  const two = by('postgres', 2);
  const clean = (s) => s.non2xx === 0 && s.errors === 0 && s.timeouts === 0;
  const targets = [];
  if (sqlite && two) {
    for (const [key, name] of [['retire', 'retirements/s'], ['lookup', 'lookups/s']]) {
      const ratio = two[key].requestsPerSecond / sqlite[key].requestsPerSecond;
      targets.push([`6. PostgreSQL ×2 ÷ SQLite ×1, ${name}`, `${f2(ratio)} (${f0(two[key].requestsPerSecond)} / ${f0(sqlite[key].requestsPerSecond)})`, `≥ ${TARGETS.clusterVsSqlite}`, ratio >= TARGETS.clusterVsSqlite && clean(two[key])]);
    }
  }
  if (one && two) {
    for (const [key, name] of [['retire', 'retirements/s'], ['lookup', 'lookups/s']]) {
      const ratio = two[key].requestsPerSecond / one[key].requestsPerSecond;
      targets.push([`6. PostgreSQL ×2 ÷ ×1, ${name} (machine busy ${f2(two[`${key}Cpu`].machine)} of 2 cores at ×2)`, f2(ratio), `≥ ${TARGETS.clusterScaling} where the CPU allows`, ratio >= TARGETS.clusterScaling && clean(two[key])]);
    }
  }
  for (const c of cluster.configs) {
    targets.push([`6. merge delay p99 at full write load, ${c.id} (probe; every entry)`, `${f0(c.probe.p99)} ms; ${f0(c.db.p99)} ms`, `≤ ${f0(TARGETS.mergeDelayP99Ms)} ms`, c.probe.p99 <= TARGETS.mergeDelayP99Ms && c.db.p99 <= TARGETS.mergeDelayP99Ms]);
  }
  for (const [engine, v] of Object.entries(cluster.verify)) targets.push([`(info) ledger verify after the cluster run, ${engine}`, `ok=${v.ok}`, 'ok', v.ok === true]);
  return targets;
}

async function main() {
  const started = Date.now();
  const loadBefore = os.loadavg().map((n) => n.toFixed(2)).join(' ');
  if (os.loadavg()[0] > 0.75) log(`warning: load average ${loadBefore} before the bench; other work on this machine will lower the numbers`);
  const wanted = process.env.BENCH_DATASETS ? new Set(process.env.BENCH_DATASETS.split(',').map((s) => s.trim())) : null;
  const datasets = HTTP_SCENARIOS.length === 0 ? [] : DATASETS.filter((d) => !wanted || wanted.has(d.id));
  if (datasets.length === 0 && HTTP_SCENARIOS.length > 0) throw new Error(`BENCH_DATASETS matches none of ${DATASETS.map((d) => d.id).join(', ')}`);

  if (SCENARIOS.includes('parse')) log('serial parse micro-benchmark (test/bench/serials-parse.bench.ts)');
  const parse = SCENARIOS.includes('parse') ? await runParseBench() : [];
  const prepared = [];
  const finished = [];
  let bare = null;
  let bareServer = null;
  try {
    for (const dataset of datasets) prepared.push(await prepareDataset(dataset));
    if (SCENARIOS.includes('bare') && prepared.length > 0) bareServer = await startBare();
    bare = await measureAll(prepared, bareServer);
    await bareServer?.stop();
    while (prepared.length > 0) {
      const run = prepared.shift();
      finished.push(run);
      await teardown(run, { verify: true });
    }
  } finally {
    await bareServer?.stop();
    for (const run of prepared) await teardown(run).catch((error) => log(`teardown of ${run.dataset.id} failed: ${error.message}`));
  }

  if (SCENARIOS.includes('floor')) log('a retirement without HTTP (scripts/profile/retire-floor.js)');
  const floor = SCENARIOS.includes('floor') ? await runRetireFloor() : null;
  const pdf = SCENARIOS.includes('pdf') ? await runPdfScenario() : null;
  if (SCENARIOS.includes('reconcile')) log('reconciliation of a generated registry export (lib/reconcile.js)');
  const reconcile = SCENARIOS.includes('reconcile') ? await measureReconcile() : null;

  const cluster = SCENARIOS.includes('cluster') ? await runClusterScenario() : null;

  const holdingsImport = SCENARIOS.includes('import') ? await measureHoldingsImport({ rows: IMPORT_ROWS, log, keep: KEEP_DB }) : null;

  const markdown = report({ parse, runs: finished, bare, floor, pdf, holdingsImport, reconcile, cluster, started, loadBefore });
  process.stdout.write(`${markdown}\n`);
  const out = OUT ?? path.join(REPO, 'bench-results.md');
  fs.writeFileSync(out, `${markdown}\n`);
  log(`wrote ${out}`);
}

main().catch((error) => {
  process.stderr.write(`bench harness failed: ${error && error.stack ? error.stack : error}\n`);
  process.exit(1);
});
