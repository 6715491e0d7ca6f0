import { createHash } from 'node:crypto';
import { MerkleFrontier } from './merkle-frontier';
import { leafHash, nodeKey, type NodeWithHash } from './merkle';
import { decodeEntryBundle, encodeEntryBundle, entryBundlePath, parseTilePath, tileNodes, tilePath, tileWidth } from './tiles';

describe('C2SP tlog-tiles paths', () => {
  it.each([
    [0, 0, 256, 'tile/0/000'],
    [0, 5, 256, 'tile/0/005'],
    [1, 1000, 256, 'tile/1/x001/000'],
    // The spec's example: index 1234067 is x001/x234/067.
    [2, 1234067, 256, 'tile/2/x001/x234/067'],
    [0, 273, 112, 'tile/0/273.p/112'],
    [63, 1, 1, 'tile/63/001.p/1'],
  ])('level %i, index %i, width %i → %s (and back)', (level, index, width, path) => {
    expect(tilePath(level, index, width)).toBe(path);
    expect(parseTilePath(path)).toEqual({ level, index, width });
  });

  it('entry bundles share the index encoding', () => {
    expect(entryBundlePath(1234067)).toBe('tile/entries/x001/x234/067');
    expect(entryBundlePath(0, 17)).toBe('tile/entries/000.p/17');
    expect(parseTilePath('tile/entries/x001/x234/067.p/3')).toEqual({ level: 'entries', index: 1234067, width: 3 });
  });

  it.each(['tile/00/000', 'tile/64/000', 'tile/0/5', 'tile/0/x000/005', 'tile/0/001/002', 'tile/0/000.p/0', 'tile/0/000.p/256', 'tile/0/000.p/012', 'tile/0/000.p/'])(
    'refuses the non-canonical path %s',
    (path) => expect(parseTilePath(path)).toBeNull(),
  );

  it('refuses widths and levels outside the spec', () => {
    expect(() => tilePath(0, 0, 0)).toThrow(RangeError);
    expect(() => tilePath(0, 0, 257)).toThrow(RangeError);
    expect(() => tilePath(64, 0)).toThrow(RangeError);
  });
});

describe('C2SP tlog-tiles contents', () => {
  it('the spec’s example: a tree of 70,000 has 273 full level-0 tiles, a partial one of 112, a full and a 17-wide level-1 tile, a 1-wide level-2 tile', () => {
    expect(tileWidth(0, 272, 70000)).toBe(256);
    expect(tileWidth(0, 273, 70000)).toBe(112);
    expect(tileWidth(0, 274, 70000)).toBe(0);
    expect(tileWidth(1, 0, 70000)).toBe(256);
    expect(tileWidth(1, 1, 70000)).toBe(17);
    expect(tileWidth(2, 0, 70000)).toBe(1);
    expect(tileWidth(3, 0, 70000)).toBe(0);
    // "a tree of size 256 will be represented by a full level 0 tile and a partial level 1 tile of width 1"
    expect([tileWidth(0, 0, 256), tileWidth(0, 1, 256), tileWidth(1, 0, 256)]).toEqual([256, 0, 1]);
  });

  it('a level-1 tile hash is the MTH of the full level-0 tile below it, i.e. the stored node at tree level 8', () => {
    const frontier = new MerkleFrontier();
    const store = new Map<string, NodeWithHash>();
    const leaves = Array.from({ length: 600 }, (_, i) => leafHash(Buffer.from(`entry ${i}`)));
    for (const leaf of leaves) for (const node of frontier.append(leaf)) store.set(nodeKey(node), node);
    const tile = (level: number, index: number, width: number) => Buffer.concat(tileNodes(level, index, width).map((id) => (store.get(nodeKey(id)) as NodeWithHash).hash));

    expect(tileNodes(1, 0, 2)).toEqual([{ level: 8, index: 0 }, { level: 8, index: 1 }]);
    expect(tile(0, 1, 256)).toEqual(Buffer.concat(leaves.slice(256, 512)));
    expect(tile(0, 2, tileWidth(0, 2, 600))).toHaveLength(88 * 32);
    // Rebuild the level-1 hash from the level-0 tile by hashing its 256 leaves pairwise (RFC 9162 §2.1.1).
    let level = leaves.slice(256, 512);
    while (level.length > 1) level = Array.from({ length: level.length / 2 }, (_, i) => createHash('sha256').update(Buffer.of(1)).update(level[2 * i]).update(level[2 * i + 1]).digest());
    expect(tile(1, 0, tileWidth(1, 0, 600)).subarray(32, 64)).toEqual(level[0]);
  });

  it('entry bundles are big-endian uint16 length-prefixed entries', () => {
    const entries = [Buffer.from('a'), Buffer.alloc(0), Buffer.alloc(300, 7)];
    const bundle = encodeEntryBundle(entries);
    expect(bundle.subarray(0, 3)).toEqual(Buffer.from([0, 1, 0x61]));
    expect(bundle.subarray(3, 7)).toEqual(Buffer.from([0, 0, 0x01, 0x2c]));
    expect(decodeEntryBundle(bundle)).toEqual(entries);
    expect(() => decodeEntryBundle(bundle.subarray(0, bundle.length - 1))).toThrow(RangeError);
    expect(() => encodeEntryBundle([Buffer.alloc(65536)])).toThrow(RangeError);
  });
});
