import fc from 'fast-check';
import { MAX_SERIAL_NUMBER, SerialRange } from './serial-range';
import { expectInvalidSerial } from './testing/expect-invalid-serial';

const r = (start: bigint, end: bigint) => new SerialRange(start, end);

describe('SerialRange', () => {
  it('SERIALS: quantity is end − start + 1, a single unit has start = end', () => {
    expect(r(1000001n, 1000500n).quantity).toBe(500n);
    expect(SerialRange.single(7n).quantity).toBe(1n);
  });

  it('keeps every digit at the 64-bit limit', () => {
    const whole = r(0n, MAX_SERIAL_NUMBER);
    expect(whole.quantity).toBe(9223372036854775808n);
    expect(whole.toString()).toBe('0-9223372036854775807');
    expect(r(9007199254740993n, 9007199254740993n).toJSON()).toEqual({
      start: '9007199254740993',
      end: '9007199254740993',
      quantity: '1',
    });
  });

  it.each([
    [-1n, 5n, 'range.start'],
    [5n, 4n, 'range.end'],
    [0n, MAX_SERIAL_NUMBER + 1n, 'range.end'],
  ])('refuses start %p end %p with INVALID_SERIAL on %s', (start, end, field) => {
    expectInvalidSerial(() => r(start, end), field);
  });

  it('refuses numbers that are not bigint', () => {
    expectInvalidSerial(() => new SerialRange(1 as unknown as bigint, 2n), 'range');
  });

  it('cannot be changed after construction', () => {
    const range = r(1n, 2n);
    expect(() => ((range as { start: bigint }).start = 0n)).toThrow(TypeError);
  });

  it('SERIALS: overlap is A.start <= B.end && B.start <= A.end', () => {
    expect(r(1n, 10n).overlaps(r(10n, 20n))).toBe(true);
    expect(r(1n, 10n).overlaps(r(11n, 20n))).toBe(false);
    expect(r(5n, 6n).overlaps(r(1n, 10n))).toBe(true);
  });

  it('tells containment, adjacency and intersection', () => {
    expect(r(1n, 10n).contains(r(3n, 10n))).toBe(true);
    expect(r(1n, 10n).contains(r(3n, 11n))).toBe(false);
    expect(r(1n, 10n).contains(10n)).toBe(true);
    expect(r(1n, 10n).isAdjacentTo(r(11n, 12n))).toBe(true);
    expect(r(11n, 12n).isAdjacentTo(r(1n, 10n))).toBe(true);
    expect(r(1n, 10n).isAdjacentTo(r(12n, 13n))).toBe(false);
    expect(r(1n, 10n).intersect(r(5n, 20n))?.toString()).toBe('5-10');
    expect(r(1n, 10n).intersect(r(11n, 20n))).toBeNull();
  });

  it('SERIALS: splits a block around a retired slice, keeping the remainder on both sides', () => {
    const { before, middle, after } = r(1000001n, 1000500n).split(r(1000101n, 1000200n));
    expect([before?.toString(), middle.toString(), after?.toString()]).toEqual([
      '1000001-1000100',
      '1000101-1000200',
      '1000201-1000500',
    ]);
    const atStart = r(1n, 10n).split(r(1n, 4n));
    expect(atStart.before).toBeUndefined();
    expect(atStart.after?.toString()).toBe('5-10');
  });

  it('refuses to split out a range that does not lie inside', () => {
    expectInvalidSerial(() => r(1n, 10n).split(r(5n, 11n)), 'range');
  });

  it('subtracts into 0, 1 or 2 pieces', () => {
    expect(r(1n, 10n).subtract(r(1n, 10n))).toEqual([]);
    expect(r(1n, 10n).subtract(r(0n, 4n)).map(String)).toEqual(['5-10']);
    expect(r(1n, 10n).subtract(r(4n, 5n)).map(String)).toEqual(['1-3', '6-10']);
    expect(r(1n, 10n).subtract(r(20n, 30n)).map(String)).toEqual(['1-10']);
  });

  it('merges adjacent or overlapping ranges and refuses a gap', () => {
    expect(r(1n, 10n).merge(r(11n, 20n)).toString()).toBe('1-20');
    expect(r(5n, 30n).merge(r(1n, 10n)).toString()).toBe('1-30');
    expectInvalidSerial(() => r(1n, 10n).merge(r(12n, 20n)), 'range');
  });

  it('mergeAll sorts and coalesces', () => {
    const merged = SerialRange.mergeAll([r(30n, 40n), r(1n, 5n), r(6n, 9n), r(35n, 50n), r(60n, 60n)]);
    expect(merged.map(String)).toEqual(['1-9', '30-50', '60-60']);
    expect(SerialRange.mergeAll([])).toEqual([]);
  });
});

