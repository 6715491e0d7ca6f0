'use strict';
/*
 * The cluster scenario (issue 17): PostgreSQL with 1, 2 and 4 API processes beside SQLite with one,
 * in one run on one machine. Each configuration's processes are started for its turn and stopped
 * after it (so "one process" is one process, sequencer included), the configurations taking turns
 * round by round: start, warm-up, lookups, warm-up, retirements, stop. autocannon spreads its
 * connections over the configuration's URLs (connection i → URL i mod N).
 *
 * Every process gets REDIS_URL with a private prefix and no worker runs: PDF jobs wait in Redis
 * instead of being rendered in-process between rounds (a backlog of thousands of ~50 ms renders
 * would otherwise fall on the following rounds); the same for SQLite and PostgreSQL.
 *
 * Merge delay (commit → a published checkpoint covers the entry), two ways during every retirement
 * round: (1) from outside, a probe retires every PROBE_EVERY_MS through the configuration's
 * processes in turn and, after its 201, polls GET /v1/certificates/{number} every PROBE_POLL_MS
 * until the certificate carries log.index: what a client sees, an upper bound (poll interval + a
 * GET under load); (2) every entry of the round in the database: the first checkpoint covering its
 * leaf (log_checkpoints.created_at) − its recorded_at (set in the writer's transaction, before the
 * commit: a slight overestimate; the checkpoint's time is taken just before its own commit: a
 * slight underestimate).
 *
 * CPU: per round, user+system time of the API processes, of this database's PostgreSQL backends
 * (process title "postgres: <user> <db> …"), of PostgreSQL's shared processes (WAL writer,
 * checkpointer …; whole server), of this harness (autocannon) and the machine's total (/proc/stat),
 * so a round says which of them used the 2 cores.
 */
const fs = require('node:fs');
const os = require('node:os');
const path = require('node:path');
const Database = require('better-sqlite3');
const { startApi, distFile, DOMAIN_SERIALS_REL, ADMIN_API_KEY } = require('./api-process');
const { Layout, seed } = require('./seed');
const { measure } = require('./load');
const { createBenchDatabase, seedPostgres, withClient } = require('./pg-seed');
const { quantile } = require('./percentiles');

const PROBE_EVERY_MS = 250;
const PROBE_POLL_MS = 50;
const sleep = (ms) => new Promise((resolve) => setTimeout(resolve, ms));
const CLK_TCK = 100;

// ------------------------------------------------------------------------------------------- CPU

function procCpuMicros(pid) {
  try {
    const stat = fs.readFileSync(`/proc/${pid}/stat`, 'utf8');
    const f = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
    return ((Number(f[11]) + Number(f[12])) * 1e6) / CLK_TCK;
  } catch {
    return 0;
  }
}

/** PostgreSQL processes by pid: this database's backends, and the server's shared processes. */
function postgresProcesses(dbName) {
  const ours = [];
  const shared = [];
  for (const entry of fs.readdirSync('/proc')) {
    if (!/^\d+$/.test(entry)) continue;
    let cmd;
    try {
      if (fs.readFileSync(`/proc/${entry}/comm`, 'utf8').trim() !== 'postgres') continue;
      cmd = fs.readFileSync(`/proc/${entry}/cmdline`, 'utf8').replace(/\0/g, ' ').trim();
    } catch {
      continue;
    }
    if (cmd.includes(` ${dbName} `)) ours.push(entry);
    else if (!/^postgres: (\S+: )?\S+ \S+ (\d|\[local\])/.test(cmd)) shared.push(entry); // not another database's backend
  }
  return { ours, shared };
}

function machineJiffies() {
  const [cpu] = fs.readFileSync('/proc/stat', 'utf8').split('\n');
  const v = cpu.split(/\s+/).slice(1).map(Number);
  const idle = v[3] + v[4];
  const total = v.slice(0, 8).reduce((a, b) => a + b, 0);
  return { busy: total - idle, total };
}

