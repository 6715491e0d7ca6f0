import { createHash } from 'node:crypto';
import fc from 'fast-check';
import { EMPTY_ROOT, leafHash, nodeHash, nodeKey, type NodeId } from './merkle';
import { MerkleFrontier, frontierIds } from './merkle-frontier';
import { consistencyPlan, consistencyProof, inclusionPlan, inclusionProof, rootHash, rootPlan, type NodeHashSource } from './proof-plans';
import { verifyConsistency, verifyInclusion } from './proof-verification';

// An independent RFC 9162 implementation, straight from the recursive definitions over raw leaves
// (§2.1.1 MTH, §2.1.3.1 PATH, §2.1.4.1 PROOF/SUBPROOF). It shares nothing with the product code.
const sha256 = (...parts: Uint8Array[]) => parts.reduce((h, p) => h.update(p), createHash('sha256')).digest();
const k = (n: number) => 2 ** Math.ceil(Math.log2(n) - 1);
// Memoised by the leaves array and range, so the property test stays fast; the recursion is the RFC's.
const memo = new WeakMap<readonly Uint8Array[], Map<string, Buffer>>();
function mth(d: readonly Uint8Array[], lo = 0, hi = d.length): Buffer {
  const cache = memo.get(d) ?? new Map<string, Buffer>();
  memo.set(d, cache);
  const key = `${lo}:${hi}`;
  let hash = cache.get(key);
  if (!hash) {
    const n = hi - lo;
    if (n === 0) hash = sha256();
    else if (n === 1) hash = sha256(Buffer.of(0), d[lo]);
    else hash = sha256(Buffer.of(1), mth(d, lo, lo + k(n)), mth(d, lo + k(n), hi));
    cache.set(key, hash);
  }
  return hash;
}
function path(m: number, d: readonly Uint8Array[], lo = 0, hi = d.length): Buffer[] {
  const n = hi - lo;
  if (n === 1) return [];
  const split = k(n);
  return m < split ? [...path(m, d, lo, lo + split), mth(d, lo + split, hi)] : [...path(m - split, d, lo + split, hi), mth(d, lo, lo + split)];
}
function subproof(m: number, d: readonly Uint8Array[], b: boolean, lo = 0, hi = d.length): Buffer[] {
  const n = hi - lo;
  if (m === n) return b ? [] : [mth(d, lo, hi)];
  const split = k(n);
  return m <= split
    ? [...subproof(m, d, b, lo, lo + split), mth(d, lo + split, hi)]
    : [...subproof(m - split, d, false, lo + split, hi), mth(d, lo, lo + split)];
}
const proof = (m: number, d: readonly Uint8Array[], to = d.length) => subproof(m, d, true, 0, to);

/** Every perfect aligned subtree's hash, as the store would keep them, computed by the reference. */
function referenceStore(d: readonly Uint8Array[]): Map<string, Buffer> {
  const store = new Map<string, Buffer>();
  for (let level = 0; 2 ** level <= d.length; level++) {
    for (let index = 0; (index + 1) * 2 ** level <= d.length; index++) store.set(`${level}/${index}`, mth(d, index * 2 ** level, (index + 1) * 2 ** level));
  }
  return store;
}
const lookup = (store: Map<string, Buffer>) => (id: NodeId) => {
  const hash = store.get(nodeKey(id));
  if (!hash) throw new Error(`the plan asked for ${nodeKey(id)}, which a tree of this size does not have`);
  return hash;
};
const leaves = (n: number) => Array.from({ length: n }, (_, i) => Buffer.from(`leaf ${i}`));
const hex = (b: Uint8Array) => Buffer.from(b).toString('hex');
const flip = (b: Uint8Array) => {
  const copy = Buffer.from(b);
  copy[0] ^= 1;
  return copy;
};

