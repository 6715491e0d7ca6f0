import canonicalize from 'canonicalize';
import fc from 'fast-check';
import { canonicalJson } from './journal-entry';

describe('canonicalJson', () => {
  it('writes the same text as canonicalize for any JSON value, arrays of plain values included', () => {
    const row = fc.tuple(fc.integer(), fc.uuid(), fc.string(), fc.constantFrom('JCREDIT', 'VCS'), fc.nat());
    const value = fc.oneof(fc.jsonValue(), fc.array(fc.array(fc.oneof(fc.integer(), fc.array(fc.string()))), { maxLength: 3 }), fc.record({ holdings: fc.array(row), evidence: fc.array(fc.record({ registry: fc.string(), reference: fc.string() })) }));
    fc.assert(fc.property(value, (v) => expect(canonicalJson(v)).toBe(canonicalize(v))));
  });

  it('keeps canonicalize\'s text where JSON.stringify would differ: holes, undefined, toJSON, nested objects', () => {
    const cases: unknown[] = [[, 1], [[, 1], ['a']], [[1, undefined]], [undefined, 2], [new Date(0), 'x'], [{ b: 1, a: [1, 'é', null] }], { z: undefined, a: -0 }, [true, false, 1.5e300]];
    for (const v of cases) expect(canonicalJson(v)).toBe(canonicalize(v));
  });

  it('refuses what canonicalize refuses: NaN, Infinity, bigint', () => {
    for (const v of [[1, NaN], [Infinity], { a: [1n] }, [[1, [NaN]]]]) expect(() => canonicalJson(v)).toThrow();
  });
});
