import fc from 'fast-check';
import { overlappingPairs, type Bounded } from './overlapping-pairs';

const block = (namespace: string, start: number, end: number, id = `${namespace}:${start}-${end}`) => ({ id, namespace, start: BigInt(start), end: BigInt(end) });

describe('overlappingPairs (ledger duplicates)', () => {
  it('LEDGER-identity: finds the same printed serials recorded twice, and nothing in another namespace', () => {
    const a = block('JCREDIT_REGISTRY:JCL-ERL-R1', 1, 10, 'a');
    const b = block('JCREDIT_REGISTRY:JCL-ERL-R1', 5, 5, 'b');
    const c = block('JCREDIT_REGISTRY:JCL-ERL-R1', 11, 20, 'c');
    const other = block('JCREDIT_REGISTRY:JCL-ERL-R2', 1, 10, 'other');
    expect(overlappingPairs([c, other, b, a]).map(([x, y]) => [x.id, y.id])).toEqual([['a', 'b']]);
  });

  it('agrees with checking every pair', () => {
    const arbBlock = fc
      .tuple(fc.constantFrom('n1', 'n2'), fc.integer({ min: 0, max: 30 }), fc.integer({ min: 0, max: 5 }))
      .map(([ns, start, len]) => block(ns, start, start + len));
    fc.assert(
      fc.property(fc.array(arbBlock, { maxLength: 12 }), (raw) => {
        const blocks = raw.map((b, i) => ({ ...b, id: String(i) }));
        const key = ([x, y]: Bounded[] & { id: string }[]) => [x.id, y.id].sort().join('|');
        const expected = new Set<string>();
        for (let i = 0; i < blocks.length; i++)
          for (let j = i + 1; j < blocks.length; j++) {
            const [x, y] = [blocks[i]!, blocks[j]!];
            if (x.namespace === y.namespace && x.start <= y.end && y.start <= x.end) expected.add([x.id, y.id].sort().join('|'));
          }
        const found = overlappingPairs(blocks).map((p) => key(p as never));
        expect(new Set(found)).toEqual(expected);
        expect(found.length).toBe(expected.size);
      }),
    );
  });
});
