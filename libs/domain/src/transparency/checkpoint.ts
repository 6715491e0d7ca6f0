import { createHash, createPublicKey, sign, verify, type KeyObject } from 'node:crypto';
import { HASH_SIZE } from './merkle';

/** The three lines of a C2SP tlog-checkpoint: which log, how many leaves, which root. */
export interface Checkpoint {
  origin: string;
  size: number;
  rootHash: Buffer;
}

export interface NoteSignature {
  name: string;
  /** The 4-byte key ID (C2SP signed-note "key ID", big-endian uint32). */
  keyHash: Buffer;
  /** What follows the key ID: 64 bytes for Ed25519. */
  signature: Buffer;
}

export interface ParsedCheckpoint extends Checkpoint {
  /** The signed note text: the checkpoint lines with their final newline. */
  body: string;
  signatures: NoteSignature[];
}

export interface NoteSigner {
  name: string;
  privateKey: KeyObject;
}

/** A key a verifier trusts: the name it signs under and its Ed25519 public key. */
export interface NoteVerifierKey {
  name: string;
  /** A KeyObject, or the 32 raw RFC 8032 public key bytes. */
  publicKey: KeyObject | Uint8Array;
}

export class MalformedCheckpointError extends Error {
  constructor(reason: string) {
    super(`malformed checkpoint: ${reason}`);
    this.name = 'MalformedCheckpointError';
  }
}

/** Signature type 0x01 (signed-note "Ed25519 signatures"). */
const ED25519_TYPE = 0x01;
const EM_DASH = '\u2014';
/** Signed-note verifiers must accept at least 16 signatures; more is refused as abuse. */
const MAX_SIGNATURES = 64;

/** The 32 raw RFC 8032 bytes of an Ed25519 public key. */
export function rawEd25519PublicKey(publicKey: KeyObject | Uint8Array): Buffer {
  if (publicKey instanceof Uint8Array) {
    if (publicKey.length !== 32) throw new RangeError('an Ed25519 public key has 32 bytes');
    return Buffer.from(publicKey);
  }
  const key = publicKey.type === 'private' ? createPublicKey(publicKey) : publicKey;
  if (key.asymmetricKeyType !== 'ed25519') throw new RangeError('checkpoints are signed with Ed25519 keys');
  const { x } = key.export({ format: 'jwk' });
  return Buffer.from(x ?? '', 'base64url');
}

function ed25519KeyObject(publicKey: KeyObject | Uint8Array): KeyObject {
  const raw = rawEd25519PublicKey(publicKey);
  return createPublicKey({ key: { kty: 'OKP', crv: 'Ed25519', x: raw.toString('base64url') }, format: 'jwk' });
}

/** Key names are non-empty, without Unicode spaces or '+' (signed-note "Format"). */
export function isNoteKeyName(name: string): boolean {
  return name.length > 0 && !/[\s+]/u.test(name) && !hasControlCharacters(name);
}

const hasControlCharacters = (text: string) => /[\u0000-\u0009\u000b-\u001f]/.test(text);

/** Key ID = SHA-256(name ‖ 0x0A ‖ 0x01 ‖ 32-byte public key)[:4] (signed-note "Ed25519 signatures"). */
export function noteKeyHash(name: string, publicKey: KeyObject | Uint8Array): Buffer {
  const digest = createHash('sha256')
    .update(name, 'utf8')
    .update(Buffer.of(0x0a, ED25519_TYPE))
    .update(rawEd25519PublicKey(publicKey))
    .digest();
  return digest.subarray(0, 4);
}

/** The standard verifier key text `<name>+<hex key ID>+<base64(0x01 ‖ public key)>`. */
export function verifierKey(name: string, publicKey: KeyObject | Uint8Array): string {
  if (!isNoteKeyName(name)) throw new RangeError(`not a signed-note key name: ${JSON.stringify(name)}`);
  const raw = rawEd25519PublicKey(publicKey);
  return `${name}+${noteKeyHash(name, raw).toString('hex')}+${Buffer.concat([Buffer.of(ED25519_TYPE), raw]).toString('base64')}`;
}

