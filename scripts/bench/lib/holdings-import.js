'use strict';
/*
 * Holdings import scenario (issue 14): a statement of BENCH_IMPORT_ROWS rows (default 1,000,000) in
 * the registry's own CSV, imported by `registry import holdings` into a fresh SQLite ledger; then the
 * same file again (every row skipped). Figures from the CLI's own summary: rows/s over the import
 * (start-up excluded), the process's CPU seconds and peak RSS. The ledger must verify afterwards.
 */
const fs = require('node:fs');
const os = require('node:os');
const path = require('node:path');
const { spawn } = require('node:child_process');
const { distFile, verifyLedger, REPO } = require('./api-process');
const { writeHoldingsFile } = require('./holdings-file');

const CLI_REL = 'apps/cli/apps/cli/src/main.js';

function runCli(cliMain, args, sqlitePath) {
  return new Promise((resolve, reject) => {
    const started = Date.now();
    const child = spawn(process.execPath, [cliMain, ...args], {
      cwd: REPO,
      env: { PATH: process.env.PATH ?? '', SQLITE_PATH: sqlitePath, CERTIFICATE_KEYS_DIR: path.join(path.dirname(sqlitePath), 'keys'), LOG_LEVEL: 'warn' },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let out = '';
    let err = '';
    child.stdout.on('data', (c) => (out += c));
    child.stderr.on('data', (c) => (err += c));
    child.on('error', reject);
    child.on('exit', (code) => {
      if (code !== 0) return reject(new Error(`registry ${args.join(' ')} exited ${code}: ${err.slice(-2000)}`));
      let json = null;
      try {
        json = JSON.parse(out.trim().split('\n').pop());
      } catch {
        /* `db migrate` prints a line of text */
      }
      resolve({ json, wallSeconds: (Date.now() - started) / 1000 });
    });
  });
}

async function measureHoldingsImport({ rows, log, keep }) {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'registry-bench-import-'));
  const sqlitePath = path.join(dir, 'registry.sqlite');
  const file = path.join(dir, 'holdings.csv');
  try {
    const cliMain = await distFile(CLI_REL);
    log(`import: writing a ${rows.toLocaleString('en-US')}-row statement`);
    const bytes = await writeHoldingsFile(file, rows);
    await runCli(cliMain, ['db', 'migrate'], sqlitePath);
    const created = await runCli(cliMain, ['orgs', 'create', '--name', 'Bench Importer K.K.', '--roles', 'provider'], sqlitePath);
    const orgId = created.json.id;
    const loadBefore = os.loadavg()[0];
    log(`import: first import (${(bytes / 1e6).toFixed(0)} MB)`);
    const first = await runCli(cliMain, ['import', 'holdings', file, '--org', orgId], sqlitePath);
    log(`import: ${JSON.stringify(first.json)}`);
    log('import: the same file again');
    const second = await runCli(cliMain, ['import', 'holdings', file, '--org', orgId], sqlitePath);
    log(`import: ${JSON.stringify(second.json)}`);
    const verify = await verifyLedger(sqlitePath);
    const dbBytes = ['', '-wal'].reduce((n, suffix) => n + (fs.existsSync(sqlitePath + suffix) ? fs.statSync(sqlitePath + suffix).size : 0), 0);
    return { rows, bytes, dbBytes, first: first.json, second: second.json, verify, loadBefore, loadAfter: os.loadavg()[0] };
  } finally {
    if (keep) log(`import: kept ${dir}`);
    else fs.rmSync(dir, { recursive: true, force: true });
  }
}

const TARGETS = { rowsPerSecond: 50_000, peakRssMb: 300 };

function importReport(r, { f0, f2 }) {
  const row = (label, s) =>
    `| ${label} | ${f0(s.total)} | ${f0(s.accepted)} / ${f0(s.skipped)} / ${f0(s.refused)} | ${f2(s.seconds)} | ${f0(s.rowsPerSecond)} | ${f2(s.cpuSeconds)} | ${f0(s.total / s.cpuSeconds)} | ${f0(s.peakRssMb)} |`;
  return [
    '## Holdings import (CLI, SQLite)',
    '',
    `\`registry import holdings\` of a ${f0(r.rows)}-row statement (${f2(r.bytes / 1e6)} MB, the registry's own CSV, 1,000 namespaces) into a fresh ledger, then the same file again. rows/s over the import (start-up excluded); CPU = the whole process (start-up included), so rows per CPU second is what one free core would do. Load average (1 min) ${f2(r.loadBefore)} before, ${f2(r.loadAfter)} after. Ledger file ${f2(r.dbBytes / 1e6)} MB; \`ledger verify\` ok=${r.verify.ok} (checked ${r.verify.checked}).`,
    '',
    '| Run | rows | accepted / skipped / refused | s | rows/s | CPU s | rows per CPU s | peak RSS MB |',
    '|---|---:|---:|---:|---:|---:|---:|---:|',
    row('first import', r.first),
    row('same file again', r.second),
    '',
  ];
}

function importTargets(r, { f0 }) {
  const ok = r.verify.ok && r.first.status === 'done' && r.first.accepted === r.rows && r.second.skipped === r.rows;
  return [
    [`6. holdings import rows/s (${f0(r.rows)} rows, SQLite)`, f0(r.first.rowsPerSecond), `≥ ${f0(TARGETS.rowsPerSecond)}`, ok && r.first.rowsPerSecond >= TARGETS.rowsPerSecond],
    [`6. holdings import peak RSS`, `${f0(Math.max(r.first.peakRssMb, r.second.peakRssMb))} MB`, `≤ ${TARGETS.peakRssMb} MB`, ok && Math.max(r.first.peakRssMb, r.second.peakRssMb) <= TARGETS.peakRssMb],
    [`(info) holdings import rows per CPU second; same file again rows/s`, `${f0(r.first.total / r.first.cpuSeconds)}; ${f0(r.second.rowsPerSecond)}`, '—', null],
  ];
}

module.exports = { measureHoldingsImport, importReport, importTargets };
