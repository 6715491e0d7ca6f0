import { sqlRowCount } from './sql';

describe('sqlRowCount (a LIMIT written into a statement text)', () => {
  it('writes a non-negative safe integer as digits', () => {
    expect(sqlRowCount(0)).toBe('0');
    expect(sqlRowCount(101)).toBe('101');
  });

  it.each([-1, 1.5, Number.NaN, Number.POSITIVE_INFINITY, 2 ** 53, '1; DROP TABLE serial_blocks' as unknown as number])('refuses %p', (count) => {
    expect(() => sqlRowCount(count)).toThrow(RangeError);
  });
});
