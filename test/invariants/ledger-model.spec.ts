import fc from 'fast-check';
import { checkOneSchemePerNamespace, checkRetiredAtMostOnce, firstLookalikeNeighbours, runScenario, type BlockRow } from './ledger-harness';
import { commands, LedgerModel, MAX_COMMANDS, type Command } from './ledger-model';

/*
 * Model-based test of the ledger (DOMAIN.md §7): random sequences of register / transfer / retire /
 * void commands run against the real use cases on a fresh SQLite file per run, and against an
 * in-memory model. Two namespaces, serials 0..60 and three organisations, so commands collide often.
 * Commands may name a scheme label (JCREDIT or REGIONAL_JCREDIT, both valid for a JCL print): the
 * first record of a namespace decides its scheme, and a label contradicting it is refused
 * (API.md "One credit, one identity"), so no label makes a second credit of a printed serial.
 *
 * Reproduce a failure with the seed and path fast-check prints: fc.assert(..., { seed, path }).
 */

const NUM_RUNS = Number(process.env.LEDGER_MODEL_RUNS ?? 60);
const TIMEOUT = 120_000;

const property = (options: Parameters<typeof runScenario>[1]) =>
  fc.asyncProperty(commands, (cmds) => runScenario(cmds, options));

describe(`ledger model (${NUM_RUNS} runs of up to ${MAX_COMMANDS} commands each)`, () => {
  it(
    'LEDGER-1: a serial is retired at most once, ever, whatever scheme a caller names (live blocks never overlap; standing retirements never share a serial; a namespace has one scheme)',
    async () => {
      await fc.assert(property({ retiredAtMostOnce: true }), { numRuns: NUM_RUNS });
    },
    TIMEOUT,
  );

  it(
    "LEDGER-2: each command's outcome and every serial's status (holder, retirement) match the model",
    async () => {
      await fc.assert(property({ model: true }), { numRuns: NUM_RUNS });
    },
    TIMEOUT,
  );

  it(
    'LEDGER-3: a standing retirement covers exactly the serials it asked for; a voided one covers none',
    async () => {
      await fc.assert(property({ retirementCoverage: true }), { numRuns: NUM_RUNS });
    },
    TIMEOUT,
  );

  it(
    'LEDGER-4: the journal verifies and holds exactly one entry per successful command',
    async () => {
      await fc.assert(property({ journal: true }), { numRuns: NUM_RUNS });
    },
    TIMEOUT,
  );
});