/** A snapshot; `cpuSince(before)` → cores used by each party over the interval. */
function cpuSnapshot(apis, dbName) {
  const pg = dbName ? postgresProcesses(dbName) : { ours: [], shared: [] };
  const harness = process.cpuUsage();
  return {
    at: performance.now(),
    api: new Map(apis.map((a) => [a.child.pid, a.cpuMicros()])),
    pgOurs: new Map(pg.ours.map((pid) => [pid, procCpuMicros(pid)])),
    pgShared: new Map(pg.shared.map((pid) => [pid, procCpuMicros(pid)])),
    harness: harness.user + harness.system,
    machine: machineJiffies(),
    apis,
    dbName,
  };
}

function cpuSince(before) {
  const after = cpuSnapshot(before.apis, before.dbName);
  const seconds = (after.at - before.at) / 1000;
  const delta = (a, b) => [...a.entries()].reduce((n, [pid, v]) => n + v - (b.get(pid) ?? 0), 0);
  const cores = (micros) => micros / 1e6 / seconds;
  const machineBusy = (after.machine.busy - before.machine.busy) / (after.machine.total - before.machine.total);
  return {
    api: cores(delta(after.api, before.api)),
    apiEach: before.apis.map((a) => cores(a.cpuMicros() - before.api.get(a.child.pid))),
    pg: cores(delta(after.pgOurs, before.pgOurs)),
    pgShared: cores(delta(after.pgShared, before.pgShared)),
    harness: cores(after.harness - before.harness),
    machine: machineBusy * os.cpus().length,
  };
}

// --------------------------------------------------------------------------- where PostgreSQL waits

/**
 * Samples pg_stat_activity of the database every SAMPLE_MS until `stop()`: how many of its backends
 * are running a statement (and waiting on what), idle inside a transaction (waiting for the API
 * process's next statement) or idle; and which statements are running. A poor man's profiler: no
 * extension needed (pg_stat_statements is not loaded on this server).
 */
const SAMPLE_MS = 20;
function startActivitySampler(url, dbName) {
  let stopped = false;
  let samples = 0;
  const states = new Map();
  const statements = new Map();
  const add = (map, key) => map.set(key, (map.get(key) ?? 0) + 1);
  const loop = withClient(url, async (c) => {
    while (!stopped) {
      const { rows } = await c.query(
        `SELECT state, wait_event_type, wait_event, left(regexp_replace(query, '\\s+', ' ', 'g'), 90) AS query
         FROM pg_stat_activity WHERE datname = $1 AND pid <> pg_backend_pid() AND backend_type = 'client backend'`,
        [dbName],
      );
      samples++;
      for (const r of rows) {
        const waiting = r.wait_event_type && r.wait_event_type !== 'Client' ? ` (${r.wait_event_type}: ${r.wait_event})` : '';
        add(states, `${r.state}${r.state === 'active' ? waiting : ''}`);
        if (r.state === 'active') add(statements, r.query);
      }
      await sleep(SAMPLE_MS);
    }
  });
  return {
    async stop() {
      stopped = true;
      await loop;
      const mean = (map) => [...map.entries()].map(([k, n]) => [k, n / Math.max(1, samples)]).sort((a, b) => b[1] - a[1]);
      return { samples, states: mean(states), statements: mean(statements).slice(0, 8) };
    },
  };
}

// ------------------------------------------------------------------------------------ merge delay

/** Retires every PROBE_EVERY_MS until `stop()`, each probe polling its certificate until it has log.index. */
function startProbe(urls, retireScenario) {
  const delays = [];
  const failures = [];
  let stopped = false;
  const inFlight = [];
  const one = async (url) => {
    const { path: p, body } = retireScenario.nextRequest();
    const res = await fetch(`${url}${p}`, { method: 'POST', headers: retireScenario.headers, body });
    const json = await res.json().catch(() => null);
    if (res.status !== 201) {
      failures.push(`${res.status} ${JSON.stringify(json).slice(0, 200)}`);
      return;
    }
    const acknowledged = performance.now();
    for (;;) {
      const got = await fetch(`${url}/v1/certificates/${json.certificateNumber}`);
      const cert = await got.json().catch(() => null);
      if (got.status === 200 && cert?.log && Number.isInteger(cert.log.index)) {
        delays.push(performance.now() - acknowledged);
        return;
      }
      if (performance.now() - acknowledged > 30_000) {
        failures.push(`certificate ${json.certificateNumber} has no log.index after 30 s`);
        return;
      }
      await sleep(PROBE_POLL_MS);
    }
  };
  const loop = (async () => {
    for (let i = 0; !stopped; i++) {
      inFlight.push(one(urls[i % urls.length]).catch((error) => failures.push(error.message)));
      await sleep(PROBE_EVERY_MS);
    }
  })();
  return {
    async stop() {
      stopped = true;
      await loop;
      await Promise.all(inFlight);
      return { delays, failures };
    },
  };
}