describe('SerialRange properties', () => {
  const bound = fc.bigInt({ min: 0n, max: MAX_SERIAL_NUMBER });
  const range = fc.tuple(bound, bound).map(([a, b]) => (a <= b ? r(a, b) : r(b, a)));
  /** A range and a sub-range of it. */
  const rangeWithSub = range.chain((outer) =>
    fc
      .tuple(fc.bigInt({ min: outer.start, max: outer.end }), fc.bigInt({ min: outer.start, max: outer.end }))
      .map(([a, b]) => ({ outer, sub: a <= b ? r(a, b) : r(b, a) })),
  );
  const sum = (ranges: readonly SerialRange[]) => ranges.reduce((total, x) => total + x.quantity, 0n);
  const pairwiseDisjoint = (ranges: readonly SerialRange[]) =>
    ranges.every((a, i) => ranges.every((b, j) => i === j || !a.overlaps(b)));

  it('split preserves the total quantity and yields disjoint pieces', () => {
    fc.assert(
      fc.property(rangeWithSub, ({ outer, sub }) => {
        const { before, middle, after } = outer.split(sub);
        const pieces = [before, middle, after].filter((p): p is SerialRange => p !== undefined);
        expect(sum(pieces)).toBe(outer.quantity);
        expect(pairwiseDisjoint(pieces)).toBe(true);
        expect(SerialRange.mergeAll(pieces)).toEqual([outer]);
      }),
    );
  });

  it('subtract leaves exactly the quantity not shared, disjoint from what was taken', () => {
    fc.assert(
      fc.property(range, range, (a, b) => {
        const rest = a.subtract(b);
        const shared = a.intersect(b)?.quantity ?? 0n;
        expect(sum(rest) + shared).toBe(a.quantity);
        expect(rest.every((piece) => !piece.overlaps(b) && a.contains(piece))).toBe(true);
        expect(pairwiseDisjoint(rest)).toBe(true);
      }),
    );
  });

  it('mergeAll covers the same serials with sorted, disjoint, non-touching ranges', () => {
    fc.assert(
      fc.property(fc.array(range, { maxLength: 8 }), fc.array(bound, { maxLength: 8 }), (ranges, probes) => {
        const merged = SerialRange.mergeAll(ranges);
        for (let i = 1; i < merged.length; i++) {
          expect(merged[i - 1]!.end + 1n < merged[i]!.start).toBe(true);
        }
        for (const serial of [...probes, ...ranges.flatMap((x) => [x.start, x.end])]) {
          expect(merged.some((m) => m.contains(serial))).toBe(ranges.some((x) => x.contains(serial)));
        }
        expect(sum(merged) <= sum(ranges)).toBe(true);
      }),
    );
  });

  it('merge of touching ranges keeps the total quantity exact', () => {
    fc.assert(
      fc.property(rangeWithSub, ({ outer, sub }) => {
        const { before, middle, after } = outer.split(sub);
        const left = before ? before.merge(middle) : middle;
        const whole = after ? left.merge(after) : left;
        expect(whole.equals(outer)).toBe(true);
        expect(whole.quantity).toBe((before?.quantity ?? 0n) + middle.quantity + (after?.quantity ?? 0n));
      }),
    );
  });
});