// Test vectors of transparency-dev/merkle (the Trillian/RFC 6962 reference): testonly/constants.go
// (leaf inputs, node hashes by level and index, roots by size) and proof/verify_test.go (proofs).
const VECTOR_LEAVES = ['', '00', '10', '2021', '3031', '40414243', '5051525354555657', '606162636465666768696a6b6c6d6e6f'].map((h) => Buffer.from(h, 'hex'));
const VECTOR_ROOTS = [
  'e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855',
  '6e340b9cffb37a989ca544e6bb780a2c78901d3fb33738768511a30617afa01d',
  'fac54203e7cc696cf0dfcb42c92a1d9dbaf70ad9e621f4bd8d98662f00e3c125',
  'aeb6bcfe274b70a14fb067a5e5578264db0fa9b51af5e0ba159158f329e06e77',
  'd37ee418976dd95753c1c73862b9398fa2a2cf9b4ff0fdfe8b30cd95209614b7',
  '4e3bbb1f7b478dcfe71fb631631519a3bca12c9aefca1612bfce4c13a86264d4',
  '76e67dadbcdf1e10e1b74ddc608abd2f98dfb16fbce75277b5232a127f2087ef',
  'ddb89be403809e325750d3d263cd78929c2942b7942a34b77e122c9594a74c8c',
  '5dc9da79a70659a9ad559cb701ded9a2ab9d823aad2f4960cfe370eff4604328',
];
const VECTOR_NODES: Record<string, string> = {
  '0/1': '96a296d224f285c67bee93c30f8a309157f0daa35dc5b87e410b78630a09cfc7',
  '0/4': 'bc1a0643b12e4d2d7c77918f44e0f4f79a838b6cf9ec5b5c283e1f4d88599e6b',
  '0/6': 'b08693ec2e721597130641e8211e7eedccb4c26413963eee6c1e2ed16ffb1a5f',
  '1/1': '5f083f0a1a33ca076a95279832580db3e0ef4584bdff1f54c8a360f50de3031e',
  '1/2': '0ebc5d3437fbe2db158b9f126a1d118e308181031d0a949f8dededebc558ef6a',
  '1/3': 'ca854ea128ed050b41b35ffc1b87b8eb2bde461e9e3b5596ece6b9d5975a0ae0',
  '2/1': '6b47aaf29ee3c2af9af889bc1fb9254dabd31177f16232dd6aab035ca39bf6e4',
};
const V = (key: string) => VECTOR_NODES[key];

describe('RFC 9162 §2.1.1 hashing', () => {
  it('the empty tree hash is SHA-256 of the empty string (e3b0c442…)', () => {
    expect(hex(EMPTY_ROOT)).toBe(VECTOR_ROOTS[0]);
    expect(rootPlan(0).nodes).toEqual([]);
    expect(hex(rootPlan(0).assemble(() => Buffer.alloc(32)))).toBe(VECTOR_ROOTS[0]);
  });

  it('leaf and node hashes have the 0x00 and 0x01 prefixes (the one-leaf and two-leaf roots of the vectors)', () => {
    expect(hex(leafHash(VECTOR_LEAVES[0]))).toBe(VECTOR_ROOTS[1]);
    expect(hex(nodeHash(leafHash(VECTOR_LEAVES[0]), leafHash(VECTOR_LEAVES[1])))).toBe(VECTOR_ROOTS[2]);
  });

  it('the roots of the first 0..8 reference leaves match transparency-dev/merkle, by plan and by frontier', () => {
    const store = referenceStore(VECTOR_LEAVES);
    const frontier = new MerkleFrontier();
    for (let size = 0; size <= 8; size++) {
      expect(hex(rootPlan(size).assemble(lookup(store)))).toBe(VECTOR_ROOTS[size]);
      expect(hex(frontier.root())).toBe(VECTOR_ROOTS[size]);
      if (size < 8) frontier.append(leafHash(VECTOR_LEAVES[size]));
    }
  });

  it('perfect aligned subtrees are addressed (level, index) as in the vectors', () => {
    const store = referenceStore(VECTOR_LEAVES);
    for (const [key, hash] of Object.entries(VECTOR_NODES)) expect(hex(store.get(key) as Buffer)).toBe(hash);
  });
});

