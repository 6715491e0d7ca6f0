import { generateKeyPairSync } from 'node:crypto';
import { checkpointBody, signCheckpoint } from './checkpoint';
import { checkConsistencyProof, checkInclusionProof, keysForAnyName } from './log-proof-check';
import { leafHash, nodeKey, type NodeId } from './merkle';
import { MerkleFrontier } from './merkle-frontier';
import { consistencyPlan, inclusionPlan } from './proof-plans';

describe('checking API.md proof answers against signed checkpoints (RFC 9162 §2.1.3–2.1.4, C2SP checkpoints)', () => {
  const key = generateKeyPairSync('ed25519');
  const other = generateKeyPairSync('ed25519');
  const leaves = Array.from({ length: 12 }, (_, i) => Buffer.from(`entry ${i}`));
  const store = new Map<string, Buffer>();
  const frontier = new MerkleFrontier();
  const notes: string[] = [];
  for (const leaf of leaves) {
    for (const node of frontier.append(leafHash(leaf))) store.set(nodeKey(node), node.hash);
    notes[frontier.size] = signCheckpoint(checkpointBody({ origin: 'log.example', size: frontier.size, rootHash: frontier.root() }), { name: 'log.example', privateKey: key.privateKey });
  }
  const hash = (id: NodeId) => store.get(nodeKey(id)) as Buffer;
  const keys = [{ name: 'log.example', publicKey: key.publicKey }];
  const inclusion = { index: 4, treeSize: 12, leafHash: leafHash(leaves[4]).toString('base64'), hashes: inclusionPlan(4, 12).assemble(hash).map((h) => h.toString('base64')) };
  const consistency = { from: 5, to: 12, hashes: consistencyPlan(5, 12).assemble(hash).map((h) => h.toString('base64')) };

  it('accepts a good inclusion proof, with or without the leaf bytes, and with keys known only as public keys', () => {
    expect(checkInclusionProof({ checkpoint: notes[12], keys, proof: inclusion, leaf: leaves[4] })).toMatchObject({ valid: true, checkpoint: { origin: 'log.example', size: 12 } });
    expect(checkInclusionProof({ checkpoint: notes[12], keys: keysForAnyName(notes[12], [other.publicKey, key.publicKey]), proof: inclusion })).toMatchObject({ valid: true });
    expect(keysForAnyName('not a note', [key.publicKey])).toEqual([]);
  });

  it.each([
    ['an untrusted key', { keys: [{ name: 'log.example', publicKey: other.publicKey }] }, 'not signed by a trusted key'],
    ['other leaf bytes', { leaf: leaves[5] }, 'do not hash'],
    ['another checkpoint size', { checkpoint: notes[11] }, 'tree size 12, the checkpoint for 11'],
    ['a malformed proof', { proof: { ...inclusion, hashes: ['abc'] } }, 'the proof is not'],
    ['a wrong index', { proof: { ...inclusion, index: 5 } }, 'does not lead from leaf 5'],
  ])('refuses an inclusion proof with %s', (_what, change, reason) => {
    const result = checkInclusionProof({ checkpoint: notes[12], keys, proof: inclusion, ...change });
    expect(result).toEqual({ valid: false, reason: expect.stringContaining(reason) });
  });

  it('accepts a good consistency proof, and refuses swapped checkpoints, wrong sizes, two origins and a tampered proof', () => {
    const check = (change: object) => checkConsistencyProof({ oldCheckpoint: notes[5], newCheckpoint: notes[12], keys, proof: consistency, ...change });
    expect(check({})).toMatchObject({ valid: true, checkpoint: { size: 12 } });
    expect(check({ oldCheckpoint: notes[12], newCheckpoint: notes[5] })).toMatchObject({ valid: false });
    expect(check({ oldCheckpoint: notes[6] })).toEqual({ valid: false, reason: expect.stringContaining('sizes 6 and 12') });
    const otherLog = signCheckpoint(checkpointBody({ origin: 'other.example', size: 5, rootHash: leafHash(leaves[0]) }), { name: 'log.example', privateKey: key.privateKey });
    expect(check({ oldCheckpoint: otherLog })).toEqual({ valid: false, reason: expect.stringContaining('two logs') });
    const tampered = { ...consistency, hashes: [...consistency.hashes.slice(1), consistency.hashes[0]] };
    expect(check({ proof: tampered })).toEqual({ valid: false, reason: expect.stringContaining('does not extend') });
  });
});
