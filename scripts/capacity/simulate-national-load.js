#!/usr/bin/env node
'use strict';
/*
 * What a national registry at SCALE × Japan's yearly volume needs: rows, storage, write rates,
 * index and log growth. Node, no dependencies. Every input is a named assumption or a measurement
 * (docs/scaling.md says which and where from); override any with --name=value, e.g.
 *   node scripts/capacity/simulate-national-load.js --scale=100 --lookupsPerSecond=1000 --retirements=20000
 * --json prints the figures instead of the table.
 */

const ASSUMED = {
  scale: 100,
  lookupsPerSecond: 1000,
  // Japan's yearly volume today (assumptions, docs/scaling.md "Inputs"): events, not tonnes.
  issuances: 2_000, // credit issuances (one block each) across J-Credit, J-VER successors and regional schemes
  retirements: 10_000, // 無効化 notices recorded with a provider
  transfers: 10_000, // moves between account holders
  claims: 1_000, // CN, CN plan and CFP offset claims
  blocksPerRetirement: 3, // held blocks one retirement touches (each is split: retired part + remainder)
  claimEventsPerClaim: 8, // create, providers, submit, verification, certify, … (journaled)
  pendingEvidenceShare: 0.2, // retirements recorded before the registry's reference: a version 2 certificate later
  yearsKept: 10,
  // Peaks: Japan's fiscal year ends in March, when CN/CFP offsets are completed.
  peakMonthShare: 0.3,
  businessDaysInMonth: 20,
  businessHoursPerDay: 9,
  busiestHourFactor: 3,
  // Measured on PostgreSQL 15 with `npm run cli -- seed demo` (3,015 blocks, 3,029 journal entries, 10 PDFs):
  // heap bytes per row incl. page overhead, and index bytes per row, from pg_relation_size / count.
  blockHeapBytes: 394,
  blockIndexBytes: 299, // 6 indexes; the EXCLUDE (GiST) overlap guard alone is 109
  exclusionIndexBytes: 109,
  journalBytesHolding: 684,
  journalBytesRetirement: 1_150, // payload 814 characters + row and index overhead
  journalBytesOther: 500,
  retirementRowBytes: 650, // 371-byte tuple + overhead + 5 indexes (estimated from the tuple)
  certificateRowBytes: 1_250, // 1,091-byte tuple (signature, digest) + overhead + indexes
  pdfBytes: 76_000, // average rendered certificate PDF (Noto Sans JP subset embedded)
  checkpointBytes: 250, // a signed note: origin, size, root hash, one Ed25519 signature
  hashBytes: 32,
  tileWidth: 256, // C2SP tlog-tiles: height 8
  // Measured in issue 17 (one machine, before the write-path rewrite), for the headroom rows.
  measuredPgRetirementsPerSecond: 67,
  measuredPgLookupsPerSecond: 411,
};

const SECONDS_PER_YEAR = 365 * 24 * 3600;
const GB = 1e9;

function parseArgs(argv) {
  const inputs = { ...ASSUMED };
  let json = false;
  for (const arg of argv) {
    if (arg === '--json') json = true;
    else {
      const match = /^--(\w+)=([\d.e_]+)$/.exec(arg);
      if (!match || !(match[1] in inputs)) throw new Error(`unknown or malformed option ${arg}; known: ${Object.keys(inputs).join(', ')}`);
      inputs[match[1]] = Number(match[2].replace(/_/g, ''));
    }
  }
  return { inputs, json };
}