describe('RFC 9162 §2.1.3 inclusion proofs: the transparency-dev/merkle vectors', () => {
  const store = referenceStore(VECTOR_LEAVES);
  it.each([
    [0, 8, [V('0/1'), V('1/1'), V('2/1')]],
    [5, 8, [V('0/4'), V('1/3'), VECTOR_ROOTS[4]]],
    [2, 3, [VECTOR_ROOTS[2]]],
    [1, 5, [VECTOR_ROOTS[1], V('1/1'), V('0/4')]],
    [0, 1, []],
  ])('leaf %i of a tree of %i', (index, size, expected) => {
    expect(inclusionPlan(index, size).assemble(lookup(store)).map(hex)).toEqual(expected);
    const root = Buffer.from(VECTOR_ROOTS[size], 'hex');
    const claim = { leafHash: leafHash(VECTOR_LEAVES[index]), index, treeSize: size, proof: expected.map((h) => Buffer.from(h, 'hex')), rootHash: root };
    expect(verifyInclusion(claim)).toBe(true);
    expect(verifyInclusion({ ...claim, index: index + 1 })).toBe(false);
    expect(verifyInclusion({ ...claim, treeSize: size * 2 })).toBe(false);
    expect(verifyInclusion({ ...claim, proof: [...claim.proof, root] })).toBe(false);
  });

  it('refuses an index outside the tree, and a hash of the wrong length', () => {
    expect(() => inclusionPlan(3, 3)).toThrow(RangeError);
    expect(() => inclusionPlan(0, 0)).toThrow(RangeError);
    const one = leafHash(Buffer.from('x'));
    expect(verifyInclusion({ leafHash: one, index: 0, treeSize: 1, proof: [], rootHash: one })).toBe(true);
    expect(verifyInclusion({ leafHash: one, index: 1, treeSize: 1, proof: [], rootHash: one })).toBe(false);
    expect(verifyInclusion({ leafHash: one, index: 0, treeSize: 0, proof: [], rootHash: one })).toBe(false);
    expect(verifyInclusion({ leafHash: one.subarray(0, 31), index: 0, treeSize: 1, proof: [], rootHash: one.subarray(0, 31) })).toBe(false);
  });
});

describe('RFC 9162 §2.1.4 consistency proofs: the transparency-dev/merkle vectors', () => {
  const store = referenceStore(VECTOR_LEAVES);
  it.each([
    [1, 8, [V('0/1'), V('1/1'), V('2/1')]],
    [6, 8, [V('1/2'), V('1/3'), VECTOR_ROOTS[4]]],
    [2, 5, [V('1/1'), V('0/4')]],
    [6, 7, [V('1/2'), V('0/6'), VECTOR_ROOTS[4]]],
  ])('from %i to %i', (from, to, expected) => {
    expect(consistencyPlan(from, to).assemble(lookup(store)).map(hex)).toEqual(expected);
    const claim = { from, to, proof: expected.map((h) => Buffer.from(h, 'hex')), fromRoot: Buffer.from(VECTOR_ROOTS[from], 'hex'), toRoot: Buffer.from(VECTOR_ROOTS[to], 'hex') };
    expect(verifyConsistency(claim)).toBe(true);
    expect(verifyConsistency({ ...claim, fromRoot: claim.toRoot, toRoot: claim.fromRoot })).toBe(false);
    expect(verifyConsistency({ ...claim, proof: [] })).toBe(false);
    expect(verifyConsistency({ ...claim, to: to * 2 })).toBe(false);
  });

  it('the edge cases: equal sizes take an empty proof and equal roots, size 0 the empty tree root, no time travel', () => {
    const root = Buffer.from(VECTOR_ROOTS[3], 'hex');
    expect(consistencyPlan(3, 3).nodes).toEqual([]);
    expect(consistencyPlan(0, 3).nodes).toEqual([]);
    expect(() => consistencyPlan(4, 3)).toThrow(RangeError);
    expect(verifyConsistency({ from: 3, to: 3, proof: [], fromRoot: root, toRoot: root })).toBe(true);
    expect(verifyConsistency({ from: 3, to: 3, proof: [], fromRoot: root, toRoot: EMPTY_ROOT })).toBe(false);
    expect(verifyConsistency({ from: 3, to: 3, proof: [root], fromRoot: root, toRoot: root })).toBe(false);
    expect(verifyConsistency({ from: 0, to: 3, proof: [], fromRoot: EMPTY_ROOT, toRoot: root })).toBe(true);
    expect(verifyConsistency({ from: 0, to: 3, proof: [], fromRoot: root, toRoot: root })).toBe(false);
    expect(verifyConsistency({ from: 4, to: 3, proof: [], fromRoot: root, toRoot: root })).toBe(false);
  });
});

