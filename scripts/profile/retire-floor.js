#!/usr/bin/env node
'use strict';
/*
 * The registry's own work for a retirement, without HTTP, with and without SQLite write groups:
 * the built RetireCreditsUseCase on the built unit of work (group commit on a WAL file, as the API
 * runs it) of one temporary ledger, RETIRE_FLOOR_CONCURRENCY callers each retiring a distinct
 * 10-serial piece of one held block in a loop. Alternating rounds (grouped, then SQLITE_WRITE_GROUP=1)
 * so that the shared machine's drifts fall on both; retirements/s and process CPU µs per retirement
 * (all threads, from process.cpuUsage) per variant. Needs `npm run build` first.
 *
 *   node scripts/profile/retire-floor.js        # RETIRE_FLOOR_ROUNDS (6), _SECONDS (3), _CONCURRENCY (10), _GROUP (32), _SPREAD (1)
 *
 * RETIRE_FLOOR_VARIANTS=grouped measures the grouped variant only (the API's default; the bench's
 * `floor` scenario); RETIRE_FLOOR_JSON=1 ends with one line of JSON: [{ name, perSecond, cpu }].
 */
const fs = require('node:fs');
const os = require('node:os');
const path = require('node:path');
require('reflect-metadata');

const DIST = path.resolve(__dirname, '../../dist/apps/api/libs');
const lib = (file) => require(path.join(DIST, file));
const env = (name, fallback) => Number(process.env[name] || fallback);
const ROUNDS = env('RETIRE_FLOOR_ROUNDS', 6);
const SECONDS = env('RETIRE_FLOOR_SECONDS', 3);
const CONCURRENCY = env('RETIRE_FLOOR_CONCURRENCY', 10);
const GROUP = env('RETIRE_FLOOR_GROUP', 32);
// Held blocks the retirements are spread over (a prime stride between them): 1 retires pieces of one
// block in order (hot pages); the bench's ledgers retire from blocks all over the ledger.
const SPREAD = env('RETIRE_FLOOR_SPREAD', 1);
const STRIDE = 7919;
const ONLY_GROUPED = process.env.RETIRE_FLOOR_VARIANTS === 'grouped';
const JSON_OUT = process.env.RETIRE_FLOOR_JSON === '1';
const LIMITS = { maxBlockQuantity: 1_000_000_000n };
const EVIDENCE = { registry: 'J-Credit registry', reference: 'retire-floor' };

async function main() {
  const { openDatabase, createUnitOfWork, FileKeyRing } = lib('persistence/src');
  const { CreateOrganizationUseCase } = lib('ledger/src/organizations/create-organization.use-case');
  const { RegisterHoldingUseCase } = lib('ledger/src/holdings/register-holding.use-case');
  const { RetireCreditsUseCase } = lib('ledger/src/retirements/retire-credits.use-case');
  const { JobQueue } = lib('jobs/src');
  class NoJobs extends JobQueue {
    async enqueue() {}
    async health() {
      return { ok: true, mode: 'in-process', failed: 0 };
    }
  }

  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'retire-floor-'));
  const dataSource = await openDatabase({ engine: 'sqlite', sqlitePath: path.join(dir, 'ledger.sqlite') });
  try {
    const alone = { name: 'alone (SQLITE_WRITE_GROUP=1)', uow: createUnitOfWork(dataSource, { writeGroup: 1 }) };
    const variants = [{ name: `grouped (SQLITE_WRITE_GROUP=${GROUP})`, uow: createUnitOfWork(dataSource, { writeGroup: GROUP }) }, ...(ONLY_GROUPED ? [] : [alone])];
    const setup = alone.uow;
    const { id: organizationId } = await new CreateOrganizationUseCase(setup).execute({ name: 'Floor Co.', roles: ['provider'] });
    const actor = { kind: 'organization', organizationId, roles: ['provider'], apiKeyId: 'floor-key' };
    const register = new RegisterHoldingUseCase(setup, LIMITS);
    for (let b = 1; b <= SPREAD; b++) await register.execute({ actor, serial: `JCL-ERL-R${b}-1-900000000`, evidence: EVIDENCE });
    let issued = 0;
    const nextSerial = () => {
      const k = issued++;
      const block = 1 + ((k * STRIDE) % SPREAD);
      const start = 1 + Math.floor(k / SPREAD) * 10;
      return `JCL-ERL-R${block}-${start}-${start + 9}`;
    };
    const signer = new FileKeyRing(path.join(dir, 'keys'));

    const round = async ({ uow }, seconds) => {
      const retire = new RetireCreditsUseCase(uow, signer, new NoJobs(), LIMITS);
      const until = Date.now() + seconds * 1000;
      let done = 0;
      const cpu = process.cpuUsage();
      const started = process.hrtime.bigint();
      await Promise.all(
        Array.from({ length: CONCURRENCY }, async () => {
          while (Date.now() < until) {
            await retire.execute({ actor, serials: [nextSerial()], beneficiary: 'Floor', purpose: 'measure' });
            done++;
          }
        }),
      );
      const elapsed = Number(process.hrtime.bigint() - started) / 1e9;
      const used = process.cpuUsage(cpu);
      return { done, elapsed, cpuMicros: used.user + used.system };
    };

    for (const variant of variants) await round(variant, 1); // warm-up
    const totals = variants.map(() => ({ done: 0, elapsed: 0, cpuMicros: 0 }));
    for (let r = 1; r <= ROUNDS; r++) {
      for (const [i, variant] of variants.entries()) {
        const result = await round(variant, SECONDS);
        for (const key of Object.keys(result)) totals[i][key] += result[key];
        console.log(`round ${r}/${ROUNDS} ${variant.name}: ${(result.done / result.elapsed).toFixed(0)} retirements/s, ${(result.cpuMicros / result.done).toFixed(0)} CPU µs each`);
      }
    }
    const rows = totals.map((t, i) => ({ name: variants[i].name, perSecond: t.done / t.elapsed, cpu: t.cpuMicros / t.done }));
    console.log(`\n${CONCURRENCY} concurrent callers, ${ROUNDS} × ${SECONDS} s alternating rounds, load average ${os.loadavg().map((l) => l.toFixed(2)).join(' ')}`);
    for (const row of rows) console.log(`${row.name}: ${row.perSecond.toFixed(0)} retirements/s, ${row.cpu.toFixed(0)} CPU µs per retirement`);
    if (rows.length === 2) console.log(`grouped ÷ alone: retirements/s ${(rows[0].perSecond / rows[1].perSecond).toFixed(2)}, CPU µs per retirement ${(rows[0].cpu / rows[1].cpu).toFixed(2)}`);
    if (JSON_OUT) console.log(JSON.stringify(rows));
  } finally {
    await dataSource.destroy();
    fs.rmSync(dir, { recursive: true, force: true });
  }
}

main().catch((error) => {
  console.error(error);
  process.exit(1);
});
