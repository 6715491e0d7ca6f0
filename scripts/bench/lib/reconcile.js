'use strict';
/*
 * Reconciliation scenario: `npm run cli -- reconcile` of a generated ACR retirement export of
 * BENCH_RECONCILE_ROWS rows (default 1,000,000) against a SQLite ledger seeded with blocks in the
 * same namespaces. The export has ACR's real 32 columns (the first row of the real file beside the
 * clone is the template when present), rows in a shuffled order (exports list by date, not by
 * serial). The ledger: per namespace, every 5th row's range retired here against ACR (matched; every
 * 25th of those with another beneficiary), every 50th row's range held here (an alert), one range
 * retired here against ACR that the export does not list (an alert).
 * Alone: node scripts/bench/lib/reconcile.js (after npm run build).
 */
const fs = require('node:fs');
const os = require('node:os');
const path = require('node:path');
const { execFile } = require('node:child_process');
const { randomUUID } = require('node:crypto');
const Database = require('better-sqlite3');
const { distFile, DOMAIN_SERIALS_REL, REPO } = require('./api-process');

const CLI_REL = 'apps/cli/apps/cli/src/main.js';
const ROWS = Number(process.env.BENCH_RECONCILE_ROWS ?? 1_000_000);
const ROWS_PER_NAMESPACE = 1_000;
const STRIDE = 1_000;
const SIZE = 500;
const TARGET_ROWS_PER_SECOND = 100_000;
// The real ACR export's header and rows, found as the tests find the exports (REGISTRY_EXPORTS_DIR, the
// shared folder beside the repository, or beside a worktree's parent).
const ACR_RETIREMENTS = path.join('american-carbon-registry', 'retirements.csv');
const REAL_EXPORT = [process.env.REGISTRY_EXPORTS_DIR, path.resolve(REPO, '..', 'shared'), path.resolve(REPO, '..', '..', 'shared')]
  .filter((dir) => dir !== undefined)
  .map((dir) => path.join(dir.endsWith('registry-exports') ? dir : path.join(dir, 'fixtures', 'registry-exports'), ACR_RETIREMENTS))
  .find((file) => fs.existsSync(file));
const FALLBACK_HEADER =
  'fiid,Credit Serial Numbers,Date Issued (GMT),Vintage,Vintage Assignment Period Start Date,Vintage Assignment Period End Date,Quantity of Credits,Account Holder,Status Effective (GMT),Retired on Behalf of,Retirement Reason,Purpose of Retirement,Project ID,Project Name';

const log = (message) => process.stderr.write(`[bench:reconcile] ${message}\n`);
const namespaceSerial = (ns, start, end) => `ACR-US-${1000 + ns}-2025-${3000 + ns}-${start} to ${end}`;

function run(file, args, env) {
  return new Promise((resolve, reject) => {
    execFile(process.execPath, [file, ...args], { cwd: REPO, env: { PATH: process.env.PATH ?? '', LOG_LEVEL: 'warn', ...env }, maxBuffer: 1 << 24 }, (error, stdout, stderr) => {
      if (error && error.code !== 3) return reject(new Error(`${args.join(' ')} failed: ${stderr || error.message}`));
      resolve(stdout.trim().split('\n').pop());
    });
  });
}

/** The real file's header and first row as the template, with the columns this generator fills. */
function template() {
  const { parse } = require('csv-parse/sync');
  if (!REAL_EXPORT) log('the real ACR export was not found (set REGISTRY_EXPORTS_DIR): every row would be unreadable, a header-only stand-in is used');
  const text = REAL_EXPORT ? fs.readFileSync(REAL_EXPORT, 'utf8') : `${FALLBACK_HEADER}\n${FALLBACK_HEADER.split(',').map(() => 'x').join(',')}\n`;
  const [header, first] = parse(text, { bom: true, to_line: 2 });
  const { stringify } = require('csv-stringify/sync');
  const at = (name) => header.indexOf(name);
  return { headerLine: stringify([header]).trimEnd(), cells: first, serial: at('Credit Serial Numbers'), quantity: at('Quantity of Credits'), effective: at('Status Effective (GMT)'), beneficiary: at('Retired on Behalf of'), project: at('Project ID'), stringify };
}