const CHECKPOINT_OF_LEAF = `SELECT j.recorded_at AS recorded, (SELECT c.created_at FROM log_checkpoints c WHERE c.size > l.idx ORDER BY c.size LIMIT 1) AS covered
  FROM log_leaves l JOIN journal_entries j ON j.seq = l.seq WHERE l.idx >= $1 ORDER BY l.idx`;

/** A read-only view of a configuration's database: log size, pending entries, merge delays of leaves from `fromIndex`. */
function logReader(config) {
  if (config.engine === 'sqlite') {
    const query = (sql, params = []) => {
      const db = new Database(config.sqlitePath, { readonly: true });
      try {
        return db.prepare(sql.replace(/\$\d/g, '?')).all(...params);
      } finally {
        db.close();
      }
    };
    return { query: async (sql, params) => query(sql, params) };
  }
  return { query: (sql, params) => withClient(config.url, async (c) => (await c.query(sql, params)).rows) };
}

async function logSize(config) {
  const [row] = await logReader(config).query('SELECT COUNT(*) AS n FROM log_leaves');
  return Number(row.n);
}

/** Waits until nothing is pending and a checkpoint covers every leaf; then every leaf's delay from `fromIndex`. */
async function databaseMergeDelays(config, fromIndex) {
  const reader = logReader(config);
  const deadline = Date.now() + 30_000;
  for (;;) {
    const [p] = await reader.query('SELECT COUNT(*) AS n FROM journal_pending');
    const [s] = await reader.query('SELECT COUNT(*) AS n FROM log_leaves');
    const [c] = await reader.query('SELECT MAX(size) AS n FROM log_checkpoints');
    if (Number(p.n) === 0 && Number(c.n ?? 0) === Number(s.n)) break;
    if (Date.now() > deadline) throw new Error(`${config.id}: log not caught up after 30 s (${p.n} pending)`);
    await sleep(100);
  }
  const rows = await reader.query(CHECKPOINT_OF_LEAF, [fromIndex]);
  return rows.map((r) => Date.parse(r.covered) - Date.parse(r.recorded));
}

// ------------------------------------------------------------------------------------ configurations

async function startGroup(config, n) {
  const apis = await Promise.all(Array.from({ length: n }, () => startApi(config.sqlitePath, { env: config.env })));
  return {
    apis,
    baseUrl: apis.map((a) => a.baseUrl),
    cpuMicros: () => apis.reduce((s, a) => s + a.cpuMicros(), 0),
    writeBytes: () => apis.reduce((s, a) => s + a.writeBytes(), 0),
    stop: () => Promise.all(apis.map((a) => a.stop())),
  };
}

async function expect201(res, what) {
  const json = await res.json();
  if (res.status !== 201) throw new Error(`${what}: ${res.status} ${JSON.stringify(json).slice(0, 300)}`);
  return json;
}

/** A provider organisation and its key, through the API (which also migrates the database). */
async function provider(config) {
  const group = await startGroup(config, 1);
  try {
    const base = group.baseUrl[0];
    const admin = { authorization: `Bearer ${ADMIN_API_KEY}`, 'content-type': 'application/json' };
    const org = await expect201(await fetch(`${base}/v1/organizations`, { method: 'POST', headers: admin, body: JSON.stringify({ name: `Bench Provider ${config.id}`, roles: ['provider'] }) }), 'organization');
    const key = await expect201(await fetch(`${base}/v1/organizations/${org.id}/api-keys`, { method: 'POST', headers: admin, body: JSON.stringify({ label: 'bench' }) }), 'api key');
    const auditor = await expect201(await fetch(`${base}/v1/organizations`, { method: 'POST', headers: admin, body: JSON.stringify({ name: `Bench Auditor ${config.id}`, roles: ['auditor'] }) }), 'auditor');
    const auditorKey = await expect201(await fetch(`${base}/v1/organizations/${auditor.id}/api-keys`, { method: 'POST', headers: admin, body: JSON.stringify({ label: 'bench verify' }) }), 'auditor key');
    config.auditorKey = auditorKey.key;
    return { org, key };
  } finally {
    await group.stop();
  }
}