/** Reads a verifier key; refuses another signature type, a wrong key ID, or sloppy encoding. */
export function parseVerifierKey(vkey: string): NoteVerifierKey & { keyHash: Buffer } {
  const match = /^([^+\s]+)\+([0-9a-f]{8})\+([A-Za-z0-9+/]+=*)$/.exec(vkey.trim());
  if (!match) throw new RangeError('not a verifier key (<name>+<8 hex digits>+<base64 key>)');
  const [, name, hashHex, keyBase64] = match;
  const typed = decodeBase64Strict(keyBase64);
  if (!typed || typed.length !== 33 || typed[0] !== ED25519_TYPE) throw new RangeError('the verifier key is not an Ed25519 (type 0x01) key');
  const publicKey = typed.subarray(1);
  const keyHash = noteKeyHash(name, publicKey);
  if (keyHash.toString('hex') !== hashHex) throw new RangeError('the verifier key ID does not match its name and key');
  return { name, publicKey, keyHash };
}

/** Canonical standard base64 (RFC 4648 §4), or null. */
function decodeBase64Strict(text: string): Buffer | null {
  if (!/^(?:[A-Za-z0-9+/]{4})*(?:[A-Za-z0-9+/]{2}==|[A-Za-z0-9+/]{3}=)?$/.test(text)) return null;
  const bytes = Buffer.from(text, 'base64');
  return bytes.toString('base64') === text ? bytes : null;
}

/** `<origin>\n<size>\n<base64 root>\n` (C2SP tlog-checkpoint "Note text"), without extension lines. */
export function checkpointBody({ origin, size, rootHash }: Checkpoint): string {
  if (origin.length === 0 || origin.includes('\n') || hasControlCharacters(origin)) throw new RangeError('the origin must be one non-empty line');
  if (!Number.isSafeInteger(size) || size < 0) throw new RangeError('the tree size must be a non-negative safe integer');
  if (rootHash.length !== HASH_SIZE) throw new RangeError('the root hash has 32 bytes');
  return `${origin}\n${size}\n${Buffer.from(rootHash).toString('base64')}\n`;
}

/** A signed note: the text, a blank line, one `— <name> <base64(key ID ‖ signature)>` line per signer (C2SP signed-note). */
export function signNote(text: string, signers: NoteSigner | readonly NoteSigner[]): string {
  if (!text.endsWith('\n') || hasControlCharacters(text)) throw new RangeError('a note text is lines ending in a newline, without control characters');
  const lines = (Array.isArray(signers) ? signers : [signers as NoteSigner]).map(({ name, privateKey }) => {
    if (!isNoteKeyName(name)) throw new RangeError(`not a signed-note key name: ${JSON.stringify(name)}`);
    const signature = sign(null, Buffer.from(text, 'utf8'), privateKey);
    return `${EM_DASH} ${name} ${Buffer.concat([noteKeyHash(name, privateKey), signature]).toString('base64')}\n`;
  });
  if (lines.length === 0) throw new RangeError('a signed note needs at least one signature');
  return `${text}\n${lines.join('')}`;
}

/** The whole checkpoint note for a body made by checkpointBody. */
export function signCheckpoint(body: string, signers: NoteSigner | readonly NoteSigner[]): string {
  parseBody(body);
  return signNote(body, signers);
}

function parseBody(body: string): Checkpoint {
  const lines = body.split('\n');
  if (lines.length !== 4 || lines[3] !== '') throw new MalformedCheckpointError('the text must be exactly three lines (origin, tree size, root hash)');
  const [origin, sizeText, rootText] = lines;
  if (origin.length === 0) throw new MalformedCheckpointError('the origin line is empty');
  if (!/^(?:0|[1-9][0-9]*)$/.test(sizeText) || !Number.isSafeInteger(Number(sizeText))) {
    throw new MalformedCheckpointError(`the tree size ${JSON.stringify(sizeText)} is not a canonical decimal number`);
  }
  const rootHash = decodeBase64Strict(rootText);
  if (!rootHash || rootHash.length !== HASH_SIZE) throw new MalformedCheckpointError('the root hash is not the canonical base64 of 32 bytes');
  return { origin, size: Number(sizeText), rootHash };
}

