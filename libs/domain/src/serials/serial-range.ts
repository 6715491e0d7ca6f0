import { invalidSerial } from './serial-error';

/** Largest serial number the registry stores (a signed 64-bit integer column). */
export const MAX_SERIAL_NUMBER = 2n ** 63n - 1n;

const RANGE_SHAPE = 'start and end are whole numbers with 0 <= start <= end <= 9223372036854775807';

/** An inclusive block of serial numbers [start, end]. Immutable; every operation returns new ranges. */
export class SerialRange {
  readonly start: bigint;
  readonly end: bigint;

  constructor(start: bigint, end: bigint) {
    if (typeof start !== 'bigint' || typeof end !== 'bigint') {
      throw invalidSerial('a serial range needs bigint start and end', 'range', RANGE_SHAPE);
    }
    if (start < 0n) throw invalidSerial(`start ${start} is negative`, 'range.start', RANGE_SHAPE);
    if (end > MAX_SERIAL_NUMBER) {
      throw invalidSerial(`end ${end} exceeds the largest serial number ${MAX_SERIAL_NUMBER}`, 'range.end', RANGE_SHAPE);
    }
    if (end < start) throw invalidSerial(`end ${end} is before start ${start}`, 'range.end', RANGE_SHAPE);
    this.start = start;
    this.end = end;
    Object.freeze(this);
  }

  static single(serial: bigint): SerialRange {
    return new SerialRange(serial, serial);
  }

  /** Orders by start, then by end. */
  static compare(a: SerialRange, b: SerialRange): number {
    if (a.start !== b.start) return a.start < b.start ? -1 : 1;
    if (a.end !== b.end) return a.end < b.end ? -1 : 1;
    return 0;
  }

  /** Sorted, with overlapping and adjacent ranges coalesced. */
  static mergeAll(ranges: readonly SerialRange[]): SerialRange[] {
    const sorted = [...ranges].sort(SerialRange.compare);
    const merged: SerialRange[] = [];
    for (const range of sorted) {
      const last = merged[merged.length - 1];
      if (last && (last.overlaps(range) || last.isAdjacentTo(range))) {
        merged[merged.length - 1] = last.merge(range);
      } else {
        merged.push(range);
      }
    }
    return merged;
  }

  get quantity(): bigint {
    return this.end - this.start + 1n;
  }

  overlaps(other: SerialRange): boolean {
    return this.start <= other.end && other.start <= this.end;
  }

  contains(other: SerialRange | bigint): boolean {
    if (typeof other === 'bigint') return this.start <= other && other <= this.end;
    return this.start <= other.start && other.end <= this.end;
  }

  isAdjacentTo(other: SerialRange): boolean {
    return this.end + 1n === other.start || other.end + 1n === this.start;
  }

  intersect(other: SerialRange): SerialRange | null {
    if (!this.overlaps(other)) return null;
    return new SerialRange(max(this.start, other.start), min(this.end, other.end));
  }

  /** Cuts `sub` out of this range: the part before it, `sub` itself, and the part after it. */
  split(sub: SerialRange): { before?: SerialRange; middle: SerialRange; after?: SerialRange } {
    if (!this.contains(sub)) {
      throw invalidSerial(`${sub} does not lie inside ${this}`, 'range', `a sub-range of ${this}`);
    }
    const parts: { before?: SerialRange; middle: SerialRange; after?: SerialRange } = { middle: sub };
    if (sub.start > this.start) parts.before = new SerialRange(this.start, sub.start - 1n);
    if (sub.end < this.end) parts.after = new SerialRange(sub.end + 1n, this.end);
    return parts;
  }

  /** What remains of this range once `other` is taken away: 0, 1 or 2 ranges, in order. */
  subtract(other: SerialRange): SerialRange[] {
    if (!this.overlaps(other)) return [this];
    const pieces: SerialRange[] = [];
    if (other.start > this.start) pieces.push(new SerialRange(this.start, other.start - 1n));
    if (other.end < this.end) pieces.push(new SerialRange(other.end + 1n, this.end));
    return pieces;
  }

  /** Joins an overlapping or adjacent range into one. */
  merge(other: SerialRange): SerialRange {
    if (!this.overlaps(other) && !this.isAdjacentTo(other)) {
      throw invalidSerial(`${this} and ${other} neither overlap nor touch`, 'range', 'an overlapping or adjacent range');
    }
    return new SerialRange(min(this.start, other.start), max(this.end, other.end));
  }

  equals(other: SerialRange): boolean {
    return this.start === other.start && this.end === other.end;
  }

  toString(): string {
    return `${this.start}-${this.end}`;
  }

  /** bigint has no JSON form; decimal strings keep every digit. */
  toJSON(): { start: string; end: string; quantity: string } {
    return { start: this.start.toString(), end: this.end.toString(), quantity: this.quantity.toString() };
  }
}

function min(a: bigint, b: bigint): bigint {
  return a < b ? a : b;
}

function max(a: bigint, b: bigint): bigint {
  return a > b ? a : b;
}
