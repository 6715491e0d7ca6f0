'use strict';
/*
 * Seeds the ledger directly with better-sqlite3 (the API must be stopped). Mirrors what the app
 * writes for a registered holding (register-holding.use-case.ts + block.store.ts) and for a
 * retirement (retire-credits.use-case.ts + retirement.store.ts): same namespace and attributes as
 * parseSerial gives, bounds as INTEGER, attributes as JSON text. Seeded rows carry created_seq 0
 * and no journal entry; ledger_head stays as the migration left it, so `ledger verify` still passes.
 *
 * Layout: `namespaces` certification numbers R1..Rn, each with `blocksPerNamespace` blocks of
 * BLOCK_SIZE serials, one every STRIDE serials (gaps between blocks are unknown to the ledger).
 * Even blocks are held by the provider, odd blocks are retired by it, RETIREMENT_GROUP per retirement.
 */
const { randomUUID } = require('node:crypto');
const Database = require('better-sqlite3');

const STRIDE = 1000;
const BLOCK_SIZE = 500;
const RETIREMENT_GROUP = 5;
const ROWS_PER_TRANSACTION = 250_000;

/** Japan's calendar year now: the year the app puts in certificate numbers (RC-<year>-<n>). */
function japanYear() {
  return new Date(Date.now() + 9 * 3600_000).getUTCFullYear();
}

class Layout {
  constructor({ namespaces, blocksPerNamespace }) {
    this.namespaces = namespaces;
    this.blocksPerNamespace = blocksPerNamespace;
    this.blockCount = namespaces * blocksPerNamespace;
    this.heldPerNamespace = Math.ceil(blocksPerNamespace / 2);
    this.heldCount = namespaces * this.heldPerNamespace;
  }

  cert(ns) {
    return `R${ns + 1}`;
  }

  serial(ns, start, end) {
    return `JCL-ERL-${this.cert(ns)}-${start}-${end}`;
  }

  /** Block `b` (0 ≤ b < blockCount). */
  block(b) {
    const ns = Math.floor(b / this.blocksPerNamespace);
    const j = b % this.blocksPerNamespace;
    const start = j * STRIDE + 1;
    return { ns, j, start, end: start + BLOCK_SIZE - 1, held: j % 2 === 0 };
  }

  /** Held block `h` (0 ≤ h < heldCount). */
  heldBlock(h) {
    const ns = Math.floor(h / this.heldPerNamespace);
    return this.block(ns * this.blocksPerNamespace + 2 * (h % this.heldPerNamespace));
  }
}

/**
 * Inserts the layout; returns { blocks, retirements, seconds }. `parseSerial` is the domain lib's
 * (from the API build), so namespaces and attributes are exactly what the API derives.
 */
