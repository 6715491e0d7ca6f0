#!/usr/bin/env node
// Checks the registry's transparency log offline, with nothing but Node.js (>= 20): no npm install,
// no registry code. Copy this one file to wherever you audit.
//
//   node verify-log-proof.mjs inclusion   --checkpoint cp.txt --key <key> --proof proof.json [--leaf leaf.bin | --entry entry.json]
//   node verify-log-proof.mjs consistency --old old.txt --new new.txt --key <key> --proof proof.json
//
// <key> is a signed-note verifier key (`<name>+<hex key ID>+<base64 key>`), or a file holding one
// per line, or a JWK / JWKS file (/v1/certificate-keys). --key may be repeated.
// Exit code: 0 the proof holds, 1 it does not, 2 the input could not be read.
//
// What it proves. inclusion: the checkpoint (C2SP signed-note, API.md "Transparency log") is signed
// by a trusted key, and the RFC 9162 §2.1.3 audit path leads from the leaf to its root hash, so the
// log committed to that leaf at that index. consistency: both checkpoints are signed, and the
// RFC 9162 §2.1.4 proof shows the newer tree contains the older one unchanged (the log did not
// rewrite its past). With a JWK (no name), any signature line whose key ID is that key's for the
// line's own name counts: the key ID commits to the name, so the trust is in the key.
import { createHash, createPublicKey, verify } from 'node:crypto';
import { readFile } from 'node:fs/promises';

const sha256 = (...parts) => parts.reduce((hash, part) => hash.update(part), createHash('sha256')).digest();
const leafHash = (bytes) => sha256(Buffer.of(0), bytes);
const nodeHash = (left, right) => sha256(Buffer.of(1), left, right);
const EMPTY_ROOT = sha256();

class InputError extends Error {}

// --- RFC 9162 verification (§2.1.3.2 and §2.1.4.2, halving instead of bit shifts) ---------------

const half = (value) => Math.floor(value / 2);
const odd = (value) => value % 2 === 1;

function verifyInclusion({ leaf, index, treeSize, proof, root }) {
  if (index >= treeSize) return false;
  let fn = index;
  let sn = treeSize - 1;
  let r = leaf;
  for (const p of proof) {
    if (sn === 0) return false;
    if (odd(fn) || fn === sn) {
      r = nodeHash(p, r);
      while (!odd(fn) && fn !== 0) {
        fn = half(fn);
        sn = half(sn);
      }
    } else {
      r = nodeHash(r, p);
    }
    fn = half(fn);
    sn = half(sn);
  }
  return sn === 0 && r.equals(root);
}

function verifyConsistency({ from, to, proof, fromRoot, toRoot }) {
  if (from > to) return false;
  if (from === to) return proof.length === 0 && fromRoot.equals(toRoot);
  if (from === 0) return proof.length === 0 && fromRoot.equals(EMPTY_ROOT);
  if (proof.length === 0) return false;
  const path = 2 ** Math.round(Math.log2(from)) === from ? [fromRoot, ...proof] : [...proof];
  let fn = from - 1;
  let sn = to - 1;
  while (odd(fn)) {
    fn = half(fn);
    sn = half(sn);
  }
  let fr = path[0];
  let sr = path[0];
  for (const c of path.slice(1)) {
    if (sn === 0) return false;
    if (odd(fn) || fn === sn) {
      fr = nodeHash(c, fr);
      sr = nodeHash(c, sr);
      while (!odd(fn) && fn !== 0) {
        fn = half(fn);
        sn = half(sn);
      }
    } else {
      sr = nodeHash(sr, c);
    }
    fn = half(fn);
    sn = half(sn);
  }
  return sn === 0 && fr.equals(fromRoot) && sr.equals(toRoot);
}

// --- C2SP signed-note checkpoints -------------------------------------------------------------

/** Canonical standard base64, or null. */
function base64(text) {
  if (typeof text !== 'string' || !/^(?:[A-Za-z0-9+/]{4})*(?:[A-Za-z0-9+/]{2}==|[A-Za-z0-9+/]{3}=)?$/.test(text)) return null;
  const bytes = Buffer.from(text, 'base64');
  return bytes.toString('base64') === text ? bytes : null;
}
const hash32 = (text) => {
  const bytes = base64(text);
  return bytes && bytes.length === 32 ? bytes : null;
};

/** key ID = SHA-256(name ‖ 0x0A ‖ 0x01 ‖ 32-byte Ed25519 public key)[:4] (C2SP signed-note). */
const keyId = (name, raw) => sha256(Buffer.from(name, 'utf8'), Buffer.of(0x0a, 0x01), raw).subarray(0, 4);

