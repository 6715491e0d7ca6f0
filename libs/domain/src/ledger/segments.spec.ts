import fc from 'fast-check';
import { SerialRange } from '../serials/serial-range';
import { firstOfOverlapping, mergeLookalikeSegments, sameVisibleFields, segmentPage, segmentRange, type Segment, type SegmentPage } from './segments';

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

describe('mergeLookalikeSegments', () => {
  const show = (segments: { range: SerialRange }[]) => segments.map(({ range, ...fields }) => [String(range), fields]);

  it('joins contiguous segments with equal fields and keeps the others apart', () => {
    const merged = mergeLookalikeSegments([
      { range: r(1, 10), status: 'held', holderId: 'a' },
      { range: r(11, 20), status: 'held', holderId: 'a' },
      { range: r(21, 30), status: 'held', holderId: 'b' },
      { range: r(31, 35), status: 'retired', retirementId: 'r1' },
      { range: r(36, 40), status: 'retired', retirementId: 'r2' },
      { range: r(41, 45), status: 'retired', retirementId: 'r2' },
      { range: r(46, 50), status: 'unknown' },
    ]);
    expect(show(merged)).toEqual([
      ['1-20', { status: 'held', holderId: 'a' }],
      ['21-30', { status: 'held', holderId: 'b' }],
      ['31-35', { status: 'retired', retirementId: 'r1' }],
      ['36-45', { status: 'retired', retirementId: 'r2' }],
      ['46-50', { status: 'unknown' }],
    ]);
  });

  it('joins held segments of different holders once the holder is redacted', () => {
    const merged = mergeLookalikeSegments([
      { range: r(1, 10), status: 'held' },
      { range: r(11, 20), status: 'held' },
      { range: r(21, 22), status: 'held' },
    ]);
    expect(show(merged)).toEqual([['1-22', { status: 'held' }]]);
  });

  it('never bridges a gap, and treats an absent field as equal to an undefined one', () => {
    expect(show(mergeLookalikeSegments([{ range: r(1, 10), status: 'held' }, { range: r(12, 20), status: 'held' }]))).toEqual([
      ['1-10', { status: 'held' }],
      ['12-20', { status: 'held' }],
    ]);
    const withUndefined = { range: r(6, 9), status: 'held', holderId: undefined };
    expect(mergeLookalikeSegments([{ range: r(1, 5), status: 'held' }, withUndefined]).map((s) => String(s.range))).toEqual(['1-9']);
  });

  it('leaves its input alone and answers [] for []', () => {
    const input = [{ range: r(1, 1), status: 'held' }, { range: r(2, 2), status: 'held' }];
    mergeLookalikeSegments(input);
    expect(input.map((s) => String(s.range))).toEqual(['1-1', '2-2']);
    expect(mergeLookalikeSegments([])).toEqual([]);
  });

  // Consecutive pieces from 0 up: holes (no segment at all), gaps (unknown to the ledger) and
  // blocks from a small alphabet of holders and retirements, so that lookalike neighbours are common.
  type Piece = { range: SerialRange; kind: 'hole' | 'gap' | 'held' | 'retired'; holder: string; retirement: string };
  const pieces: fc.Arbitrary<Piece[]> = fc
    .array(
      fc.record({
        length: fc.integer({ min: 1, max: 5 }),
        kind: fc.constantFrom('hole', 'gap', 'held', 'held', 'retired'),
        holder: fc.constantFrom('a', 'b'),
        retirement: fc.constantFrom('r1', 'r2'),
      }),
      { maxLength: 15 },
    )
    .map((specs) => {
      let cursor = 0n;
      return specs.map(({ length, ...rest }) => {
        const range = new SerialRange(cursor, cursor + BigInt(length) - 1n);
        cursor = range.end + 1n;
        return { range, ...rest };
      });
    });
  /** What a caller sees of a held or retired part: holders only if it may see them. */
  const seenAs = (range: SerialRange, piece: Piece | undefined, seesHolders: boolean) => ({
    range,
    status: piece && piece.kind !== 'gap' && piece.kind !== 'hole' ? piece.kind : 'unknown',
    ...(piece?.kind === 'held' && seesHolders ? { holderId: piece.holder } : {}),
    ...(piece?.kind === 'retired' ? { retirementId: piece.retirement } : {}),
  });
  type Seen = ReturnType<typeof seenAs>;

  /** Every serial in [from, to]: in as many segments, with the same fields, before and after. */
  const expectSerialsSeenAlike = (before: Seen[], after: Seen[], from: bigint, to: bigint) => {
    const at = (segments: Seen[], n: bigint) => segments.filter((s) => s.range.contains(n));
    for (let n = from; n <= to; n++) {
      const [b, a] = [at(before, n), at(after, n)];
      expect(a.length).toBe(b.length);
      if (b.length === 1) expect(sameVisibleFields(b[0], a[0])).toBe(true);
    }
  };

  it('keeps every serial as the caller saw it, covers the asked range exactly and leaves no lookalike neighbours', () => {
    fc.assert(
      fc.property(pieces, fc.bigInt({ min: 0n, max: 80n }), fc.bigInt({ min: 0n, max: 40n }), fc.boolean(), (ps, start, length, seesHolders) => {
        const asked = new SerialRange(start, start + length);
        const blocks = ps.filter((p) => p.kind === 'held' || p.kind === 'retired');
        const seen = segmentRange(asked, blocks).map(({ range, block }) => seenAs(range, block, seesHolders));
        const merged = mergeLookalikeSegments(seen);

        expect(merged[0].range.start).toBe(asked.start);
        expect(merged[merged.length - 1].range.end).toBe(asked.end);
        for (let i = 1; i < merged.length; i++) {
          expect(merged[i].range.start).toBe(merged[i - 1].range.end + 1n);
          expect(sameVisibleFields(merged[i - 1], merged[i])).toBe(false);
        }
        expectSerialsSeenAlike(seen, merged, asked.start, asked.end);
        expect(mergeLookalikeSegments(merged)).toEqual(merged);
      }),
    );
  });

  it('never joins across a hole: segments with gaps between them keep their serials and their order', () => {
    fc.assert(
      fc.property(pieces, fc.boolean(), (ps, seesHolders) => {
        const seen = ps.filter((p) => p.kind !== 'hole').map((p) => seenAs(p.range, p, seesHolders));
        const merged = mergeLookalikeSegments(seen);
        for (let i = 1; i < merged.length; i++) {
          expect(merged[i].range.start).toBeGreaterThan(merged[i - 1].range.end);
          const contiguous = merged[i].range.start === merged[i - 1].range.end + 1n;
          expect(contiguous && sameVisibleFields(merged[i - 1], merged[i])).toBe(false);
        }
        const end = ps.length ? ps[ps.length - 1].range.end : 0n;
        expectSerialsSeenAlike(seen, merged, 0n, end);
      }),
    );
  });
});

