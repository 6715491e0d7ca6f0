import fc from 'fast-check';
import { JCREDIT_CREDIT_TYPES, JCREDIT_SYMBOLS } from '../schemes/jcredit-family';
import { KYOTO_PARTY_CODES } from '../schemes/iso-3166';
import { findKyotoUnitType } from '../schemes/kyoto-codes';
import { isCalendarDate, isoDate } from './calendar-date';
import { formatSerial, parseSerial } from './parse-serial';
import { MAX_SERIAL_NUMBER, SerialRange } from './serial-range';

/** start <= end anywhere in the 64-bit range, small numbers favoured as in real registries. */
const serialNumber = fc.oneof(fc.bigInt({ min: 0n, max: 10_000_000n }), fc.bigInt({ min: 0n, max: MAX_SERIAL_NUMBER }));
const serialBounds = fc
  .tuple(serialNumber, serialNumber)
  .map(([a, b]): readonly [bigint, bigint] => (a <= b ? [a, b] : [b, a]));

/** Leading zeros and lower case are accepted on input and dropped from the canonical form. */
const padded = (n: bigint, zeros: number) => `${'0'.repeat(zeros)}${n}`;

const jcreditSerial = fc
  .record({
    symbol: fc.constantFrom(...JCREDIT_SYMBOLS.map((s) => s.symbol)),
    creditType: fc.constantFrom(...JCREDIT_CREDIT_TYPES),
    certificationNo: fc.stringMatching(/^[A-Z0-9]{1,20}$/),
    bounds: serialBounds,
    zeros: fc.nat(3),
    lowerCase: fc.boolean(),
  })
  .map(({ symbol, creditType, certificationNo, bounds: [start, end], zeros, lowerCase }) => {
    const text = `${symbol}-${creditType}-${certificationNo}-${padded(start, zeros)}-${end}`;
    return { text: lowerCase ? text.toLowerCase() : text, canonical: `${symbol}-${creditType}-${certificationNo}-${start}-${end}`, start, end };
  });

const calendarDate = fc
  .record({ year: fc.integer({ min: 2008, max: 2040 }), month: fc.integer({ min: 1, max: 12 }), day: fc.integer({ min: 1, max: 31 }) })
  .filter(({ year, month, day }) => isCalendarDate(year, month, day))
  .map(({ year, month, day }) => isoDate(year, month, day));

const kyotoSerial = fc
  .record({
    party: fc.constantFrom(...KYOTO_PARTY_CODES),
    unitType: fc.integer({ min: 1, max: 7 }),
    periods: fc.tuple(fc.integer({ min: 0, max: 2 }), fc.integer({ min: 0, max: 2 })).map(([a, b]) => [Math.min(a, b), Math.max(a, b)] as const),
    lulucf: fc.integer({ min: 0, max: 7 }),
    projectId: fc.bigInt({ min: 1n, max: 99_999_999n }),
    track: fc.option(fc.constantFrom(1, 2), { nil: null }),
    expiry: calendarDate,
    bounds: serialBounds,
    compact: fc.boolean(),
  })
  .map((k) => {
    const type = findKyotoUnitType(k.unitType)!;
    const lulucf = type.requiresLulucfActivity && k.lulucf === 0 ? 1 : k.lulucf;
    let constant = `-${k.periods[0]}-${k.periods[1]}-${lulucf}`;
    if (type.requiresProjectId) constant += `-${k.projectId}`;
    if (type.mayCarryTrack && k.track !== null) constant += `-T${k.track}`;
    if (type.requiresExpiryDate) constant += `-E${k.expiry}`;
    const [start, end] = k.bounds;
    const head = `${k.party}-${k.unitType}`;
    const canonical = `${head}-${start}${constant} - ${head}-${end}${constant}`;
    return { text: k.compact ? `${head}-${start}-${end}${constant}` : canonical, canonical, start, end };
  });

describe('parse ∘ format round trip', () => {
  it.each([
    ['J-Credit', jcreditSerial],
    ['Kyoto', kyotoSerial],
  ])('SERIALS: a random valid %s serial prints canonically and reads back identically', (_name, serials) => {
    fc.assert(
      fc.property(serials, ({ text, canonical, start, end }) => {
        const parsed = parseSerial(text);
        expect(parsed.canonical).toBe(canonical);
        expect(formatSerial(parsed)).toBe(canonical);
        expect([parsed.range.start, parsed.range.end]).toEqual([start, end]);
        const again = parseSerial(parsed.canonical);
        expect(again.canonical).toBe(canonical);
        expect(again.namespace).toBe(parsed.namespace);
        expect(again.attributes).toEqual(parsed.attributes);
      }),
      { numRuns: 500 },
    );
  });

  it('SERIALS: every piece of a partially retired random block prints as a serial of the same namespace and attributes', () => {
    const offset = fc.bigInt({ min: 0n, max: MAX_SERIAL_NUMBER });
    fc.assert(
      fc.property(fc.oneof(jcreditSerial, kyotoSerial), offset, offset, ({ text }, a, b) => {
        const block = parseSerial(text);
        const [first, second] = [a, b].map((x) => block.range.start + (x % block.range.quantity)) as [bigint, bigint];
        const retired = first <= second ? new SerialRange(first, second) : new SerialRange(second, first);
        for (const piece of [retired, ...block.range.subtract(retired)]) {
          const reread = parseSerial(formatSerial({ ...block, range: piece }));
          expect(reread.namespace).toBe(block.namespace);
          expect(reread.attributes).toEqual(block.attributes);
          expect(reread.range.equals(piece)).toBe(true);
        }
      }),
      { numRuns: 300 },
    );
  });
});