/** @returns {{ origin: string, size: number, root: Buffer, text: string, signatures: { name: string, id: Buffer, signature: Buffer }[] }} */
function parseCheckpoint(note) {
  if (/[\u0000-\u0009\u000b-\u001f\ufffd]/.test(note)) throw new InputError('control characters or invalid UTF-8');
  if (!note.endsWith('\n')) throw new InputError('a note ends with a newline');
  const separator = note.lastIndexOf('\n\n');
  if (separator < 0) throw new InputError('no blank line before the signatures');
  const text = note.slice(0, separator + 1);
  const lines = text.split('\n');
  if (lines.length !== 4) throw new InputError('the checkpoint text must be three lines: origin, tree size, root hash');
  const [origin, sizeText, rootText] = lines;
  const root = hash32(rootText);
  if (!origin || !/^(?:0|[1-9][0-9]*)$/.test(sizeText) || !Number.isSafeInteger(Number(sizeText)) || !root) {
    throw new InputError('the checkpoint lines are not an origin, a canonical decimal size and a base64 root hash');
  }
  const signatures = note
    .slice(separator + 2, -1)
    .split('\n')
    .map((line) => {
      const match = /^\u2014 ([^\s+]+) (\S+)$/u.exec(line);
      const bytes = match && base64(match[2]);
      if (!bytes || bytes.length < 5) throw new InputError(`not a signature line: ${JSON.stringify(line)}`);
      return { name: match[1], id: bytes.subarray(0, 4), signature: bytes.subarray(4) };
    });
  return { origin, size: Number(sizeText), root, text, signatures };
}

/**
 * signed-note: signatures by unknown keys are ignored; one by a trusted key (name and key ID) that
 * does not verify rejects the note; at least one must verify.
 * @returns {{ ok: true, checkpoint, signers: string[] } | { ok: false, reason: string }}
 */
function verifyCheckpoint(note, keys, which) {
  let checkpoint;
  try {
    checkpoint = parseCheckpoint(note);
  } catch (error) {
    return { ok: false, reason: `the ${which} is malformed: ${error.message}` };
  }
  const signers = [];
  for (const line of checkpoint.signatures) {
    const key = keys.find((k) => (k.name === undefined || k.name === line.name) && keyId(line.name, k.raw).equals(line.id));
    if (!key) continue;
    const publicKey = createPublicKey({ key: { kty: 'OKP', crv: 'Ed25519', x: key.raw.toString('base64url') }, format: 'jwk' });
    if (line.signature.length !== 64 || !verify(null, Buffer.from(checkpoint.text, 'utf8'), publicKey, line.signature)) {
      return { ok: false, reason: `the ${which}'s signature by ${line.name} does not verify: the checkpoint was altered or forged` };
    }
    signers.push(`${line.name}+${line.id.toString('hex')}`);
  }
  if (signers.length === 0) return { ok: false, reason: `no trusted key signed the ${which} (signers: ${checkpoint.signatures.map((s) => `${s.name}+${s.id.toString('hex')}`).join(', ')})` };
  return { ok: true, checkpoint, signers };
}

// --- inputs ------------------------------------------------------------------------------------

const VKEY = /^([^+\s]+)\+([0-9a-f]{8})\+([A-Za-z0-9+/]+=*)$/;

function vkeyToKey(text) {
  const match = VKEY.exec(text.trim());
  const typed = match && base64(match[3]);
  if (!typed || typed.length !== 33 || typed[0] !== 0x01) throw new InputError(`not an Ed25519 verifier key: ${text.trim()}`);
  const raw = typed.subarray(1);
  if (keyId(match[1], raw).toString('hex') !== match[2]) throw new InputError(`the verifier key ID of ${match[1]} does not match its name and key`);
  return { name: match[1], raw };
}

function jwkToKey(jwk) {
  if (jwk?.kty !== 'OKP' || jwk?.crv !== 'Ed25519' || typeof jwk.x !== 'string') return null;
  const raw = Buffer.from(jwk.x, 'base64url');
  return raw.length === 32 ? { name: undefined, raw } : null;
}

/** A verifier key, or a file of verifier keys (one a line), or a JWK / JWKS file. */
async function readKeys(source) {
  if (VKEY.test(source)) return [vkeyToKey(source)];
  const text = await readFile(source, 'utf8');
  if (text.trim().startsWith('{')) {
    const json = JSON.parse(text);
    const keys = (Array.isArray(json.keys) ? json.keys : [json]).map(jwkToKey).filter(Boolean);
    if (keys.length === 0) throw new InputError(`${source} has no Ed25519 JWK`);
    return keys;
  }
  return text.split('\n').filter((line) => line.trim() !== '').map(vkeyToKey);
}

function parseArguments(argv) {
  const args = { command: argv[0], keys: [] };
  for (let i = 1; i < argv.length; i++) {
    const option = argv[i];
    if (option === '--help' || option === '-h') args.help = true;
    else if (option === '--key') args.keys.push(argv[++i]);
    else if (['--checkpoint', '--proof', '--leaf', '--entry', '--old', '--new'].includes(option)) args[option.slice(2)] = argv[++i];
    else throw new InputError(`unknown argument ${option}`);
  }
  return args;
}

const USAGE =
  'usage: node verify-log-proof.mjs inclusion --checkpoint cp.txt --key <vkey | key file> --proof proof.json [--leaf leaf.bin | --entry entry.json]\n' +
  '       node verify-log-proof.mjs consistency --old old.txt --new new.txt --key <vkey | key file> --proof proof.json\n';

