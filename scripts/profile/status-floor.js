'use strict';
/*
 * The registry's own work for one status lookup, without HTTP: the built SerialStatusQuery on the
 * built SqliteUnitOfWork over a better-sqlite3 handle of the same ledger (no group commit: reads
 * have nothing to wait for here), plus JSON.stringify of the answer. Run in this process while
 * the API is stopped; what a status request costs beyond this is the framework's and node:http's.
 */
const path = require('node:path');
const Database = require('better-sqlite3');
require('reflect-metadata');

const DIST = path.resolve(__dirname, '../../dist/apps/api/libs');

/** @returns { microsPerLookup, sqlMicrosPerLookup, stringifyMicros, lookups } */
async function statusFloor(sqlitePath, nextSerial, { seconds = 3 } = {}) {
  const { SqliteUnitOfWork } = require(path.join(DIST, 'persistence/src/unit-of-work'));
  const { SerialStatusQuery } = require(path.join(DIST, 'ledger/src/status/serial-status.query'));
  const db = new Database(sqlitePath);
  try {
    const query = new SerialStatusQuery(new SqliteUnitOfWork(db));
    // Statement time alone: every prepared statement the store runs, timed around its all()/run().
    let sqlNanos = 0n;
    const prepare = db.prepare.bind(db);
    db.prepare = (text) => {
      const statement = prepare(text);
      const all = statement.all.bind(statement);
      return new Proxy(statement, {
        get(target, key) {
          if (key === 'all') {
            return (...params) => {
              const t = process.hrtime.bigint();
              try {
                return all(...params);
              } finally {
                sqlNanos += process.hrtime.bigint() - t;
              }
            };
          }
          const value = Reflect.get(target, key, target);
          return typeof value === 'function' ? value.bind(target) : value;
        },
      });
    };
    for (let i = 0; i < 2000; i++) await query.execute(nextSerial()); // warm-up (JIT, page cache)
    sqlNanos = 0n;
    let lookups = 0;
    let stringifyNanos = 0n;
    const started = process.hrtime.bigint();
    const until = started + BigInt(Math.round(seconds * 1e9));
    while (process.hrtime.bigint() < until) {
      const answer = await query.execute(nextSerial());
      const t = process.hrtime.bigint();
      JSON.stringify(answer);
      stringifyNanos += process.hrtime.bigint() - t;
      lookups++;
    }
    const elapsed = Number(process.hrtime.bigint() - started);
    return {
      lookups,
      microsPerLookup: elapsed / 1000 / lookups,
      sqlMicrosPerLookup: Number(sqlNanos) / 1000 / lookups,
      stringifyMicros: Number(stringifyNanos) / 1000 / lookups,
    };
  } finally {
    db.close();
  }
}

module.exports = { statusFloor };
