import fc from 'fast-check';
import { SerialRange } from '../serials/serial-range';
import { segmentRange } from './segments';

const r = (s: number, e: number) => new SerialRange(BigInt(s), BigInt(e));

describe('segmentRange', () => {
  it('covers the asked range with unknown gaps around and between blocks', () => {
    const blocks = [{ range: r(10, 19), id: 'a' }, { range: r(25, 40), id: 'b' }];
    const segments = segmentRange(r(5, 30), blocks);
    expect(segments.map((s) => [String(s.range), s.block?.id])).toEqual([
      ['5-9', undefined],
      ['10-19', 'a'],
      ['20-24', undefined],
      ['25-30', 'b'],
    ]);
  });

  it('is one unknown segment when nothing is live', () => {
    expect(segmentRange(r(1, 1), []).map((s) => String(s.range))).toEqual(['1-1']);
  });

  it('always covers the asked range exactly, in order, for random disjoint blocks', () => {
    const disjointBlocks = fc
      .uniqueArray(fc.bigInt({ min: 0n, max: 200n }), { minLength: 0, maxLength: 20 })
      .map((points) => {
        const sorted = [...points].sort((a, b) => (a < b ? -1 : a > b ? 1 : 0));
        const blocks = [];
        for (let i = 0; i + 1 < sorted.length; i += 2) blocks.push({ range: new SerialRange(sorted[i], sorted[i + 1]) });
        return blocks;
      });
    fc.assert(
      fc.property(disjointBlocks, fc.bigInt({ min: 0n, max: 210n }), fc.bigInt({ min: 0n, max: 50n }), (blocks, start, length) => {
        const asked = new SerialRange(start, start + length);
        const segments = segmentRange(asked, blocks);
        expect(segments[0].range.start).toBe(asked.start);
        expect(segments[segments.length - 1].range.end).toBe(asked.end);
        for (let i = 1; i < segments.length; i++) expect(segments[i].range.start).toBe(segments[i - 1].range.end + 1n);
        for (const s of segments) {
          if (s.block) expect(s.block.range.contains(s.range)).toBe(true);
          else expect(blocks.some((b) => b.range.overlaps(s.range))).toBe(false);
        }
      }),
    );
  });
});
