import type Database from 'better-sqlite3';
import { checkJournal, checkRetiredAtMostOnce, checkRetirementCoverage, RealLedger } from './ledger-harness';
import { readSerialText, serialNumbers, type Command, type Outcome } from './ledger-model';

/*
 * LEDGER-1 and all-or-nothing with SQLite write groups: many overlapping retirements fired at once
 * through the real use cases on a file-backed ledger share transactions (each in its own savepoint),
 * and still every serial is retired at most once, each request is either wholly retired or answered
 * with its own refusal, and the serials add up.
 */

const ROUNDS = 3;
const REQUESTS_PER_ROUND = 60;
const REGISTERED: Command[] = [
  { op: 'register', org: 0, serial: 'JCL-ERL-R1-0-30' },
  { op: 'register', org: 1, serial: 'JCL-ERL-R1-31-50' },
  { op: 'register', org: 2, serial: 'JCL-ERL-R2-0-40' },
]; // R1 51-60 and R2 41-60 are unknown to the ledger: retired outside it with evidence
const REFUSALS = ['ALREADY_RETIRED', 'NOT_HELD', 'EVIDENCE_REQUIRED', 'DUPLICATE_SERIALS'];

/** mulberry32: the same requests on every run. */
function random(seed: number): () => number {
  return () => {
    seed = (seed + 0x6d2b79f5) | 0;
    let t = Math.imul(seed ^ (seed >>> 15), 1 | seed);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

function retirements(next: () => number, count: number): Extract<Command, { op: 'retire' }>[] {
  const pick = (n: number) => Math.floor(next() * n);
  const range = () => {
    const start = pick(61);
    return `JCL-ERL-${next() < 0.5 ? 'R1' : 'R2'}-${start}-${Math.min(60, start + pick(6))}`;
  };
  return Array.from({ length: count }, () => ({
    op: 'retire' as const,
    org: pick(3),
    serials: next() < 0.2 ? [range(), range()] : [range()],
    evidence: next() < 0.4,
  }));
}

const quantity = (serials: string[]) => serials.map(readSerialText).reduce((sum, s) => sum + serialNumbers(s).length, 0);

describe('concurrent retirements sharing SQLite transactions (write groups)', () => {
  it(
    `${ROUNDS} rounds of ${REQUESTS_PER_ROUND} overlapping retirements at once: each retired wholly or refused, no serial twice, totals add up`,
    async () => {
      const ledger = await RealLedger.open();
      try {
        for (const command of REGISTERED) expect(await ledger.apply(command)).toEqual({ ok: true });
        const handle = (ledger.dataSource.driver as unknown as { databaseConnection: InstanceType<typeof Database> }).databaseConnection;
        const exec = jest.spyOn(handle, 'exec');
        const next = random(18);
        let retiredAsked = 0;
        const codes = new Map<string, number>();

        for (let round = 0; round < ROUNDS; round++) {
          const commands = retirements(next, REQUESTS_PER_ROUND);
          const outcomes: Outcome[] = await Promise.all(commands.map((command) => ledger.apply(command)));
          outcomes.forEach((outcome, i) => {
            if (outcome.ok) retiredAsked += quantity(commands[i].serials);
            else codes.set(outcome.code, (codes.get(outcome.code) ?? 0) + 1);
          });
          const rows = await ledger.blockRows();
          checkRetiredAtMostOnce(rows, ledger);
          checkRetirementCoverage(rows, ledger);
        }

        const rows = (await ledger.blockRows()).filter((row) => row.live);
        const size = (row: { start: number; end: number }) => row.end - row.start + 1;
        const retired = rows.filter((row) => row.status === 'retired').reduce((sum, row) => sum + size(row), 0);
        expect(retired).toBe(retiredAsked);
        // Serials the ledger knew are held or retired, none lost or made: 31 + 20 + 41 registered.
        const knownRetired = rows.filter((row) => row.status === 'retired' && !isOutside(row));
        const held = rows.filter((row) => row.status === 'held').reduce((sum, row) => sum + size(row), 0);
        expect(held + knownRetired.reduce((sum, row) => sum + size(row), 0)).toBe(31 + 20 + 41);

        expect([...codes.keys()].filter((code) => !REFUSALS.includes(code))).toEqual([]);
        expect(ledger.retirementIds.length).toBeGreaterThan(10);
        expect(codes.get('ALREADY_RETIRED')).toBeGreaterThan(10);
        // They did share transactions: far fewer than one per request.
        const transactions = exec.mock.calls.filter(([statement]) => statement === 'BEGIN IMMEDIATE').length;
        expect(transactions).toBeLessThan((ROUNDS * REQUESTS_PER_ROUND) / 4);
        // No refused request left a trace, not even the journal number it drew: SQLite's counter
        // (one writer, undone with what it counted) names exactly the entries written.
        const [[head], [entries]] = [
          await ledger.dataSource.query(`SELECT seq FROM ledger_head`),
          await ledger.dataSource.query(`SELECT COUNT(*) AS n, MAX(seq) AS last FROM journal_entries`),
        ];
        expect([head.seq, entries.last]).toEqual([entries.n, entries.n]);
        await checkJournal(ledger, true);
      } finally {
        await ledger.close();
      }
    },
    60_000,
  );
});

/** A part retired outside the ledger: beyond the ranges registered. */
function isOutside(row: { namespace: string; start: number }): boolean {
  return row.namespace.endsWith('R1') ? row.start > 50 : row.start > 40;
}