function seed(sqlitePath, layout, { providerId, apiKeyId, parseSerial }) {
  const started = process.hrtime.bigint();
  const db = new Database(sqlitePath);
  try {
    db.pragma('synchronous = OFF');
    db.pragma('cache_size = -262144');
    db.pragma('temp_store = MEMORY');
    const head = db.prepare('SELECT seq, hash FROM ledger_head WHERE id = 1').get();
    const existing = db.prepare('SELECT COUNT(*) AS n FROM serial_blocks').get().n;
    if (!head || existing !== 0) throw new Error(`seed expects a freshly migrated database (head ${JSON.stringify(head)}, ${existing} blocks)`);
    if (!db.prepare('SELECT 1 FROM organizations WHERE id = ?').get(providerId)) throw new Error(`organization ${providerId} is missing`);

    const insertBlock = db.prepare(`INSERT INTO serial_blocks (id, scheme, namespace, start_serial, end_serial, attributes, status, owner_id,
        retirement_id, parent_id, evidence_registry, evidence_reference, created_seq)
      VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, NULL, NULL, NULL, 0)`);
    const insertRetirement = db.prepare(`INSERT INTO retirements (id, organization_id, api_key_id, quantity, retired_on, beneficiary, purpose,
        claim_id, evidence_registry, evidence_reference, serials, certificate_number, created_seq, created_at)
      VALUES (?, ?, ?, ?, ?, ?, ?, NULL, NULL, NULL, ?, ?, 0, ?)`);
    const createdAt = new Date().toISOString();
    // Certificate numbers, when the schema has them: RC-<year>-<n> from the counter the app advances
    // (number_sequences keyed 'RC-<year>', or the earlier certificate_sequences keyed by year).
    const year = japanYear();
    const table = (name) => !!db.prepare(`SELECT 1 FROM sqlite_master WHERE type = 'table' AND name = ?`).get(name);
    const counter = table('number_sequences')
      ? { read: 'SELECT last FROM number_sequences WHERE name = ?', write: 'INSERT INTO number_sequences (name, last) VALUES (?, ?) ON CONFLICT (name) DO UPDATE SET last = excluded.last', key: `RC-${year}` }
      : table('certificate_sequences')
        ? { read: 'SELECT last FROM certificate_sequences WHERE year = ?', write: 'INSERT INTO certificate_sequences (year, last) VALUES (?, ?) ON CONFLICT (year) DO UPDATE SET last = excluded.last', key: year }
        : null;
    let certificateSequence = counter ? Number(db.prepare(counter.read).get(counter.key)?.last ?? 0) : 0;
    const nextCertificate = () => (counter ? `RC-${year}-${String(++certificateSequence).padStart(6, '0')}` : null);

    let blocks = 0;
    let retirements = 0;
    const insertRange = db.transaction((from, to) => {
      let ns = -1;
      let parsed;
      let attributes;
      let retirementId = null;
      for (let b = from; b < to; b++) {
        const block = layout.block(b);
        if (block.ns !== ns) {
          ns = block.ns;
          parsed = parseSerial(layout.serial(ns, 1, 1));
          attributes = JSON.stringify(parsed.attributes);
        }
        if (block.held) {
          insertBlock.run(randomUUID(), parsed.scheme, parsed.namespace, block.start, block.end, attributes, 'held', providerId, null);
        } else {
          const retiredIndex = (block.j - 1) / 2;
          if (retiredIndex % RETIREMENT_GROUP === 0 || retirementId === null) {
            // A retirement of the next RETIREMENT_GROUP retired blocks of this namespace.
            const members = [];
            for (let k = block.j; k < layout.blocksPerNamespace && members.length < RETIREMENT_GROUP; k += 2) {
              const start = k * STRIDE + 1;
              members.push(parseSerial(layout.serial(ns, start, start + BLOCK_SIZE - 1)).canonical);
            }
            retirementId = randomUUID();
            insertRetirement.run(retirementId, providerId, apiKeyId, String(members.length * BLOCK_SIZE), '2025-04-01',
              'Bench Beneficiary K.K.', 'FY2024 offset of Scope 1 emissions', JSON.stringify(members), nextCertificate(), createdAt);
            retirements++;
          }
          insertBlock.run(randomUUID(), parsed.scheme, parsed.namespace, block.start, block.end, attributes, 'retired', providerId, retirementId);
        }
        blocks++;
      }
    });
    // Transactions end on namespace boundaries so that retirement groups never straddle two.
    const step = Math.max(layout.blocksPerNamespace, Math.floor(ROWS_PER_TRANSACTION / layout.blocksPerNamespace) * layout.blocksPerNamespace);
    for (let from = 0; from < layout.blockCount; from += step) insertRange(from, Math.min(layout.blockCount, from + step));
    if (counter && certificateSequence > 0) db.prepare(counter.write).run(counter.key, certificateSequence);
    db.pragma('wal_checkpoint(TRUNCATE)');
    const after = db.prepare('SELECT seq, hash FROM ledger_head WHERE id = 1').get();
    if (after.seq !== head.seq || after.hash !== head.hash) throw new Error('seeding moved the journal head');
    return { blocks, retirements, seconds: Number(process.hrtime.bigint() - started) / 1e9 };
  } finally {
    db.close();
  }
}

module.exports = { seed, Layout, STRIDE, BLOCK_SIZE };
