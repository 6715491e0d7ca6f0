'use strict';
/*
 * The PostgreSQL side of the cluster scenario: a fresh database on the server the tests use
 * (`bench_<random>`, dropped afterwards) and the same ledger seed.js writes into SQLite, inserted in
 * batches through unnest() (the API must have migrated the database first). Same rows: the
 * namespace and attributes parseSerial gives, created_seq 0 and no journal entry, certificate
 * numbers continued by the app's own RC-<year> counter.
 */
const { randomBytes, randomUUID } = require('node:crypto');
const { Client } = require('pg');
const { STRIDE, BLOCK_SIZE } = require('./seed');

const RETIREMENT_GROUP = 5;
const BATCH = 10_000;

function japanYear() {
  return new Date(Date.now() + 9 * 3600_000).getUTCFullYear();
}

async function withClient(url, work) {
  const client = new Client({ connectionString: url });
  await client.connect();
  try {
    return await work(client);
  } finally {
    await client.end();
  }
}

/** CREATE DATABASE bench_<random> next to `baseUrl`'s; `drop()` removes it (WITH (FORCE): no backend left behind). */
async function createBenchDatabase(baseUrl) {
  const name = `bench_${randomBytes(5).toString('hex')}`;
  await withClient(baseUrl, (c) => c.query(`CREATE DATABASE ${name}`));
  const url = new URL(baseUrl);
  url.pathname = `/${name}`;
  return { name, url: url.toString(), drop: () => withClient(baseUrl, (c) => c.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`)) };
}

/** Inserts the layout (see seed.js); returns { blocks, retirements, seconds }. */
async function seedPostgres(url, layout, { providerId, apiKeyId, parseSerial }) {
  const started = process.hrtime.bigint();
  return withClient(url, async (db) => {
    const existing = Number((await db.query('SELECT COUNT(*) AS n FROM serial_blocks')).rows[0].n);
    if (existing !== 0) throw new Error(`seed expects a freshly migrated database (${existing} blocks)`);
    const year = japanYear();
    const createdAt = new Date().toISOString();
    let certificate = 0;
    let blocks = [];
    let retirements = [];
    let blockCount = 0;
    let retirementCount = 0;
    const flush = async () => {
      if (retirements.length > 0) {
        const col = (k) => retirements.map((r) => r[k]);
        await db.query(
          `INSERT INTO retirements (id, organization_id, api_key_id, quantity, retired_on, beneficiary, purpose, serials, certificate_number, created_seq, created_at)
           SELECT id, $2, $3, quantity, '2025-04-01', 'Bench Beneficiary K.K.', 'FY2024 offset of Scope 1 emissions', serials, number, 0, $4
           FROM unnest($1::text[], $5::text[], $6::text[], $7::text[]) AS r (id, quantity, serials, number)`,
          [col('id'), providerId, apiKeyId, createdAt, col('quantity'), col('serials'), col('number')],
        );
      }
      if (blocks.length > 0) {
        const col = (k) => blocks.map((b) => b[k]);
        await db.query(
          `INSERT INTO serial_blocks (id, scheme, namespace, start_serial, end_serial, attributes, status, owner_id, retirement_id, created_seq)
           SELECT id, scheme, namespace, s, e, attributes, status, $8, retirement_id, 0
           FROM unnest($1::text[], $2::text[], $3::text[], $4::bigint[], $5::bigint[], $6::text[], $7::text[], $9::text[])
             AS b (id, scheme, namespace, s, e, attributes, status, retirement_id)`,
          [col('id'), col('scheme'), col('namespace'), col('start'), col('end'), col('attributes'), col('status'), providerId, col('retirementId')],
        );
      }
      blocks = [];
      retirements = [];
    };
    await db.query('BEGIN');
    let ns = -1;
    let parsed;
    let attributes;
    let retirementId = null;
    for (let b = 0; b < layout.blockCount; b++) {
      const block = layout.block(b);
      if (block.ns !== ns) {
        ns = block.ns;
        parsed = parseSerial(layout.serial(ns, 1, 1));
        attributes = JSON.stringify(parsed.attributes);
        retirementId = null;
      }
      const row = { id: randomUUID(), scheme: parsed.scheme, namespace: parsed.namespace, start: block.start, end: block.end, attributes, status: 'held', retirementId: null };
      if (!block.held) {
        const retiredIndex = (block.j - 1) / 2;
        if (retiredIndex % RETIREMENT_GROUP === 0 || retirementId === null) {
          const members = [];
          for (let k = block.j; k < layout.blocksPerNamespace && members.length < RETIREMENT_GROUP; k += 2) {
            const start = k * STRIDE + 1;
            members.push(parseSerial(layout.serial(ns, start, start + BLOCK_SIZE - 1)).canonical);
          }
          retirementId = randomUUID();
          retirements.push({ id: retirementId, quantity: String(members.length * BLOCK_SIZE), serials: JSON.stringify(members), number: `RC-${year}-${String(++certificate).padStart(6, '0')}` });
          retirementCount++;
        }
        row.status = 'retired';
        row.retirementId = retirementId;
      }
      blocks.push(row);
      blockCount++;
      if (blocks.length >= BATCH) await flush();
    }
    await flush();
    // The app's certificate sequence starts after number_sequences' count when it is first created.
    await db.query(`INSERT INTO number_sequences (name, last) VALUES ($1, $2) ON CONFLICT (name) DO UPDATE SET last = excluded.last`, [`RC-${year}`, certificate]);
    await db.query('COMMIT');
    await db.query('ANALYZE');
    return { blocks: blockCount, retirements: retirementCount, seconds: Number(process.hrtime.bigint() - started) / 1e9 };
  });
}

module.exports = { createBenchDatabase, seedPostgres, withClient };
