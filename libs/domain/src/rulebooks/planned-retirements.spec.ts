import { DomainError } from '../errors';
import { checkPlannedRetirements } from './planned-retirements';

const plan = { start: '2024-04-01', end: '2025-09-30' };

describe('CNP-3.1.5 planned retirements of a CN plan', () => {
  it('accepts a schedule that covers the required tonnes within the plan period', () => {
    expect(checkPlannedRetirements([{ scheme: 'JCREDIT', tonnes: '10', by: '2025-06-30' }, { scheme: 'JVER', tonnes: '5.5', by: '2025-09-30' }], plan, '15')).toEqual([]);
  });

  it('warns when the schedule plans fewer tonnes than required, or none', () => {
    expect(checkPlannedRetirements([{ scheme: 'JCREDIT', tonnes: '14.9', by: '2025-06-30' }], plan, '15')).toEqual([
      expect.objectContaining({ rule: 'CNP-3.1.5', severity: 'warning', message: expect.stringContaining('14.9') }),
    ]);
    expect(checkPlannedRetirements(undefined, plan, '15')).toEqual([expect.objectContaining({ rule: 'CNP-3.1.5', severity: 'warning' })]);
  });

  it('names every bad field: unknown scheme, bad tonnes, a date outside the plan period', () => {
    try {
      checkPlannedRetirements([{ scheme: 'NOPE', tonnes: '-1', by: '2025-10-01' }], plan, '1');
      throw new Error('expected a DomainError');
    } catch (e) {
      expect(e).toBeInstanceOf(DomainError);
      const fields = ((e as DomainError).details.errors as { field: string }[]).map((x) => x.field);
      expect(fields).toEqual(['plannedRetirements[0].scheme', 'plannedRetirements[0].tonnes', 'plannedRetirements[0].by']);
    }
  });
});