describe('segmentPage', () => {
  type Block = { range: SerialRange; look: string };
  const view = ({ range, block }: Segment<Block>) => ({ range, look: block?.look ?? 'unknown' });
  const show = (segments: { range: SerialRange; look: string }[]) => segments.map((s) => `${s.range}:${s.look}`);
  /** What the store's paged read answers: the first `readLimit` blocks overlapping [from, end], by start. */
  const read = (blocks: Block[], from: bigint, end: bigint, readLimit: number) =>
    blocks.filter((b) => b.range.overlaps(new SerialRange(from, end))).slice(0, readLimit);
  /** Every page of `asked`, as a client walks them with the cursor. */
  const walk = (blocks: Block[], asked: SerialRange, limit: number, readLimit: number) => {
    const pages: SegmentPage<ReturnType<typeof view>>[] = [];
    let from: bigint | undefined = asked.start;
    while (from !== undefined) {
      const got = read(blocks, from, asked.end, readLimit);
      const page: SegmentPage<ReturnType<typeof view>> = segmentPage(new SerialRange(from, asked.end), got, got.length < readLimit, view, limit);
      pages.push(page);
      expect(page.next === undefined || page.next > from).toBe(true);
      from = page.next;
    }
    return pages;
  };

  it('ends a full page on a complete segment and the next page starts right after it', () => {
    const blocks = [1, 3, 5, 7].map((n) => ({ range: r(n, n), look: `r${n}` }));
    const first = segmentPage(r(1, 10), blocks.slice(0, 3), false, view, 3);
    expect(show(first.segments)).toEqual(['1-1:r1', '2-2:unknown', '3-3:r3']);
    expect(first.next).toBe(4n);
    const last = segmentPage(r(4, 10), read(blocks, 4n, 10n, 3), true, view, 3);
    expect(show(last.segments)).toEqual(['4-4:unknown', '5-5:r5', '6-6:unknown']);
    expect(last.next).toBe(7n);
  });

  it('leaves a run that may go on past the blocks read to the next page, unless it is the only segment', () => {
    const held = [r(1, 2), r(3, 4), r(5, 6), r(7, 8)].map((range) => ({ range, look: 'held' }));
    const blocks = [{ range: r(0, 0), look: 'r0' }, ...held];
    // Read 3 of 5: the held run 1-4 is known only up to 4, so the page ends before it.
    expect(segmentPage(r(0, 8), blocks.slice(0, 3), false, view, 10)).toEqual({ segments: [{ range: r(0, 0), look: 'r0' }], next: 1n });
    // From 1, the run is all the page has: it is cut at the end of the last block read.
    expect(segmentPage(r(1, 8), held.slice(0, 3), false, view, 10)).toEqual({ segments: [{ range: r(1, 6), look: 'held' }], next: 7n });
    // Everything read: one merged run to the end of the asked range, no next page.
    expect(segmentPage(r(1, 9), held, true, view, 10)).toEqual({ segments: [{ range: r(1, 8), look: 'held' }, { range: r(9, 9), look: 'unknown' }] });
  });

  it('refuses a page of no segments', () => {
    expect(() => segmentPage(r(1, 2), [], true, view, 0)).toThrow(/at least one segment/);
  });

  it('tiles the asked range with pages of at most `limit` segments that join up to the unpaged answer', () => {
    const blocks: fc.Arbitrary<Block[]> = fc
      // Mostly contiguous and mostly alike, so that runs longer than one read are common.
      .array(fc.record({ gap: fc.constantFrom(0, 0, 0, 0, 1, 2), length: fc.integer({ min: 1, max: 3 }), look: fc.constantFrom('a', 'held', 'held', 'held') }), { maxLength: 30 })
      .map((specs) => {
        let next = 0n;
        return specs.map(({ gap, length, look }) => {
          const range = new SerialRange(next + BigInt(gap), next + BigInt(gap + length - 1));
          next = range.end + 1n;
          return { range, look };
        });
      });
    const sizes = fc.record({ start: fc.bigInt({ min: 0n, max: 40n }), length: fc.bigInt({ min: 0n, max: 80n }), limit: fc.integer({ min: 1, max: 4 }), extraRead: fc.integer({ min: 0, max: 2 }) });
    fc.assert(
      fc.property(blocks, sizes, (bs, { start, length, limit, extraRead }) => {
        const asked = new SerialRange(start, start + length);
        const readLimit = limit + 1 + extraRead;
        const pages = walk(bs, asked, limit, readLimit);
        const all = pages.flatMap((p) => p.segments);
        expect(all[0].range.start).toBe(asked.start);
        expect(all[all.length - 1].range.end).toBe(asked.end);
        for (let i = 1; i < all.length; i++) expect(all[i].range.start).toBe(all[i - 1].range.end + 1n);
        for (const [i, page] of pages.entries()) {
          expect(page.segments.length).toBeGreaterThan(0);
          expect(page.segments.length).toBeLessThanOrEqual(limit);
          expect(page.next === undefined).toBe(i === pages.length - 1);
          // A run is cut across pages only where one run is a whole page (longer than one read).
          const nextPage = pages[i + 1];
          if (nextPage && sameVisibleFields(page.segments[page.segments.length - 1], nextPage.segments[0])) expect(page.segments).toHaveLength(1);
        }
        expect(show(mergeLookalikeSegments(all))).toEqual(show(mergeLookalikeSegments(segmentRange(asked, bs).map(view))));
      }),
      { numRuns: 300 },
    );
  });
});

describe('firstOfOverlapping (records the serial-identity migration kept twice)', () => {
  const b = (id: string, start: number, end: number) => ({ id, range: new SerialRange(BigInt(start), BigInt(end)) });
  it('LEDGER-identity: keeps the record that starts first (the older on a tie) and every disjoint block', () => {
    const kept = firstOfOverlapping([b('later', 5, 5), b('first', 1, 10), b('tie', 1, 3), b('apart', 11, 20)]);
    expect(kept.map((k) => k.id)).toEqual(['first', 'apart']);
  });
});