describe('RFC 9162 §2.1.3–2.1.4 against an independent recursive implementation (property)', () => {
  it('every leaf’s inclusion proof and random consistency proofs equal the reference’s, verify, and tampering fails', () => {
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 300 }), fc.array(fc.tuple(fc.nat(), fc.nat()), { minLength: 1, maxLength: 8 }), (n, pairs) => {
        const d = leaves(n);
        const store = referenceStore(d);
        const hash = lookup(store);
        const root = mth(d);
        const next = leaves(n + 1);
        expect(hex(rootPlan(n).assemble(hash))).toBe(hex(root));
        for (let i = 0; i < n; i++) {
          const plan = inclusionPlan(i, n);
          const got = plan.assemble(hash);
          expect(got.map(hex)).toEqual(path(i, d).map(hex));
          const claim = { leafHash: leafHash(d[i]), index: i, treeSize: n, proof: got, rootHash: root };
          expect(verifyInclusion(claim)).toBe(true);
          expect(verifyInclusion({ ...claim, leafHash: flip(claim.leafHash) })).toBe(false);
          expect(verifyInclusion({ ...claim, rootHash: flip(root) })).toBe(false);
          if (n > 1) {
            expect(verifyInclusion({ ...claim, index: (i + 1) % n })).toBe(false);
            expect(verifyInclusion({ ...claim, proof: got.map((h, j) => (j === i % got.length ? flip(h) : h)) })).toBe(false);
            expect(verifyInclusion({ ...claim, proof: got.slice(1) })).toBe(false);
          }
          // Sizes are bound through the signed root: this proof does not show the leaf in the next tree.
          expect(verifyInclusion({ ...claim, treeSize: n + 1, rootHash: mth(next) })).toBe(false);
        }
        for (const [a, b] of pairs) {
          const to = (b % n) + 1;
          const from = (a % to) + 1;
          const got = consistencyPlan(from, to).assemble(hash);
          const want = from === to ? [] : proof(from, d, to);
          expect(got.map(hex)).toEqual(want.map(hex));
          const claim = { from, to, proof: got, fromRoot: mth(d, 0, from), toRoot: mth(d, 0, to) };
          expect(verifyConsistency(claim)).toBe(true);
          expect(verifyConsistency({ ...claim, toRoot: flip(claim.toRoot) })).toBe(false);
          if (from < to) {
            expect(verifyConsistency({ ...claim, fromRoot: flip(claim.fromRoot) })).toBe(false);
            expect(verifyConsistency({ ...claim, proof: got.map((h, j) => (j === got.length - 1 ? flip(h) : h)) })).toBe(false);
            const otherFrom = from > 1 ? from - 1 : from + 1;
            if (otherFrom < to) expect(verifyConsistency({ ...claim, from: otherFrom, fromRoot: mth(d, 0, otherFrom) })).toBe(false);
          }
        }
      }),
      { numRuns: 40 },
    );
  });

  it('plans only ask for perfect aligned subtrees a tree of that size has', () => {
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 1000 }), fc.nat(), fc.nat(), (n, a, b) => {
        const exists = (id: NodeId) => (id.index + 1) * 2 ** id.level <= n;
        expect(rootPlan(n).nodes.every(exists)).toBe(true);
        expect(inclusionPlan(a % n, n).nodes.every(exists)).toBe(true);
        expect(consistencyPlan(b % (n + 1), n).nodes.every(exists)).toBe(true);
        expect(frontierIds(n).every(exists)).toBe(true);
      }),
    );
  });
});