/** Figures for one year at the given scale; pure, so the table is reproducible. */
function simulate(a) {
  const year = {
    issuances: a.issuances * a.scale,
    retirements: a.retirements * a.scale,
    transfers: a.transfers * a.scale,
    claims: a.claims * a.scale,
  };
  const blocksTouched = year.retirements * a.blocksPerRetirement + year.transfers;
  const blockRows = year.issuances + 2 * blocksTouched; // a split supersedes one row with two
  const liveBlockGrowth = year.issuances + blocksTouched; // net: +1 live row per block split
  const certificateVersions = year.retirements * a.pendingEvidenceShare;
  const otherEvents = year.claims * a.claimEventsPerClaim + certificateVersions;
  const journalEntries = year.issuances + year.retirements + year.transfers + otherEvents;
  const certificates = year.retirements + year.claims + certificateVersions;

  const bytes = {
    blocksHeap: blockRows * a.blockHeapBytes,
    blocksIndexes: blockRows * a.blockIndexBytes,
    retirements: year.retirements * a.retirementRowBytes,
    certificates: certificates * a.certificateRowBytes,
    journal: year.issuances * a.journalBytesHolding + year.retirements * a.journalBytesRetirement + (year.transfers + otherEvents) * a.journalBytesOther,
    pdfs: certificates * a.pdfBytes,
  };
  const databaseBytes = bytes.blocksHeap + bytes.blocksIndexes + bytes.retirements + bytes.certificates + bytes.journal;

  // Log: one leaf per journal entry; hash tiles (all levels ≈ n × 32 × 256/255), entry bundles ≈ the entries again.
  const hashTileBytes = (journalEntries * a.hashBytes * a.tileWidth) / (a.tileWidth - 1);
  const tiles = journalEntries / (a.tileWidth - 1);
  const treeNodes = 2 * journalEntries - 1;
  const checkpoints = Math.min(journalEntries, SECONDS_PER_YEAR); // at most one per merge (1 s)

  const writesPerSecondAverage = journalEntries / SECONDS_PER_YEAR;
  const peakHourSeconds = a.businessDaysInMonth * a.businessHoursPerDay * 3600;
  const writesPerSecondPeak = ((journalEntries * a.peakMonthShare) / peakHourSeconds) * a.busiestHourFactor;
  const retirementsPerSecondPeak = ((year.retirements * a.peakMonthShare) / peakHourSeconds) * a.busiestHourFactor;

  return {
    year,
    blockRows,
    liveBlockGrowth,
    exclusionIndexBytes: liveBlockGrowth * a.exclusionIndexBytes,
    journalEntries,
    certificates,
    bytes,
    databaseBytes,
    log: { leaves: journalEntries, treeNodes, tiles, hashTileBytes, bundleBytes: bytes.journal, checkpoints, checkpointBytes: checkpoints * a.checkpointBytes },
    writesPerSecondAverage,
    writesPerSecondPeak,
    retirementsPerSecondPeak,
    lookupsPerYear: a.lookupsPerSecond * SECONDS_PER_YEAR,
  };
}

const n = (x) => Math.round(x).toLocaleString('en-US');
const gb = (x) => `${(x / GB).toFixed(x < 10 * GB ? 2 : 0)} GB`;
const rate = (x) => `${x < 10 ? x.toFixed(2) : n(x)}/s`;

function table(a, r) {
  const rows = [
    ['issuances / retirements / transfers / claims per year', `${n(r.year.issuances)} / ${n(r.year.retirements)} / ${n(r.year.transfers)} / ${n(r.year.claims)}`],
    ['serial block rows per year (live growth)', `${n(r.blockRows)} (${n(r.liveBlockGrowth)})`],
    ['journal entries (= log leaves) per year', n(r.journalEntries)],
    ['certificates and versions per year', n(r.certificates)],
    ['database growth per year (blocks, retirements, certificates, journal)', gb(r.databaseBytes)],
    ['  of which serial_blocks heap + its indexes', `${gb(r.bytes.blocksHeap)} + ${gb(r.bytes.blocksIndexes)}`],
    ['  of which the EXCLUDE (GiST) overlap index, live rows', gb(r.exclusionIndexBytes)],
    ['  of which the journal', gb(r.bytes.journal)],
    ['certificate PDFs per year', gb(r.bytes.pdfs)],
    [`database after ${a.yearsKept} years (PDFs apart)`, gb(r.databaseBytes * a.yearsKept)],
    ['writes per second, yearly average', rate(r.writesPerSecondAverage)],
    ['writes per second, busiest hour of March', rate(r.writesPerSecondPeak)],
    ['retirements per second, busiest hour', `${rate(r.retirementsPerSecondPeak)} (measured one-machine PostgreSQL: ${a.measuredPgRetirementsPerSecond}/s)`],
    ['scale at which that busiest hour reaches the measured capacity', `${n((a.scale * a.measuredPgRetirementsPerSecond) / r.retirementsPerSecondPeak)}× Japan`],
    ['public lookups', `${rate(a.lookupsPerSecond)} = ${n(r.lookupsPerYear)} per year (measured one API process: ${a.measuredPgLookupsPerSecond}/s)`],
    ['log: tree nodes per year (2n − 1)', n(r.log.treeNodes)],
    ['log: tiles per year (width 256, all levels)', n(r.log.tiles)],
    ['log: hash tiles + entry bundles per year', `${gb(r.log.hashTileBytes)} + ${gb(r.log.bundleBytes)}`],
    ['log: checkpoints per year (≤ 1 per second)', `${n(r.log.checkpoints)} (${gb(r.log.checkpointBytes)} if all kept)`],
  ];
  const width = Math.max(...rows.map(([k]) => k.length));
  return [
    `National registry at ${a.scale}× Japan's yearly volume, ${n(a.lookupsPerSecond)} public lookups/s`,
    '',
    `| ${'figure'.padEnd(width)} | value |`,
    `|${'-'.repeat(width + 2)}|---|`,
    ...rows.map(([k, v]) => `| ${k.padEnd(width)} | ${v} |`),
  ].join('\n');
}

if (require.main === module) {
  const { inputs, json } = parseArgs(process.argv.slice(2));
  const result = simulate(inputs);
  process.stdout.write(json ? `${JSON.stringify({ inputs, result }, null, 2)}\n` : `${table(inputs, result)}\n`);
}

module.exports = { ASSUMED, simulate, parseArgs };