/**
 * Prepares SQLite and one PostgreSQL database with the same layout; configurations:
 * sqlite×1, pg×1, pg×2, pg×4 (`processes`). The caller runs `measureCluster`, then `cleanup`.
 */
async function prepareCluster({ dataset, processes, pgBaseUrl, redisUrl, log, lookupScenario, retireScenario }) {
  const layout = new Layout(dataset);
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'registry-bench-cluster-'));
  const keysDir = path.join(dir, 'keys');
  const prefix = `bench-cluster-${path.basename(dir).slice(-6)}`;
  const common = { CERTIFICATE_KEYS_DIR: keysDir, LOG_ORIGIN: 'bench.registry.example/log', REDIS_URL: redisUrl, REDIS_PREFIX: prefix,
    // Engines compared, not the limits: with REDIS_URL each limit would be a Redis round trip per request.
    RATE_LIMIT_PER_MINUTE: '0' };
  const { parseSerial } = require(await distFile(DOMAIN_SERIALS_REL));
  const state = { dir, prefix, redisUrl, pg: null, configs: [], layout };
  try {
    const sqlitePath = path.join(dir, 'registry.sqlite');
    const sqlite = { id: 'SQLite ×1', engine: 'sqlite', processes: 1, sqlitePath, env: { ...common } };
    log(`cluster: migrating and seeding SQLite (${layout.blockCount.toLocaleString('en-US')} blocks)`);
    const s = await provider(sqlite);
    const keysDb = new Database(sqlitePath, { readonly: true });
    const sqliteKeyId = keysDb.prepare('SELECT id FROM api_keys WHERE organization_id = ?').get(s.org.id)?.id ?? null;
    keysDb.close();
    sqlite.seed = seed(sqlitePath, layout, { providerId: s.org.id, apiKeyId: sqliteKeyId, parseSerial });
    log(`cluster: SQLite seeded in ${sqlite.seed.seconds.toFixed(1)} s`);

    state.pg = await createBenchDatabase(pgBaseUrl);
    const pgEnv = { ...common, DATABASE_URL: state.pg.url };
    const pgBase = { id: 'PostgreSQL', engine: 'postgres', url: state.pg.url, dbName: state.pg.name, sqlitePath: path.join(dir, 'unused.sqlite'), env: pgEnv };
    log(`cluster: migrating and seeding PostgreSQL database ${state.pg.name}`);
    const p = await provider(pgBase);
    const pgKeyId = await withClient(state.pg.url, async (c) => (await c.query('SELECT id FROM api_keys WHERE organization_id = $1', [p.org.id])).rows[0]?.id ?? null);
    const pgSeed = await seedPostgres(state.pg.url, layout, { providerId: p.org.id, apiKeyId: pgKeyId, parseSerial });
    log(`cluster: PostgreSQL seeded in ${pgSeed.seconds.toFixed(1)} s`);

    // One retirement scenario per database: every configuration on PostgreSQL draws distinct pieces from it.
    sqlite.lookup = lookupScenario(layout);
    sqlite.retire = retireScenario(layout, s.key.key);
    const pgLookup = lookupScenario(layout);
    const pgRetire = retireScenario(layout, p.key.key);
    state.configs.push(sqlite);
    for (const n of processes) state.configs.push({ ...pgBase, id: `PostgreSQL ×${n}`, auditorKey: pgBase.auditorKey, processes: n, seed: pgSeed, lookup: pgLookup, retire: pgRetire });
    for (const c of state.configs) c.rounds = { lookup: [], retire: [], probe: [], dbDelays: [], activity: [] };
    return state;
  } catch (error) {
    await cleanupCluster(state, { log }).catch(() => {});
    throw error;
  }
}

