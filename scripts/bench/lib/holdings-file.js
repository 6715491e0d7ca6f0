'use strict';
/*
 * Writes a holdings statement in the registry's own format (serial,scheme,registry,reference) with
 * `rows` rows of BLOCK serials each, spread over `namespaces` J-Credit namespaces (project numbers),
 * streamed to disk so that generating 1,000,000 rows needs no more memory than 100.
 * Alone: node scripts/bench/lib/holdings-file.js <file> [rows] [namespaces]
 */
const fs = require('node:fs');
const { once } = require('node:events');

const BLOCK = 10;

function holdingRow(i, namespaces) {
  const project = (i % namespaces) + 1;
  const start = Math.floor(i / namespaces) * BLOCK + 1;
  return `JCL-ERL-K${project}-${start}-${start + BLOCK - 1},,J-Credit registry,statement ${1 + Math.floor(i / 100_000)}\n`;
}

async function writeHoldingsFile(file, rows, namespaces = 1000) {
  const out = fs.createWriteStream(file);
  out.write('serial,scheme,registry,reference\n');
  let chunk = '';
  for (let i = 0; i < rows; i++) {
    chunk += holdingRow(i, namespaces);
    if (chunk.length > 1 << 16) {
      if (!out.write(chunk)) await once(out, 'drain');
      chunk = '';
    }
  }
  out.end(chunk);
  await once(out, 'close');
  return fs.statSync(file).size;
}

module.exports = { writeHoldingsFile, holdingRow, BLOCK };

if (require.main === module) {
  const [file, rows = '1000000', namespaces = '1000'] = process.argv.slice(2);
  if (!file) {
    process.stderr.write('usage: holdings-file.js <file> [rows] [namespaces]\n');
    process.exit(2);
  }
  writeHoldingsFile(file, Number(rows), Number(namespaces)).then(
    (bytes) => process.stdout.write(`${file}: ${rows} rows, ${bytes} bytes\n`),
    (error) => {
      process.stderr.write(`${error.stack}\n`);
      process.exitCode = 1;
    },
  );
}