/* The checks themselves must be able to fail: a test that cannot fail is a defect. */
describe('the model test can fail', () => {
  it(
    'LEDGER-2 rejects a model whose void forgets to return consumed serials to the holder',
    async () => {
      // register, retire part of it, void: the ledger restores the holding, the broken model does not.
      const scenario: Command[] = [
        { op: 'register', org: 0, serial: 'JCL-ERL-R1-10-20' },
        { op: 'retire', org: 0, serials: ['JCL-ERL-R1-12-14'], evidence: false },
        { op: 'void', pick: 0 },
      ];
      await expect(runScenario(scenario, { model: true, mutation: 'void-forgets-holdings' })).rejects.toThrow(
        /after step 2: .*R1:12 expected unknown, ledger says held by org0/s,
      );
      await expect(runScenario(scenario, { model: true })).resolves.toBeUndefined();
      // And fast-check finds such a sequence on its own.
      const details = await fc.check(property({ model: true, mutation: 'void-forgets-holdings' }), { numRuns: 200, endOnFailure: true });
      expect(details.failed).toBe(true);
    },
    TIMEOUT,
  );

  it(
    'LEDGER-2 predicts label conflicts, and rejects a model that ignores scheme labels',
    async () => {
      // The finding: retired once unlabelled (on record JCREDIT), then again as REGIONAL_JCREDIT.
      const relabelled: Command[] = [
        { op: 'retire', org: 0, serials: ['JCL-ERL-R1-10-14'], evidence: true },
        { op: 'retire', org: 1, serials: ['JCL-ERL-R1-10-14'], evidence: true, label: 'REGIONAL_JCREDIT' },
        { op: 'retire', org: 1, serials: ['JCL-ERL-R1-20-24'], evidence: true, label: 'REGIONAL_JCREDIT' },
        { op: 'void', pick: 0 },
        // The record outlives every block: still JCREDIT after the void emptied the namespace.
        { op: 'register', org: 1, serial: 'JCL-ERL-R1-10-14', label: 'REGIONAL_JCREDIT' },
        { op: 'register', org: 1, serial: 'JCL-ERL-R1-10-14', label: 'JCREDIT' },
        { op: 'transfer', org: 1, to: 2, serial: 'JCL-ERL-R1-10-14', label: 'REGIONAL_JCREDIT' },
        // R2 enters as REGIONAL_JCREDIT: unlabelled commands use that record, JCREDIT contradicts it.
        { op: 'register', org: 2, serial: 'JCL-ERL-R2-0-4', label: 'REGIONAL_JCREDIT' },
        { op: 'retire', org: 2, serials: ['JCL-ERL-R2-0-1', 'JCL-ERL-R1-10-11'], evidence: false, label: 'JCREDIT' },
        { op: 'retire', org: 2, serials: ['JCL-ERL-R2-0-1'], evidence: false },
      ];
      const model = new LedgerModel();
      expect(relabelled.map((c) => { const o = model.apply(c); return o.ok ? 'ok' : o.code; })).toEqual([
        'ok', 'ALREADY_RETIRED', 'SERIAL_CONFLICT', 'ok', 'SERIAL_CONFLICT', 'ok', 'SERIAL_CONFLICT', 'ok', 'SERIAL_CONFLICT', 'ok',
      ]);
      await expect(runScenario(relabelled, { model: true, retiredAtMostOnce: true })).resolves.toBeUndefined();
      await expect(runScenario(relabelled, { model: true, mutation: 'labels-ignored' })).rejects.toThrow(
        /after step 2: outcome: the model expected ok \(retirement #1\), the ledger answered error SERIAL_CONFLICT/,
      );
      // And fast-check reaches label conflicts on its own.
      const details = await fc.check(property({ model: true, mutation: 'labels-ignored' }), { numRuns: 200, endOnFailure: true });
      expect(details.failed).toBe(true);
    },
    TIMEOUT,
  );

  it('LEDGER-1 check rejects a block whose scheme is not the one on record for its namespace', () => {
    const row = (scheme: string): BlockRow => ({
      id: 'b', scheme, namespace: 'JCREDIT_REGISTRY:JCL-ERL-R1', start: 0, end: 0, status: 'held', ownerId: 'o', retirementId: null, live: true, closedReason: null,
    });
    const onRecord = new Map([['JCREDIT_REGISTRY:JCL-ERL-R1', 'JCREDIT']]);
    expect(() => checkOneSchemePerNamespace([row('JCREDIT'), row('JCREDIT')], onRecord)).not.toThrow();
    expect(() => checkOneSchemePerNamespace([row('JCREDIT'), row('REGIONAL_JCREDIT')], onRecord)).toThrow(/carries scheme REGIONAL_JCREDIT; serial_namespaces records JCREDIT/);
    expect(() => checkOneSchemePerNamespace([row('JCREDIT')], new Map())).toThrow(/records nothing/);
    // With the model: the record must be the scheme the model says the namespace entered with.
    const model = new LedgerModel();
    model.apply({ op: 'register', org: 0, serial: 'JCL-ERL-R1-0-0', label: 'REGIONAL_JCREDIT' });
    expect(() => checkOneSchemePerNamespace([], onRecord, model)).toThrow(/expected REGIONAL_JCREDIT, serial_namespaces says JCREDIT/);
    expect(() => checkOneSchemePerNamespace([], new Map([['JCREDIT_REGISTRY:JCL-ERL-R1', 'REGIONAL_JCREDIT']]), model)).not.toThrow();
  });

  it('LEDGER-2 status check rejects neighbours a viewer cannot tell apart, and only those', () => {
    const held = (start: string, end: string, holderId?: string) => ({ start, end, status: 'held', ...(holderId ? { holderId } : {}) });
    expect(firstLookalikeNeighbours([held('1', '9'), held('10', '12')])).toEqual([held('1', '9'), held('10', '12')]);
    expect(firstLookalikeNeighbours([held('1', '9', 'a'), { ...held('10', '12', 'a'), claimId: undefined }])).not.toBeNull();
    // 9 + 1 = 10 numerically, not as text; other holders, other retirements and gaps stay apart.
    expect(firstLookalikeNeighbours([held('1', '9', 'a'), held('10', '12', 'b')])).toBeNull();
    expect(firstLookalikeNeighbours([held('1', '9'), held('11', '12')])).toBeNull();
    const retired = (start: string, end: string, retirementId: string) => ({ start, end, status: 'retired', retirementId });
    expect(firstLookalikeNeighbours([retired('1', '5', 'r1'), retired('6', '9', 'r2')])).toBeNull();
    expect(firstLookalikeNeighbours([retired('1', '5', 'r1'), held('6', '9'), held('10', '10', 'a')])).toBeNull();
  });

  it('LEDGER-1 check rejects two live blocks sharing a serial and a serial retired by two standing retirements', () => {
    const row = (over: Partial<BlockRow>): BlockRow => ({
      id: 'b', scheme: 'JCREDIT', namespace: 'JCREDIT:JCL-ERL-R1', start: 0, end: 0, status: 'held', ownerId: 'o', retirementId: null, live: true, closedReason: null, ...over,
    });
    const ledger = { retirementIds: ['r1', 'r2'], voided: new Set<string>() };
    expect(() => checkRetiredAtMostOnce([row({ id: 'a', start: 5, end: 9 }), row({ id: 'b', start: 9, end: 12 })], ledger)).toThrow(/two live blocks share a serial/);
    // 9 < 10 numerically, but not as text: the check compares numbers.
    expect(() => checkRetiredAtMostOnce([row({ id: 'a', start: 2, end: 9 }), row({ id: 'b', start: 10, end: 12 })], ledger)).not.toThrow();
    const retired = (id: string, r: string, live: boolean) =>
      row({ id, status: 'retired', retirementId: r, start: 3, end: 4, live, closedReason: live ? null : 'void' });
    expect(() => checkRetiredAtMostOnce([retired('a', 'r1', false), retired('b', 'r2', true)], ledger)).toThrow(/closed|retired twice/);
    expect(() => checkRetiredAtMostOnce([retired('a', 'r1', false), retired('b', 'r2', true)], { ...ledger, voided: new Set(['r1']) })).not.toThrow();
  });
});
