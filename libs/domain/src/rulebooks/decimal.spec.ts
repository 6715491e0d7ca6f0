import fc from 'fast-check';
import { add, ceilToWhole, compare, decimal, divideByPowerOfTen, formatDecimal, multiply, readDecimal, subtract } from './decimal';

describe('exact decimals', () => {
  it('reads decimal strings and bigints, refusing JS numbers and exponents', () => {
    expect(readDecimal('12.50')).toEqual({ ok: true, value: { units: 1250n, scale: 2 } });
    expect(readDecimal('-3')).toEqual({ ok: true, value: { units: -3n, scale: 0 } });
    expect(readDecimal(7n)).toEqual({ ok: true, value: { units: 7n, scale: 0 } });
    expect(readDecimal(0.1).ok).toBe(false);
    expect(readDecimal('1e3').ok).toBe(false);
    expect(readDecimal('.5').ok).toBe(false);
    expect(readDecimal('').ok).toBe(false);
  });

  it('adds, subtracts and multiplies without rounding (0.1 + 0.2 = 0.3)', () => {
    expect(formatDecimal(add(decimal('0.1'), decimal('0.2')))).toBe('0.3');
    expect(formatDecimal(subtract(decimal('1'), decimal('1.25')))).toBe('-0.25');
    expect(formatDecimal(multiply(decimal('2.5'), decimal('401')))).toBe('1002.5');
    expect(formatDecimal(divideByPowerOfTen(decimal('1002.5'), 3))).toBe('1.0025');
    expect(compare(decimal('1.50'), decimal('1.5'))).toBe(0);
  });

  it('rounds up to a whole number only when there is a fraction', () => {
    expect(ceilToWhole(decimal('1.000'))).toBe(1n);
    expect(ceilToWhole(decimal('1.0001'))).toBe(2n);
    expect(ceilToWhole(decimal('0'))).toBe(0n);
    expect(ceilToWhole(decimal('-1.5'))).toBe(-1n);
  });

  it('ceilToWhole(n / 10^k) is the least integer c with c × 10^k ≥ n', () => {
    fc.assert(
      fc.property(fc.bigInt({ min: -(10n ** 12n), max: 10n ** 12n }), fc.integer({ min: 0, max: 6 }), (units, scale) => {
        const c = ceilToWhole({ units, scale });
        const p = 10n ** BigInt(scale);
        expect(c * p >= units).toBe(true);
        expect((c - 1n) * p < units).toBe(true);
      }),
    );
  });

  it('prints what it reads, without trailing zeros', () => {
    fc.assert(
      fc.property(fc.bigInt({ min: -(10n ** 15n), max: 10n ** 15n }), fc.integer({ min: 0, max: 8 }), (units, scale) => {
        const text = formatDecimal({ units, scale });
        const back = readDecimal(text);
        expect(back.ok && compare(back.value, { units, scale })).toBe(0);
      }),
    );
  });
});