function parseSignatureLine(line: string): NoteSignature {
  const match = /^\u2014 (\S+) (\S+)$/u.exec(line);
  if (!match) throw new MalformedCheckpointError(`not a signature line: ${JSON.stringify(line)}`);
  const [, name, encoded] = match;
  if (!isNoteKeyName(name)) throw new MalformedCheckpointError(`not a key name: ${JSON.stringify(name)}`);
  const bytes = decodeBase64Strict(encoded);
  if (!bytes || bytes.length < 5) throw new MalformedCheckpointError(`the signature of ${name} is not canonical base64 of a key ID and a signature`);
  return { name, keyHash: bytes.subarray(0, 4), signature: bytes.subarray(4) };
}

export interface ParsedNote {
  /** The signed text, with its final newline. */
  text: string;
  signatures: NoteSignature[];
}

/** Splits a signed note at its last blank line and reads the signature lines. Throws MalformedCheckpointError. */
export function parseNote(note: string): ParsedNote {
  if (hasControlCharacters(note) || note.includes('\ufffd')) throw new MalformedCheckpointError('control characters or invalid UTF-8');
  if (!note.endsWith('\n')) throw new MalformedCheckpointError('a note ends with a newline');
  const separator = note.lastIndexOf('\n\n');
  if (separator < 0) throw new MalformedCheckpointError('no blank line before the signatures');
  const signatureLines = note.slice(separator + 2, -1).split('\n');
  if (signatureLines.length > MAX_SIGNATURES) throw new MalformedCheckpointError('too many signatures');
  return { text: note.slice(0, separator + 1), signatures: signatureLines.map(parseSignatureLine) };
}

/** Strict reading of a checkpoint note (no extension lines, canonical numbers and base64). Throws MalformedCheckpointError. */
export function parseCheckpoint(note: string): ParsedCheckpoint {
  const { text, signatures } = parseNote(note);
  return { ...parseBody(text), body: text, signatures };
}

/**
 * The note's text when at least one trusted key signed it, else null (malformed, or no valid
 * signature). As signed-note says: signatures by other keys are ignored; a signature by a trusted
 * key (same name and key ID) that does not verify rejects the whole note.
 */
export function verifyNote(note: string, trusted: NoteVerifierKey | readonly NoteVerifierKey[]): string | null {
  let parsed: ParsedNote;
  try {
    parsed = parseNote(note);
  } catch {
    return null;
  }
  const keys = (Array.isArray(trusted) ? trusted : [trusted as NoteVerifierKey]).map((key) => ({
    name: key.name,
    keyHash: noteKeyHash(key.name, key.publicKey),
    publicKey: ed25519KeyObject(key.publicKey),
  }));
  let verified = 0;
  for (const signature of parsed.signatures) {
    const key = keys.find((k) => k.name === signature.name && k.keyHash.equals(signature.keyHash));
    if (!key) continue;
    if (signature.signature.length !== 64 || !verify(null, Buffer.from(parsed.text, 'utf8'), key.publicKey, signature.signature)) return null;
    verified += 1;
  }
  return verified > 0 ? parsed.text : null;
}

/** The checkpoint when a trusted key signed it (see verifyNote) and its text is a strict checkpoint, else null. */
export function verifyCheckpoint(note: string, trusted: NoteVerifierKey | readonly NoteVerifierKey[]): Checkpoint | null {
  const text = verifyNote(note, trusted);
  if (text === null) return null;
  try {
    return parseBody(text);
  } catch {
    return null;
  }
}
