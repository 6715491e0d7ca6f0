import type { KeyObject } from 'node:crypto';
import { parseNote, verifyCheckpoint, type Checkpoint, type NoteVerifierKey } from './checkpoint';
import { HASH_SIZE, leafHash } from './merkle';
import { verifyConsistency, verifyInclusion } from './proof-verification';

/** API.md `GET /v1/log/proof/inclusion` answer. */
export interface InclusionProofJson {
  index: number;
  treeSize: number;
  leafHash: string;
  hashes: string[];
}

/** API.md `GET /v1/log/proof/consistency` answer. */
export interface ConsistencyProofJson {
  from: number;
  to: number;
  hashes: string[];
}

export type LogProofCheck = { valid: true; checkpoint: Checkpoint } | { valid: false; reason: string };

/**
 * Trust for keys published without a note name (the JWKs of /v1/certificate-keys): a signature
 * line counts when its key ID is the signed-note key ID of its own name and one of these keys.
 * The key ID commits to the name, so this trusts the keys, whatever name they sign under.
 */
export function keysForAnyName(note: string, publicKeys: readonly (KeyObject | Uint8Array)[]): NoteVerifierKey[] {
  let names: string[];
  try {
    names = [...new Set(parseNote(note).signatures.map((signature) => signature.name))];
  } catch {
    return [];
  }
  return names.flatMap((name) => publicKeys.map((publicKey) => ({ name, publicKey })));
}

const isCount = (value: unknown): value is number => typeof value === 'number' && Number.isSafeInteger(value) && value >= 0;

function decodeHash(value: unknown): Buffer | null {
  if (typeof value !== 'string' || !/^[A-Za-z0-9+/]{43}=$/.test(value)) return null;
  const bytes = Buffer.from(value, 'base64');
  return bytes.length === HASH_SIZE && bytes.toString('base64') === value ? bytes : null;
}

function decodeHashes(value: unknown): Buffer[] | null {
  if (!Array.isArray(value)) return null;
  const hashes = value.map(decodeHash);
  return hashes.every((hash): hash is Buffer => hash !== null) ? hashes : null;
}

function verifiedCheckpoint(note: string, keys: readonly NoteVerifierKey[], which: string): Checkpoint | string {
  return verifyCheckpoint(note, keys) ?? `the ${which} is malformed or not signed by a trusted key`;
}

/**
 * Checks an inclusion proof against a signed checkpoint: the checkpoint's signature, then the
 * proof from the leaf to its root. `leaf`, when given, are the leaf bytes (API.md `leaf`).
 */
export function checkInclusionProof(input: { checkpoint: string; keys: readonly NoteVerifierKey[]; proof: unknown; leaf?: Uint8Array }): LogProofCheck {
  const checkpoint = verifiedCheckpoint(input.checkpoint, input.keys, 'checkpoint');
  if (typeof checkpoint === 'string') return { valid: false, reason: checkpoint };
  const proof = (input.proof ?? {}) as Partial<Record<keyof InclusionProofJson, unknown>>;
  const claimedLeaf = decodeHash(proof.leafHash);
  const hashes = decodeHashes(proof.hashes);
  if (!isCount(proof.index) || !isCount(proof.treeSize) || !claimedLeaf || !hashes) {
    return { valid: false, reason: 'the proof is not { index, treeSize, leafHash, hashes: [base64 of 32 bytes…] }' };
  }
  if (proof.treeSize !== checkpoint.size) return { valid: false, reason: `the proof is for tree size ${proof.treeSize}, the checkpoint for ${checkpoint.size}` };
  if (input.leaf && !leafHash(input.leaf).equals(claimedLeaf)) return { valid: false, reason: 'the leaf bytes do not hash to the proof’s leafHash' };
  const ok = verifyInclusion({ leafHash: claimedLeaf, index: proof.index, treeSize: proof.treeSize, proof: hashes, rootHash: checkpoint.rootHash });
  return ok ? { valid: true, checkpoint } : { valid: false, reason: `the proof does not lead from leaf ${proof.index} to the checkpoint’s root hash` };
}

/** Checks that the newer signed checkpoint extends the older one (RFC 9162 §2.1.4), both signatures first. */
export function checkConsistencyProof(input: { oldCheckpoint: string; newCheckpoint: string; keys: readonly NoteVerifierKey[]; proof: unknown }): LogProofCheck {
  const older = verifiedCheckpoint(input.oldCheckpoint, input.keys, 'old checkpoint');
  if (typeof older === 'string') return { valid: false, reason: older };
  const newer = verifiedCheckpoint(input.newCheckpoint, input.keys, 'new checkpoint');
  if (typeof newer === 'string') return { valid: false, reason: newer };
  if (older.origin !== newer.origin) return { valid: false, reason: `the checkpoints are of two logs (${older.origin}, ${newer.origin})` };
  const proof = (input.proof ?? {}) as Partial<Record<keyof ConsistencyProofJson, unknown>>;
  const hashes = decodeHashes(proof.hashes);
  if (!isCount(proof.from) || !isCount(proof.to) || !hashes) return { valid: false, reason: 'the proof is not { from, to, hashes: [base64 of 32 bytes…] }' };
  if (proof.from !== older.size || proof.to !== newer.size) {
    return { valid: false, reason: `the proof is from ${proof.from} to ${proof.to}, the checkpoints are of sizes ${older.size} and ${newer.size}` };
  }
  const ok = verifyConsistency({ from: older.size, to: newer.size, proof: hashes, fromRoot: older.rootHash, toRoot: newer.rootHash });
  return ok ? { valid: true, checkpoint: newer } : { valid: false, reason: `the tree of size ${newer.size} does not extend the tree of size ${older.size}: the log rewrote its past, or the proof is wrong` };
}