/** Rounds taking turns: each round starts every configuration in turn, measures lookups then retirements, stops it. */
async function measureCluster(state, { rounds, warmupSeconds, roundSeconds, connections, log }) {
  for (let round = 1; round <= rounds; round++) {
    for (const config of state.configs) {
      log(`cluster: round ${round}/${rounds} ${config.id}: starting`);
      const group = await startGroup(config, config.processes);
      try {
        const load = { connections, warmupSeconds, durationSeconds: roundSeconds };
        const lookup = await measureWithCpu(group, config.lookup, load, config);
        config.rounds.lookup.push(lookup);

        if (warmupSeconds > 0) await measure(group, config.retire, { ...load, warmupSeconds: 0, durationSeconds: warmupSeconds });
        const fromIndex = await logSize(config);
        const probe = startProbe(group.baseUrl, config.retire);
        const sampler = config.engine === 'postgres' ? startActivitySampler(config.url, config.dbName) : null;
        const cpu = cpuSnapshot(group.apis, config.dbName);
        const retire = await measure(group, config.retire, { ...load, warmupSeconds: 0 });
        retire.cpu = cpuSince(cpu);
        if (sampler) config.rounds.activity.push(await sampler.stop());
        const probed = await probe.stop();
        config.rounds.retire.push(retire);
        config.rounds.probe.push(probed);
        const dbDelays = await databaseMergeDelays(config, fromIndex);
        config.rounds.dbDelays.push(dbDelays);
        log(`cluster: ${config.id}: lookups ${Math.round(lookup.requestsPerSecond)}/s, retirements ${Math.round(retire.requestsPerSecond)}/s, merge delay p99 probe ${quantile([...probed.delays].sort((a, b) => a - b), 0.99)?.toFixed(0)} ms (${probed.delays.length}), database ${quantile([...dbDelays].sort((a, b) => a - b), 0.99)} ms (${dbDelays.length})`);
      } finally {
        await group.stop();
      }
    }
  }
}

async function measureWithCpu(group, scenario, load, config) {
  if (load.warmupSeconds > 0) await measure(group, scenario, { ...load, warmupSeconds: 0, durationSeconds: load.warmupSeconds });
  const before = cpuSnapshot(group.apis, config.dbName);
  const result = await measure(group, scenario, { ...load, warmupSeconds: 0 });
  result.cpu = cpuSince(before);
  return result;
}

/** Verifies the PostgreSQL ledger through the API (GET /v1/ledger/verify, an auditor's key) and the SQLite one likewise. */
async function verifyCluster(state, { log }) {
  const results = {};
  for (const config of state.configs.filter((c) => c.processes === 1)) {
    const group = await startGroup(config, 1);
    try {
      const res = await fetch(`${group.baseUrl[0]}/v1/ledger/verify`, { headers: { authorization: `Bearer ${config.auditorKey}` } });
      const json = await res.json();
      const [entries] = await logReader(config).query('SELECT COUNT(*) AS n FROM journal_entries');
      results[config.engine] = { status: res.status, ...json, entries: Number(entries.n), leaves: await logSize(config) };
      log(`cluster: ${config.engine} ledger verify ${res.status} ${JSON.stringify(json)}; ${entries.n} journal entries`);
    } finally {
      await group.stop();
    }
  }
  return results;
}

async function cleanupCluster(state, { log, keep = false }) {
  if (state.pg) {
    if (keep) log(`cluster: kept PostgreSQL database ${state.pg.url}`);
    else await state.pg.drop().catch((error) => log(`cluster: dropping ${state.pg.name} failed: ${error.message}`));
  }
  try {
    const IORedis = require('ioredis');
    const redis = new IORedis(state.redisUrl, { maxRetriesPerRequest: 1 });
    let cursor = '0';
    do {
      const [next, keys] = await redis.scan(cursor, 'MATCH', `${state.prefix}:*`, 'COUNT', 1000);
      cursor = next;
      if (keys.length > 0) await redis.del(...keys);
    } while (cursor !== '0');
    await redis.quit();
  } catch (error) {
    log(`cluster: removing Redis keys ${state.prefix}:* failed: ${error.message}`);
  }
  if (keep) log(`cluster: kept ${state.dir}`);
  else fs.rmSync(state.dir, { recursive: true, force: true });
}

module.exports = { prepareCluster, measureCluster, verifyCluster, cleanupCluster };
