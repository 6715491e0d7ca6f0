import { DomainError } from '../errors';
import { CFP_RULEBOOK_V5_1 } from './cfp-rulebook-v5-1';
import { cfpTrueUp, cfpTrueUpSchedule } from './cfp-true-up';

const cfp = CFP_RULEBOOK_V5_1;

describe('CFP-art10 true-up after the period', () => {
  it('finds no shortfall when the actual emissions are covered exactly (2.5 kg × 400 = 1 t)', () => {
    expect(cfpTrueUp({ cfpPerUnitKg: '2.5', actualQuantity: '400', retiredTonnes: '1' }, cfp)).toEqual({
      actualTonnes: 1n,
      retiredTonnes: '1',
      shortfallTonnes: 0n,
      findings: [],
    });
  });

  it('rounds the actual emissions up and asks for the difference (2.5 kg × 401 → 2 t, 1 retired → 1 more)', () => {
    const result = cfpTrueUp({ cfpPerUnitKg: '2.5', actualQuantity: '401', retiredTonnes: 1n }, cfp);
    expect(result).toMatchObject({ actualTonnes: 2n, shortfallTonnes: 1n });
    expect(result.findings.map((f) => f.rule)).toEqual(['CFP-art10']);
  });

  it('never reports a negative shortfall', () => {
    expect(cfpTrueUp({ cfpPerUnitKg: '2.5', actualQuantity: '100', retiredTonnes: '5' }, cfp)).toMatchObject({ shortfallTonnes: 0n, findings: [] });
  });

  it('refuses negative figures', () => {
    expect(() => cfpTrueUp({ cfpPerUnitKg: '2.5', actualQuantity: '-1', retiredTonnes: '0' }, cfp)).toThrow(DomainError);
  });
});

describe('CFP-art10-3 true-up at each point of an implementation plan', () => {
  const points = [
    { date: '2025-06-30', quantity: '400' },
    { date: '2025-12-31', quantity: '401' },
  ];

  it('checks the cumulative quantity against credits retired by each point', () => {
    const result = cfpTrueUpSchedule(
      { cfpPerUnitKg: '2.5', points, retirements: [{ retiredOn: '2025-01-10', tonnes: '1' }, { retiredOn: '2025-12-01', tonnes: '1' }] },
      cfp,
    );
    expect(result.points).toEqual([
      { date: '2025-06-30', cumulativeQuantity: '400', actualTonnes: 1n, retiredTonnes: '1', shortfallTonnes: 0n },
      // 801 × 2.5 kg = 2.0025 t → 3 t, rounded once on the cumulative figure
      { date: '2025-12-31', cumulativeQuantity: '801', actualTonnes: 3n, retiredTonnes: '2', shortfallTonnes: 1n },
    ]);
    expect(result.findings.map((f) => f.rule)).toEqual(['CFP-art10']);
  });

  it('does not count a retirement made after an interim point at that point', () => {
    const result = cfpTrueUpSchedule({ cfpPerUnitKg: '2.5', points, retirements: [{ retiredOn: '2025-07-01', tonnes: '3' }] }, cfp);
    expect(result.points.map((p) => p.shortfallTonnes)).toEqual([1n, 0n]);
    expect(result.findings.map((f) => f.rule)).toEqual(['CFP-art10-3']);
    expect(result.findings[0]!.message).toContain('2025-06-30');
  });

  it('CFP-art10: at the end of the plan, counts the difference retired after the period', () => {
    const result = cfpTrueUpSchedule({ cfpPerUnitKg: '2.5', points, retirements: [{ retiredOn: '2026-02-01', tonnes: '3' }] }, cfp);
    expect(result.points.map((p) => p.shortfallTonnes)).toEqual([1n, 0n]);
    expect(result.findings.map((f) => f.rule)).toEqual(['CFP-art10-3']);
  });

  it('refuses points out of date order, and an empty plan', () => {
    expect(() => cfpTrueUpSchedule({ cfpPerUnitKg: '1', points: [...points].reverse(), retirements: [] }, cfp)).toThrow(/must come after/);
    expect(() => cfpTrueUpSchedule({ cfpPerUnitKg: '1', points: [], retirements: [] }, cfp)).toThrow(DomainError);
  });
});
