import { EMPTY_ROOT, HASH_SIZE, nodeHash } from './merkle';

export interface InclusionClaim {
  leafHash: Uint8Array;
  index: number;
  treeSize: number;
  proof: readonly Uint8Array[];
  rootHash: Uint8Array;
}

export interface ConsistencyClaim {
  from: number;
  to: number;
  proof: readonly Uint8Array[];
  fromRoot: Uint8Array;
  toRoot: Uint8Array;
}

const isCount = (value: number) => Number.isSafeInteger(value) && value >= 0;
const isHash = (value: Uint8Array) => value instanceof Uint8Array && value.length === HASH_SIZE;
const same = (a: Uint8Array, b: Uint8Array) => Buffer.compare(a, b) === 0;
const half = (value: number) => Math.floor(value / 2);
const odd = (value: number) => value % 2 === 1;

/** RFC 9162 §2.1.3.2, step by step (halving instead of bit shifts so sizes above 2^32 work). */
export function verifyInclusion({ leafHash, index, treeSize, proof, rootHash }: InclusionClaim): boolean {
  if (!isCount(index) || !isCount(treeSize) || !isHash(leafHash) || !isHash(rootHash) || !proof.every(isHash)) return false;
  if (index >= treeSize) return false;
  let fn = index;
  let sn = treeSize - 1;
  let r: Buffer = Buffer.from(leafHash);
  for (const p of proof) {
    if (sn === 0) return false;
    if (odd(fn) || fn === sn) {
      r = nodeHash(p, r);
      if (!odd(fn)) {
        while (!odd(fn) && fn !== 0) {
          fn = half(fn);
          sn = half(sn);
        }
      }
    } else {
      r = nodeHash(r, p);
    }
    fn = half(fn);
    sn = half(sn);
  }
  return sn === 0 && same(r, rootHash);
}

const isPowerOfTwo = (value: number) => value > 0 && 2 ** Math.round(Math.log2(value)) === value;

/**
 * RFC 9162 §2.1.4.2. The RFC defines the proof for 0 < from < to; the edge cases take an empty
 * proof: from = to when the roots are equal, from = 0 when the old root is the empty tree's.
 */
export function verifyConsistency({ from, to, proof, fromRoot, toRoot }: ConsistencyClaim): boolean {
  if (!isCount(from) || !isCount(to) || !isHash(fromRoot) || !isHash(toRoot) || !proof.every(isHash)) return false;
  if (from > to) return false;
  if (from === to) return proof.length === 0 && same(fromRoot, toRoot);
  if (from === 0) return proof.length === 0 && same(fromRoot, EMPTY_ROOT);
  if (proof.length === 0) return false;
  const path = isPowerOfTwo(from) ? [fromRoot, ...proof] : [...proof];
  let fn = from - 1;
  let sn = to - 1;
  while (odd(fn)) {
    fn = half(fn);
    sn = half(sn);
  }
  let fr: Buffer = Buffer.from(path[0]);
  let sr: Buffer = Buffer.from(path[0]);
  for (const c of path.slice(1)) {
    if (sn === 0) return false;
    if (odd(fn) || fn === sn) {
      fr = nodeHash(c, fr);
      sr = nodeHash(c, sr);
      if (!odd(fn)) {
        while (!odd(fn) && fn !== 0) {
          fn = half(fn);
          sn = half(sn);
        }
      }
    } else {
      sr = nodeHash(sr, c);
    }
    fn = half(fn);
    sn = half(sn);
  }
  return sn === 0 && same(fr, fromRoot) && same(sr, toRoot);
}