function hashes(list) {
  const decoded = Array.isArray(list) ? list.map(hash32) : [null];
  if (decoded.some((hash) => hash === null)) throw new InputError('the proof hashes are not a list of base64 32-byte hashes');
  return decoded;
}

const isCount = (value) => Number.isSafeInteger(value) && value >= 0;

async function checkInclusion(args, keys) {
  const [note, proof] = await Promise.all([readFile(args.checkpoint, 'utf8'), readFile(args.proof, 'utf8').then(JSON.parse)]);
  if (!isCount(proof.index) || !isCount(proof.treeSize)) throw new InputError('the proof has no index and treeSize');
  const path = hashes(proof.hashes);
  let leaf = proof.leafHash === undefined ? null : hash32(proof.leafHash);
  if (proof.leafHash !== undefined && !leaf) throw new InputError('the proof leafHash is not a base64 32-byte hash');
  if (args.leaf || args.entry) {
    let bytes;
    if (args.leaf) bytes = await readFile(args.leaf);
    else {
      const entry = JSON.parse(await readFile(args.entry, 'utf8'));
      bytes = base64(entry.leaf);
      if (!bytes) throw new InputError('the entry has no base64 leaf');
      if (entry.index !== proof.index) return { ok: false, reason: `the entry is index ${entry.index}, the proof is for index ${proof.index}` };
    }
    if (leaf && !leafHash(bytes).equals(leaf)) return { ok: false, reason: 'the leaf bytes do not hash to the proof’s leafHash' };
    leaf = leafHash(bytes);
  }
  if (!leaf) throw new InputError('give --leaf or --entry, or a proof with leafHash');
  const signed = verifyCheckpoint(note, keys, 'checkpoint');
  if (!signed.ok) return signed;
  const { checkpoint } = signed;
  if (proof.treeSize !== checkpoint.size) return { ok: false, reason: `the proof is for tree size ${proof.treeSize}, the checkpoint for ${checkpoint.size}` };
  if (!verifyInclusion({ leaf, index: proof.index, treeSize: proof.treeSize, proof: path, root: checkpoint.root })) {
    return { ok: false, reason: `the audit path does not lead from leaf ${proof.index} to the checkpoint's root hash` };
  }
  return { ok: true, message: `entry ${proof.index} is in the log ${checkpoint.origin} at tree size ${checkpoint.size} (checkpoint signed by ${signed.signers.join(', ')})` };
}

async function checkConsistency(args, keys) {
  const [oldNote, newNote, proof] = await Promise.all([readFile(args.old, 'utf8'), readFile(args.new, 'utf8'), readFile(args.proof, 'utf8').then(JSON.parse)]);
  if (!isCount(proof.from) || !isCount(proof.to)) throw new InputError('the proof has no from and to');
  const path = hashes(proof.hashes);
  const older = verifyCheckpoint(oldNote, keys, 'old checkpoint');
  if (!older.ok) return older;
  const newer = verifyCheckpoint(newNote, keys, 'new checkpoint');
  if (!newer.ok) return newer;
  const [a, b] = [older.checkpoint, newer.checkpoint];
  if (a.origin !== b.origin) return { ok: false, reason: `the checkpoints are of two logs (${a.origin}, ${b.origin})` };
  if (proof.from !== a.size || proof.to !== b.size) return { ok: false, reason: `the proof is from ${proof.from} to ${proof.to}, the checkpoints are of sizes ${a.size} and ${b.size}` };
  if (!verifyConsistency({ from: a.size, to: b.size, proof: path, fromRoot: a.root, toRoot: b.root })) {
    return { ok: false, reason: `the tree of size ${b.size} does not extend the tree of size ${a.size}: the log rewrote its past, or the proof is wrong` };
  }
  return { ok: true, message: `the log ${b.origin} at tree size ${b.size} extends its tree of size ${a.size} unchanged (signed by ${newer.signers.join(', ')})` };
}

async function main() {
  let args;
  try {
    args = parseArguments(process.argv.slice(2));
  } catch (error) {
    process.stderr.write(`${error.message}\n${USAGE}`);
    return 2;
  }
  const needs = { inclusion: ['checkpoint', 'proof'], consistency: ['old', 'new', 'proof'] }[args.command];
  if (args.help || !needs || needs.some((name) => !args[name]) || args.keys.length === 0 || (args.leaf && args.entry)) {
    (args.help ? process.stdout : process.stderr).write(USAGE);
    return args.help ? 0 : 2;
  }
  let result;
  try {
    const keys = (await Promise.all(args.keys.map(readKeys))).flat();
    result = await (args.command === 'inclusion' ? checkInclusion(args, keys) : checkConsistency(args, keys));
  } catch (error) {
    process.stderr.write(`cannot read the input: ${error.message}\n`);
    return 2;
  }
  if (!result.ok) {
    process.stdout.write(`NOT VALID: ${result.reason}\n`);
    return 1;
  }
  process.stdout.write(`VALID: ${result.message}.\n`);
  return 0;
}

void main().then((code) => process.exit(code));
