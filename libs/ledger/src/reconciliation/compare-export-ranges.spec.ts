import { parseSerial } from '@registry/domain';
import { arrayCursor, compareExportRanges, sortExportRanges } from './compare-export-ranges';
import { beneficiariesDisagree, datesDisagree } from './retirement-facts';
import { projectOf, type ExportRange, type LedgerRange, type RangeOutcome } from './reconciliation-types';
import { UncoveredRetirements } from './uncovered-retirements';

const ACR = (range: string) => parseSerial(`ACR-US-1185-2025-3078-${range}`);

function row(n: number, range: string, fields: Partial<ExportRange> = {}): ExportRange {
  const parsed = ACR(range);
  return {
    row: n,
    namespace: parsed.namespace,
    start: parsed.range.start,
    end: parsed.range.end,
    canonical: parsed.canonical,
    project: projectOf(parsed.attributes),
    kind: 'retirement',
    retiredOn: '2026-04-13',
    beneficiary: 'AWS',
    ...fields,
  };
}

function block(id: string, range: string, fields: Partial<LedgerRange> = {}): LedgerRange {
  const parsed = ACR(range);
  return {
    blockId: id,
    scheme: parsed.scheme,
    namespace: parsed.namespace,
    start: parsed.range.start,
    end: parsed.range.end,
    attributes: parsed.attributes,
    status: 'retired',
    ownerId: 'org-1',
    retirementId: `ret-${id}`,
    certificateNumber: `RC-2026-${id}`,
    retiredOn: '2026-04-13',
    beneficiary: 'Amazon Web Services (AWS)',
    evidenceRegistry: 'ACR Registry',
    evidenceReference: 'ACR-RET-1',
    ...fields,
  };
}

async function compare(rows: ExportRange[], blocks: LedgerRange[]) {
  const outcomes: RangeOutcome[] = [];
  await compareExportRanges(sortExportRanges(rows), arrayCursor(blocks), { evidenceFromThisRegistry: (l) => l.evidenceRegistry === 'ACR Registry' }, (o) => {
    outcomes.push(o);
  });
  return outcomes.map((o) => [o.outcome, `${o.start}-${o.end}`, o.exportRange?.row ?? null, o.ledger.blockId]);
}

describe('reconciliation: comparing an export with the ledger per serial range', () => {
  it('matches a range retired there and here, part by overlapping part', async () => {
    expect(await compare([row(1, '1 to 100')], [block('a', '1 to 40'), block('b', '41 to 60', { status: 'held', retirementId: null }), block('c', '90 to 120')])).toEqual([
      ['matched', '1-40', 1, 'a'],
      ['retired_in_registry_held_here', '41-60', 1, 'b'],
      ['matched', '90-100', 1, 'c'],
    ]);
  });

  it('treats a cancellation there like a retirement: held here is an alert, retired here a match', async () => {
    expect(await compare([row(1, '1 to 10', { kind: 'cancellation' })], [block('a', '1 to 5', { status: 'held', retirementId: null }), block('b', '6 to 10')])).toEqual([
      ['retired_in_registry_held_here', '1-5', 1, 'a'],
      ['matched', '6-10', 1, 'b'],
    ]);
  });

  it('alerts when the export shows live a range retired here against that registry, not against another', async () => {
    expect(await compare([row(1, '1 to 10', { kind: 'holding' })], [block('a', '1 to 5'), block('b', '6 to 10', { evidenceRegistry: 'Other' })])).toEqual([
      ['retired_here_not_in_registry', '1-5', 1, 'a'],
    ]);
  });

  it('flags beneficiary and date mismatches of a matched part', async () => {
    const outcomes = await compare([row(1, '1 to 10', { beneficiary: 'Chanel', retiredOn: '2026-04-01' })], [block('a', '1 to 10')]);
    expect(outcomes.map((o) => o[0])).toEqual(['matched', 'beneficiary_mismatch', 'date_mismatch']);
  });

  it('ignores parts unknown to the ledger and blocks of other namespaces; overlapping rows each see the block', async () => {
    const other = parseSerial('ACR-US-1186-2025-3078-1 to 10');
    const elsewhere: LedgerRange = { ...block('x', '1 to 10'), namespace: other.namespace, attributes: other.attributes };
    expect(await compare([row(1, '1 to 10', { kind: 'holding' }), row(2, '5 to 6'), row(3, '50 to 60')], [elsewhere, block('a', '5 to 6')])).toEqual([
      ['retired_here_not_in_registry', '5-6', 1, 'a'],
      ['matched', '5-6', 2, 'a'],
    ]);
  });

  it('agrees on beneficiaries when one names the other, and ignores undisclosed ones', () => {
    expect(beneficiariesDisagree('Emergent retiring on behalf of Chanel', 'CHANEL')).toBe(false);
    expect(beneficiariesDisagree('Not Disclosed', 'Chanel')).toBe(false);
    expect(beneficiariesDisagree(undefined, 'Chanel')).toBe(false);
    expect(beneficiariesDisagree('Hilti Corporation', 'Chanel')).toBe(true);
  });

  it('allows a day between the registry date and the ledger date (GMT against Japan time)', () => {
    expect(datesDisagree('2026-04-13', '2026-04-14')).toBe(false);
    expect(datesDisagree('2026-04-13', '2026-04-15')).toBe(true);
    expect(datesDisagree(undefined, '2026-04-15')).toBe(false);
  });

  it('keeps the parts of a retirement here that no row of a full retirement list covers', () => {
    const uncovered = new UncoveredRetirements();
    uncovered.seed(block('a', '1 to 100'));
    uncovered.cover('a', 1n, 10n);
    uncovered.cover('a', 50n, 60n);
    expect(uncovered.remaining().map((p) => `${p.start}-${p.end}`)).toEqual(['11-49', '61-100']);
    uncovered.cover('a', 1n, 100n);
    expect(uncovered.remaining()).toEqual([]);
  });
});
