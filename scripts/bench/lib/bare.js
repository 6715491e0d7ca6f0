'use strict';
/*
 * Issue 18's yardstick: every HTTP scenario as a ratio to a bare node:http server answering a
 * constant JSON body, measured by the same client in the same run (its rounds take turns with the
 * API's). CPU per request is compared too: at 10 connections the client, not the bare server, can be
 * what limits the bare figure (docs/profiles.md), so the CPU ratio shows the cost gap more truly.
 */
const NAMES = { health: 'GET /health/live', lookup: 'GET /v1/serials/status', retire: 'POST /v1/retirements' };
const TARGETS = { healthVsBare: 0.5, lookupVsBare: 0.3, lookupP99Ms: 10, retirementsPerSecond: 2000 };
const BARE_SCENARIO = { method: 'GET', nextRequest: () => ({ path: '/health/live' }) };

function bareReport(bare, runs, { f0, f2 }) {
  const lines = ['## Against a bare node:http server (issue 18)', ''];
  lines.push(`Bare \`node:http\` (constant JSON body): ${f0(bare.requestsPerSecond)} req/s (rounds ${bare.roundRequestsPerSecond.map(f0).join(' / ')}), p50 ${bare.p50} ms, p99 ${bare.p99} ms, ${f0(bare.serverCpuMicrosPerRequest)} µs of server CPU per request.`, '');
  lines.push('| Ledger | Scenario | req/s ÷ bare | server CPU per request ÷ bare |', '|---|---|---:|---:|');
  for (const run of runs) {
    for (const [key, s] of Object.entries(run.scenarios)) {
      lines.push(`| ${run.dataset.id} | ${NAMES[key]} | ${f2(s.requestsPerSecond / bare.requestsPerSecond)} | ${f0(s.serverCpuMicrosPerRequest / bare.serverCpuMicrosPerRequest)}× |`);
    }
  }
  lines.push('');
  return lines;
}

/** Issue 18's targets, for the ledgers of a million blocks (and the health route wherever it ran). */
function bareTargets(bare, runs, { f0, f2 }) {
  const targets = [];
  for (const run of runs) {
    const { health, lookup, retire } = run.scenarios;
    const big = !run.dataset.baseline;
    if (health) targets.push([`18. /health/live ÷ bare (${run.dataset.id})`, f2(health.requestsPerSecond / bare.requestsPerSecond), `≥ ${TARGETS.healthVsBare}`, health.requestsPerSecond / bare.requestsPerSecond >= TARGETS.healthVsBare]);
    if (lookup && big) {
      targets.push([`18. status ÷ bare (${run.dataset.id})`, f2(lookup.requestsPerSecond / bare.requestsPerSecond), `≥ ${TARGETS.lookupVsBare}`, lookup.requestsPerSecond / bare.requestsPerSecond >= TARGETS.lookupVsBare]);
      targets.push([`18. status p99 (${run.dataset.id})`, `${lookup.p99} ms`, `≤ ${TARGETS.lookupP99Ms} ms`, lookup.p99 <= TARGETS.lookupP99Ms]);
      // The API answers on one thread: at 0.3 × bare's req/s that thread may spend this much per lookup.
      const budget = 1e6 / (TARGETS.lookupVsBare * bare.requestsPerSecond);
      const spent = `${f0(lookup.serverCpuMicrosPerRequest)} µs${health ? ` (/health/live ${f0(health.serverCpuMicrosPerRequest)} µs)` : ''}`;
      targets.push([`(info) 18. status, server CPU per lookup: allowed at ${TARGETS.lookupVsBare} × bare; spent (${run.dataset.id})`, `${f0(budget)} µs; ${spent}`, '—', null]);
    }
    if (retire && big) targets.push([`18. retirements/s, SQLite (${run.dataset.id})`, f0(retire.requestsPerSecond), `≥ ${f0(TARGETS.retirementsPerSecond)}`, retire.requestsPerSecond >= TARGETS.retirementsPerSecond]);
  }
  return targets;
}

module.exports = { BARE_SCENARIO, bareReport, bareTargets };
