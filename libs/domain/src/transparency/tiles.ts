import { assertTreeSize, type NodeId } from './merkle';

/** C2SP tlog-tiles: tiles are 2^8 = 256 hashes wide and span 8 tree levels. */
export const TILE_HEIGHT = 8;
export const TILE_WIDTH = 256;
/** An entry in a bundle carries a big-endian uint16 length. */
export const MAX_BUNDLE_ENTRY_BYTES = 0xffff;

export interface TileAddress {
  /** The tile level L (its hashes sit at tree level 8·L), or 'entries' for an entry bundle. */
  level: number | 'entries';
  index: number;
  /** 256 for a full tile, 1..255 for a partial one. */
  width: number;
}

/** N as zero-padded 3-digit path elements, all but the last prefixed by `x`: 1234067 → x001/x234/067. */
export function tileIndexPath(index: number): string {
  assertTreeSize(index, 'the tile index');
  const groups: string[] = [];
  let rest = index;
  do {
    groups.unshift(String(rest % 1000).padStart(3, '0'));
    rest = Math.floor(rest / 1000);
  } while (rest > 0);
  return groups.map((group, i) => (i < groups.length - 1 ? `x${group}` : group)).join('/');
}

function widthSuffix(width: number): string {
  if (!Number.isInteger(width) || width < 1 || width > TILE_WIDTH) throw new RangeError(`a tile is 1 to 256 hashes wide, got ${width}`);
  return width === TILE_WIDTH ? '' : `.p/${width}`;
}

/** `tile/<L>/<N>[.p/<W>]`. */
export function tilePath(level: number, index: number, width: number = TILE_WIDTH): string {
  if (!Number.isInteger(level) || level < 0 || level > 63) throw new RangeError(`a tile level is 0 to 63, got ${level}`);
  return `tile/${level}/${tileIndexPath(index)}${widthSuffix(width)}`;
}

/** `tile/entries/<N>[.p/<W>]`. */
export function entryBundlePath(index: number, width: number = TILE_WIDTH): string {
  return `tile/entries/${tileIndexPath(index)}${widthSuffix(width)}`;
}

/** Reads a tile or entry bundle path (with or without a leading `tile/`); null when it is not canonical. */
export function parseTilePath(path: string): TileAddress | null {
  const match = /^(?:tile\/)?(0|[1-9][0-9]?|entries)\/((?:x[0-9]{3}\/)*[0-9]{3})(?:\.p\/([1-9][0-9]{0,2}))?$/.exec(path);
  if (!match) return null;
  const [, levelText, indexText, widthText] = match;
  const level = levelText === 'entries' ? 'entries' : Number(levelText);
  if (level !== 'entries' && level > 63) return null;
  const groups = indexText.split('/').map((group) => group.replace(/^x/, ''));
  if (groups.length > 1 && groups[0] === '000') return null;
  const index = Number(groups.join(''));
  const width = widthText === undefined ? TILE_WIDTH : Number(widthText);
  if (!Number.isSafeInteger(index) || (widthText !== undefined && width >= TILE_WIDTH)) return null;
  return { level, index, width };
}

/**
 * The nodes whose 32-byte hashes, concatenated in this order, are the tile: tree level 8·L,
 * indexes index·256 … index·256 + width − 1 (C2SP tlog-tiles "Merkle Tree").
 */
export function tileNodes(level: number, index: number, width: number = TILE_WIDTH): NodeId[] {
  tilePath(level, index, width);
  return Array.from({ length: width }, (_, i) => ({ level: level * TILE_HEIGHT, index: index * TILE_WIDTH + i }));
}

/**
 * How many hashes tile (level, index) holds in a tree of `treeSize` leaves: 256 when full, the
 * partial width, or 0 when the tree has no such tile (C2SP tlog-tiles "Partial Tiles"). Entry
 * bundles follow level 0.
 */
export function tileWidth(level: number, index: number, treeSize: number): number {
  assertTreeSize(treeSize, 'the tree size');
  const hashesAtLevel = Math.floor(treeSize / TILE_WIDTH ** level);
  const available = hashesAtLevel - index * TILE_WIDTH;
  return Math.max(0, Math.min(TILE_WIDTH, available));
}

/** Entries as big-endian uint16 length ‖ bytes, one after the other. */
export function encodeEntryBundle(entries: readonly Uint8Array[]): Buffer {
  return Buffer.concat(
    entries.flatMap((entry) => {
      if (entry.length > MAX_BUNDLE_ENTRY_BYTES) throw new RangeError(`an entry bundle holds entries up to 65535 bytes, got ${entry.length}`);
      const length = Buffer.alloc(2);
      length.writeUInt16BE(entry.length);
      return [length, Buffer.from(entry)];
    }),
  );
}

export function decodeEntryBundle(bundle: Uint8Array): Buffer[] {
  const bytes = Buffer.from(bundle);
  const entries: Buffer[] = [];
  let offset = 0;
  while (offset < bytes.length) {
    if (offset + 2 > bytes.length) throw new RangeError('the entry bundle ends inside a length');
    const length = bytes.readUInt16BE(offset);
    if (offset + 2 + length > bytes.length) throw new RangeError('the entry bundle ends inside an entry');
    entries.push(bytes.subarray(offset + 2, offset + 2 + length));
    offset += 2 + length;
  }
  return entries;
}
