import { DomainError } from '../errors';
import { CN_PLAN_RULEBOOK_2011 } from './cn-rulebook-2011';
import { checkPlannedRetirements, PLANNED_RETIREMENTS_RULE } from './planned-retirements';

const plan = { start: '2024-04-01', end: '2025-09-30' };

describe('CNP-3.1.1-2 planned retirements of a CN plan (3.1.1 ② applies 2.1.6; table 5 埋め合わせ計画)', () => {
  it('cites the plan rulebook’s own rule, not CNP-3.1.5 (that clause is 取組の管理体制)', () => {
    expect(PLANNED_RETIREMENTS_RULE).toBe('CNP-3.1.1-2');
    expect(CN_PLAN_RULEBOOK_2011.rules[PLANNED_RETIREMENTS_RULE]?.source).toMatch(/3\.1\.1 ②/);
    expect(CN_PLAN_RULEBOOK_2011.rules['CNP-3.1.5']).toBeUndefined();
  });

  it('accepts a schedule that covers the required tonnes within the plan period', () => {
    expect(checkPlannedRetirements([{ scheme: 'JCREDIT', tonnes: '10', by: '2025-06-30' }, { scheme: 'JVER', tonnes: '5.5', by: '2025-09-30' }], plan, '15')).toEqual([]);
  });

  it('warns when the schedule plans fewer tonnes than required, or none', () => {
    expect(checkPlannedRetirements([{ scheme: 'JCREDIT', tonnes: '14.9', by: '2025-06-30' }], plan, '15')).toEqual([
      expect.objectContaining({ rule: 'CNP-3.1.1-2', severity: 'warning', message: expect.stringContaining('14.9') }),
    ]);
    expect(checkPlannedRetirements(undefined, plan, '15')).toEqual([expect.objectContaining({ rule: 'CNP-3.1.1-2', severity: 'warning' })]);
  });

  it('a retirement planned outside the plan period only warns (no seed forbids it): boundaries are the period’s first and last day', () => {
    expect(checkPlannedRetirements([{ scheme: 'JCREDIT', tonnes: '15', by: '2024-04-01' }], plan, '15')).toEqual([]);
    expect(checkPlannedRetirements([{ scheme: 'JCREDIT', tonnes: '15', by: '2025-10-01' }], plan, '15')).toEqual([
      expect.objectContaining({ rule: 'CNP-3.1.1-2', severity: 'warning', message: expect.stringContaining('outside the plan period') }),
    ]);
    expect(checkPlannedRetirements([{ scheme: 'JCREDIT', tonnes: '15', by: '2024-03-31' }], plan, '15')).toEqual([
      expect.objectContaining({ rule: 'CNP-3.1.1-2', severity: 'warning' }),
    ]);
  });

  it('names every malformed field: unknown scheme, bad tonnes, not a date', () => {
    try {
      checkPlannedRetirements([{ scheme: 'NOPE', tonnes: '-1', by: '2025-02-30' }], plan, '1');
      throw new Error('expected a DomainError');
    } catch (e) {
      expect(e).toBeInstanceOf(DomainError);
      const fields = ((e as DomainError).details.errors as { field: string }[]).map((x) => x.field);
      expect(fields).toEqual(['plannedRetirements[0].scheme', 'plannedRetirements[0].tonnes', 'plannedRetirements[0].by']);
    }
  });
});
