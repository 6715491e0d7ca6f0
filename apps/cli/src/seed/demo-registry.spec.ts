import { parseSerial, SCHEME_CODES } from '@registry/domain';
import { DEMO_RETIREMENTS, demoHoldings, demoSerial, lastFiscalYear } from './demo-registry';

describe('the demo registry (seed demo)', () => {
  const holdings = [...demoHoldings()];

  it('holds blocks of every scheme, each serial read as its scheme by the grammar', () => {
    expect(new Set(holdings.map((h) => h.scheme))).toEqual(new Set(SCHEME_CODES));
    for (const holding of holdings) {
      const parsed = parseSerial(holding.serial, holding.label);
      expect({ serial: holding.serial, scheme: parsed.scheme, canonical: parsed.canonical }).toEqual({ serial: holding.serial, scheme: holding.scheme, canonical: holding.serial });
    }
  });

  it('never lets two blocks overlap', () => {
    const byNamespace = new Map<string, { start: bigint; end: bigint }[]>();
    for (const holding of holdings) {
      const { namespace, range } = parseSerial(holding.serial, holding.label);
      byNamespace.set(namespace, [...(byNamespace.get(namespace) ?? []), { start: range.start, end: range.end }]);
    }
    for (const ranges of byNamespace.values()) {
      ranges.sort((a, b) => (a.start < b.start ? -1 : 1));
      ranges.slice(1).forEach((range, i) => expect(range.start > ranges[i]!.end).toBe(true));
    }
  });

  it('retires parts of blocks it holds', () => {
    for (const retirement of DEMO_RETIREMENTS) expect(() => parseSerial(demoSerial(retirement.scheme, retirement.index, retirement.quantity))).not.toThrow();
  });

  it('files claims for the last complete fiscal year', () => {
    expect(lastFiscalYear('2026-11-30')).toEqual({ start: '2025-04-01', end: '2026-03-31' });
    expect(lastFiscalYear('2026-03-31')).toEqual({ start: '2024-04-01', end: '2025-03-31' });
    expect(lastFiscalYear('2026-04-01')).toEqual({ start: '2025-04-01', end: '2026-03-31' });
  });
});