/** Writes the export: ROWS rows over ROWS / 1,000 namespaces, shuffled with a fixed seed. */
function generateExport(file) {
  const t = template();
  const order = new Uint32Array(ROWS);
  for (let i = 0; i < ROWS; i++) order[i] = i;
  let state = 12345;
  for (let i = ROWS - 1; i > 0; i--) {
    state = (Math.imul(state, 1103515245) + 12345) >>> 0;
    const j = state % (i + 1);
    [order[i], order[j]] = [order[j], order[i]];
  }
  const fd = fs.openSync(file, 'w');
  let chunk = `${t.headerLine}\n`;
  for (let i = 0; i < ROWS; i++) {
    const r = order[i];
    const ns = Math.floor(r / ROWS_PER_NAMESPACE);
    const start = (r % ROWS_PER_NAMESPACE) * STRIDE + 1;
    const cells = t.cells.slice();
    cells[t.serial] = namespaceSerial(ns, start, start + SIZE - 1);
    cells[t.quantity] = String(SIZE);
    cells[t.effective] = '4/13/2026 7:17:56 PM';
    cells[t.beneficiary] = 'Bench Beneficiary K.K.';
    cells[t.project] = `ACR${1000 + ns}`;
    chunk += t.stringify([cells]);
    if (chunk.length > 1 << 20) {
      fs.writeSync(fd, chunk);
      chunk = '';
    }
  }
  fs.writeSync(fd, chunk);
  fs.closeSync(fd);
}

/** Seeds the namespaces' blocks directly (the CLI is stopped), as seed.js does for the HTTP scenarios. */
function seedLedger(sqlitePath, providerId, parseSerial) {
  const db = new Database(sqlitePath);
  db.pragma('synchronous = OFF');
  const insertBlock = db.prepare(`INSERT INTO serial_blocks (id, scheme, namespace, start_serial, end_serial, attributes, status, owner_id,
      retirement_id, parent_id, evidence_registry, evidence_reference, created_seq) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, NULL, ?, ?, 0)`);
  const insertRetirement = db.prepare(`INSERT INTO retirements (id, organization_id, api_key_id, quantity, retired_on, beneficiary, purpose,
      claim_id, evidence_registry, evidence_reference, serials, certificate_number, created_seq, created_at)
    VALUES (?, ?, NULL, ?, '2026-04-13', ?, 'bench', NULL, 'ACR Registry', ?, ?, ?, 0, ?)`);
  const createdAt = new Date().toISOString();
  let certificate = 0;
  let blocks = 0;
  const retire = (parsed, start, end, beneficiary) => {
    const id = randomUUID();
    const canonical = parseSerial(namespaceSerial(parsed.ns, start, end)).canonical;
    insertRetirement.run(id, providerId, String(end - start + 1), beneficiary, `ACR-RET-${++certificate}`, JSON.stringify([canonical]), `RC-BENCH-${certificate}`, createdAt);
    insertBlock.run(randomUUID(), parsed.scheme, parsed.namespace, start, end, parsed.attributes, 'retired', providerId, id, 'ACR Registry', `ACR-RET-${certificate}`);
    blocks++;
  };
  const namespaces = Math.ceil(ROWS / ROWS_PER_NAMESPACE);
  db.transaction(() => {
    for (let ns = 0; ns < namespaces; ns++) {
      const p = parseSerial(namespaceSerial(ns, 1, 1));
      const parsed = { ns, scheme: p.scheme, namespace: p.namespace, attributes: JSON.stringify(p.attributes) };
      for (let k = 0; k < ROWS_PER_NAMESPACE; k++) {
        const start = k * STRIDE + 1;
        if (k % 5 === 0) retire(parsed, start, start + SIZE - 1, k % 125 === 0 ? 'Someone Else Ltd' : 'Bench Beneficiary K.K.');
        else if (k % 50 === 1) {
          insertBlock.run(randomUUID(), p.scheme, p.namespace, start, start + SIZE - 1, parsed.attributes, 'held', providerId, null, 'ACR Registry', 'statement');
          blocks++;
        }
      }
      const beyond = ROWS_PER_NAMESPACE * STRIDE + 1;
      retire(parsed, beyond, beyond + 99, 'Bench Beneficiary K.K.');
    }
  })();
  db.close();
  return blocks;
}