describe('MerkleFrontier (the sequencer’s right edge)', () => {
  it('has the reference root at every size up to 300 and reports every completed perfect subtree once', () => {
    const d = leaves(300);
    const store = referenceStore(d);
    const frontier = new MerkleFrontier();
    const reported = new Map<string, Buffer>();
    for (let size = 1; size <= d.length; size++) {
      const completed = frontier.append(leafHash(d[size - 1]));
      expect(completed[0]).toMatchObject({ level: 0, index: size - 1 });
      for (const node of completed) {
        expect(reported.has(nodeKey(node))).toBe(false);
        reported.set(nodeKey(node), node.hash);
      }
      expect(frontier.size).toBe(size);
      expect(hex(frontier.root())).toBe(hex(mth(d, 0, size)));
      expect(frontier.edgeNodes().map(({ level, index }) => ({ level, index }))).toEqual(frontierIds(size));
    }
    expect([...reported.keys()].sort()).toEqual([...store.keys()].sort());
    for (const [key, hash] of reported) expect(hex(hash)).toBe(hex(store.get(key) as Buffer));
  });

  it('restored from the stored right edge, continues exactly like one that never stopped', () => {
    const d = leaves(40);
    const store = referenceStore(d.slice(0, 27));
    const restored = new MerkleFrontier(27, frontierIds(27).map(lookup(store)));
    expect(frontierIds(27)).toEqual([
      { level: 4, index: 0 },
      { level: 3, index: 2 },
      { level: 1, index: 12 },
      { level: 0, index: 26 },
    ]);
    expect(hex(restored.root())).toBe(hex(mth(d, 0, 27)));
    for (let i = 27; i < 40; i++) restored.append(leafHash(d[i]));
    expect(hex(restored.root())).toBe(hex(mth(d)));
    expect(() => new MerkleFrontier(27, [])).toThrow(RangeError);
  });
});

describe('the async wrappers fetch all nodes in one call', () => {
  const d = leaves(21);
  const store = referenceStore(d);
  const calls: (readonly NodeId[])[] = [];
  const source: NodeHashSource = (ids) => {
    calls.push(ids);
    return Promise.resolve(new Map(ids.map((id) => [nodeKey(id), store.get(nodeKey(id)) as Buffer])));
  };
  beforeEach(() => calls.splice(0));

  it('root, inclusion and consistency', async () => {
    expect(hex(await rootHash(21, source))).toBe(hex(mth(d)));
    expect((await inclusionProof(13, 21, source)).map(hex)).toEqual(path(13, d).map(hex));
    expect((await consistencyProof(5, 21, source)).map(hex)).toEqual(proof(5, d).map(hex));
    expect(calls).toHaveLength(3);
    expect(await rootHash(0, source)).toEqual(EMPTY_ROOT);
    expect(calls).toHaveLength(3);
  });

  it('reject when the source misses a node or the arguments are out of range', async () => {
    await expect(rootHash(21, () => Promise.resolve(new Map()))).rejects.toThrow('the hash source has no node');
    await expect(inclusionProof(21, 21, source)).rejects.toThrow(RangeError);
  });
});
