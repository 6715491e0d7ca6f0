import { execFile } from 'node:child_process';
import { generateKeyPairSync } from 'node:crypto';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import {
  MerkleFrontier,
  checkConsistencyProof,
  checkInclusionProof,
  checkpointBody,
  consistencyPlan,
  inclusionPlan,
  keysForAnyName,
  leafHash,
  nodeKey,
  signCheckpoint,
  verifierKey,
  type NodeId,
} from '@registry/domain';

const TOOL = path.resolve(__dirname, '..', '..', 'tools', 'verify-log-proof.mjs');
const run = promisify(execFile);
const ORIGIN = 'registry.example/log';

/** What the tool prints and its exit code; it must run on a bare Node.js, outside the repository. */
async function verifyWithTool(...args: string[]): Promise<{ code: number; out: string }> {
  try {
    const { stdout } = await run(process.execPath, [TOOL, ...args], { cwd: tmpdir() });
    return { code: 0, out: stdout };
  } catch (error) {
    const failed = error as { code: number; stdout: string; stderr: string };
    return { code: failed.code, out: failed.stdout + failed.stderr };
  }
}

describe('the standalone log proof verifier (tools/verify-log-proof.mjs)', () => {
  const key = generateKeyPairSync('ed25519');
  const stranger = generateKeyPairSync('ed25519');
  const entries = Array.from({ length: 23 }, (_, i) => Buffer.from(JSON.stringify({ seq: i + 1, type: 'retirement.created' })));
  const store = new Map<string, Buffer>();
  const frontier = new MerkleFrontier();
  const checkpoints = new Map<number, string>();
  for (const entry of entries) {
    for (const node of frontier.append(leafHash(entry))) store.set(nodeKey(node), node.hash);
    checkpoints.set(frontier.size, signCheckpoint(checkpointBody({ origin: ORIGIN, size: frontier.size, rootHash: frontier.root() }), { name: ORIGIN, privateKey: key.privateKey }));
  }
  const hash = (id: NodeId) => store.get(nodeKey(id)) as Buffer;
  const b64 = (hashes: Buffer[]) => hashes.map((h) => h.toString('base64'));
  const inclusion = (index: number, treeSize: number) => ({ index, treeSize, leafHash: leafHash(entries[index]).toString('base64'), hashes: b64(inclusionPlan(index, treeSize).assemble(hash)) });
  const consistency = (from: number, to: number) => ({ from, to, hashes: b64(consistencyPlan(from, to).assemble(hash)) });

  const dir = mkdtempSync(path.join(tmpdir(), 'log-verifier-'));
  const write = (name: string, body: string | Buffer | object) => {
    const file = path.join(dir, name);
    writeFileSync(file, typeof body === 'string' || Buffer.isBuffer(body) ? body : JSON.stringify(body));
    return file;
  };
  const vkey = verifierKey(ORIGIN, key.publicKey);
  const jwks = write('jwks.json', { keys: [{ ...stranger.publicKey.export({ format: 'jwk' }), kid: 'k-old' }, { ...key.publicKey.export({ format: 'jwk' }), kid: 'k-1' }] });

  it('accepts an inclusion proof against a signed checkpoint, with the leaf, the entry, or only the proof', async () => {
    const proof = write('inclusion.json', inclusion(6, 23));
    const checkpoint = write('cp23.txt', checkpoints.get(23) as string);
    const withLeaf = await verifyWithTool('inclusion', '--checkpoint', checkpoint, '--key', vkey, '--proof', proof, '--leaf', write('leaf.bin', entries[6]));
    expect(withLeaf).toEqual({ code: 0, out: expect.stringContaining(`VALID: entry 6 is in the log ${ORIGIN} at tree size 23`) });
    const entry = write('entry.json', { index: 6, leaf: entries[6].toString('base64'), entry: JSON.parse(entries[6].toString()) as unknown });
    expect((await verifyWithTool('inclusion', '--checkpoint', checkpoint, '--key', jwks, '--proof', proof, '--entry', entry)).code).toBe(0);
    expect((await verifyWithTool('inclusion', '--checkpoint', checkpoint, '--key', write('vkeys.txt', `${vkey}\n`), '--proof', proof)).code).toBe(0);
    // The domain's helper, which the CLI reuses, agrees.
    expect(checkInclusionProof({ checkpoint: checkpoints.get(23) as string, keys: keysForAnyName(checkpoints.get(23) as string, [key.publicKey]), proof: inclusion(6, 23), leaf: entries[6] })).toMatchObject({ valid: true, checkpoint: { size: 23 } });
  });

  it.each([
    ['another leaf', { leaf: 7 }, 'the leaf bytes do not hash'],
    ['a flipped proof hash', { flip: true }, 'does not lead from leaf 6'],
    ['a proof for another tree size', { treeSize: 22 }, 'the proof is for tree size 22, the checkpoint for 23'],
    ['a checkpoint signed by a key nobody trusts', { signer: 'stranger' }, 'no trusted key signed the checkpoint'],
    ['an altered checkpoint', { alter: true }, 'does not verify'],
  ])('refuses an inclusion proof with %s (exit 1)', async (_what, change: { leaf?: number; flip?: boolean; treeSize?: number; signer?: string; alter?: boolean }, reason: string) => {
    const size = change.treeSize ?? 23;
    const proof = inclusion(6, size);
    if (change.flip) proof.hashes[1] = Buffer.from(Buffer.from(proof.hashes[1], 'base64').map((b, i) => (i === 0 ? b ^ 1 : b))).toString('base64');
    const stored = checkpoints.get(23) as string;
    let note = change.signer
      ? signCheckpoint(checkpointBody({ origin: ORIGIN, size: 23, rootHash: frontier.root() }), { name: ORIGIN, privateKey: stranger.privateKey })
      : stored;
    if (change.alter) note = note.replace('\n23\n', '\n24\n');
    const args = ['inclusion', '--checkpoint', write('cp.txt', note), '--key', vkey, '--proof', write('p.json', proof), '--leaf', write('l.bin', entries[change.leaf ?? 6])];
    const result = await verifyWithTool(...args);
    expect(result).toEqual({ code: 1, out: expect.stringContaining(`NOT VALID: `) });
    expect(result.out).toContain(reason);
  });

  it('accepts a consistency proof between two signed checkpoints, and refuses tampering', async () => {
    const old = write('old.txt', checkpoints.get(9) as string);
    const now = write('new.txt', checkpoints.get(23) as string);
    const good = await verifyWithTool('consistency', '--old', old, '--new', now, '--key', vkey, '--proof', write('c.json', consistency(9, 23)));
    expect(good).toEqual({ code: 0, out: expect.stringContaining(`VALID: the log ${ORIGIN} at tree size 23 extends its tree of size 9 unchanged`) });
    expect((await verifyWithTool('consistency', '--old', old, '--new', now, '--key', jwks, '--proof', write('c.json', consistency(9, 23)))).code).toBe(0);

    const flipped = consistency(9, 23);
    flipped.hashes[0] = Buffer.alloc(32, 7).toString('base64');
    const rewritten = await verifyWithTool('consistency', '--old', old, '--new', now, '--key', vkey, '--proof', write('c.json', flipped));
    expect(rewritten).toEqual({ code: 1, out: expect.stringContaining('does not extend the tree of size 9') });
    const wrongSizes = await verifyWithTool('consistency', '--old', write('old.txt', checkpoints.get(10) as string), '--new', now, '--key', vkey, '--proof', write('c.json', consistency(9, 23)));
    expect(wrongSizes).toEqual({ code: 1, out: expect.stringContaining('the proof is from 9 to 23, the checkpoints are of sizes 10 and 23') });
    const swapped = await verifyWithTool('consistency', '--old', now, '--new', old, '--key', vkey, '--proof', write('c.json', consistency(9, 23)));
    expect(swapped.code).toBe(1);
    expect(checkConsistencyProof({ oldCheckpoint: checkpoints.get(9) as string, newCheckpoint: checkpoints.get(23) as string, keys: [{ name: ORIGIN, publicKey: key.publicKey }], proof: flipped })).toMatchObject({ valid: false });
  });

  it('exits 2 when the input cannot be read, and without the required options', async () => {
    expect((await verifyWithTool('inclusion', '--checkpoint', path.join(dir, 'missing.txt'), '--key', vkey, '--proof', write('p.json', inclusion(0, 23)))).code).toBe(2);
    expect((await verifyWithTool('inclusion', '--checkpoint', write('cp.txt', checkpoints.get(23) as string), '--proof', write('p.json', inclusion(0, 23)))).code).toBe(2);
    expect((await verifyWithTool('inclusion', '--checkpoint', write('cp.txt', checkpoints.get(23) as string), '--key', 'not-a-key+00000000+AAAA', '--proof', write('p.json', inclusion(0, 23)))).code).toBe(2);
    expect((await verifyWithTool('audit')).code).toBe(2);
  });
});