async function measureReconcile() {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'registry-bench-reconcile-'));
  const env = { SQLITE_PATH: path.join(dir, 'registry.sqlite'), CERTIFICATE_KEYS_DIR: path.join(dir, 'keys') };
  try {
    const cli = await distFile(CLI_REL);
    const { parseSerial } = require(await distFile(DOMAIN_SERIALS_REL));
    await run(cli, ['db', 'migrate'], env);
    const provider = JSON.parse(await run(cli, ['orgs', 'create', '--name', 'Bench Provider', '--roles', 'provider'], env));
    let started = Date.now();
    const blocks = seedLedger(env.SQLITE_PATH, provider.id, parseSerial);
    log(`seeded ${blocks.toLocaleString('en-US')} blocks in ${((Date.now() - started) / 1000).toFixed(1)} s`);
    const exportFile = path.join(dir, 'acr-retirements.csv');
    started = Date.now();
    generateExport(exportFile);
    log(`generated ${ROWS.toLocaleString('en-US')} rows (${(fs.statSync(exportFile).size / 2 ** 20).toFixed(0)} MiB) in ${((Date.now() - started) / 1000).toFixed(1)} s`);
    const loadBefore = os.loadavg().map((n) => n.toFixed(2)).join(' ');
    const summary = JSON.parse(await run(cli, ['reconcile', exportFile, '--format', 'acr', '--report', path.join(dir, 'report.csv')], env));
    const loadAfter = os.loadavg().map((n) => n.toFixed(2)).join(' ');
    log(JSON.stringify(summary));
    return { ...summary, blocks, loadBefore, loadAfter, reportBytes: fs.statSync(path.join(dir, 'report.csv')).size };
  } finally {
    if (process.env.BENCH_KEEP_DB === '1') log(`kept ${dir}`);
    else fs.rmSync(dir, { recursive: true, force: true });
  }
}

function reconcileReport(r) {
  const ok = r.rowsPerSecond >= TARGET_ROWS_PER_SECOND;
  return [
    '## Reconciliation (CLI, SQLite)',
    '',
    `\`reconcile\` of a generated ACR retirement export (${r.rows.toLocaleString('en-US')} rows, the real file's 32 columns, shuffled) against ${r.blocks.toLocaleString('en-US')} seeded blocks in its ${Math.ceil(r.rows / ROWS_PER_NAMESPACE).toLocaleString('en-US')} namespaces, report file written; whole process (start-up, streaming, sorting, merging, storing the alerts, journaling). Load average before / after: ${r.loadBefore} / ${r.loadAfter}.`,
    '',
    '| rows | matched | alerts | seconds | rows/s | Target | CPU s (rows per CPU s) | peak RSS MB | Result |',
    '|---:|---:|---:|---:|---:|---:|---:|---:|---|',
    `| ${r.rows.toLocaleString('en-US')} | ${r.matched.toLocaleString('en-US')} | ${r.alertCount.toLocaleString('en-US')} | ${r.seconds} | ${r.rowsPerSecond.toLocaleString('en-US')} | ≥ ${TARGET_ROWS_PER_SECOND.toLocaleString('en-US')} | ${r.cpuSeconds} (${Math.round(r.rows / r.cpuSeconds).toLocaleString('en-US')}) | ${r.peakRssMb} | ${ok ? 'ok' : 'MISS'} |`,
    '',
  ];
}

module.exports = { measureReconcile, reconcileReport };

if (require.main === module) {
  measureReconcile()
    .then((r) => process.stdout.write(`${reconcileReport(r).join('\n')}\n`))
    .catch((error) => {
      process.stderr.write(`${error.stack}\n`);
      process.exit(1);
    });
}
