import { createPrivateKey, createPublicKey, generateKeyPairSync } from 'node:crypto';
import {
  MalformedCheckpointError,
  checkpointBody,
  noteKeyHash,
  parseCheckpoint,
  parseVerifierKey,
  rawEd25519PublicKey,
  signCheckpoint,
  signNote,
  verifierKey,
  verifyCheckpoint,
  verifyNote,
} from './checkpoint';
import { EMPTY_ROOT, leafHash } from './merkle';

// The example of golang.org/x/mod/sumdb/note (note.go doc and example_test.go): a key whose seed is
// published, its verifier key, and the note it signs. Ed25519 is deterministic, so signing the same
// text with the same seed must give the same bytes.
const GO_SIGNER_KEY = 'PRIVATE+KEY+PeterNeumann+c74f20a3+AYEKFALVFGyNhPJEMzD1QIDr+Y7hfZx09iUvxdXHKDFz';
const GO_VERIFIER_KEY = 'PeterNeumann+c74f20a3+ARpc2QcUPDhMQegwxbzhKqiBfsVkmqq/LDE4izWy10TW';
const GO_TEXT = "If you think cryptography is the answer to your problem,\nthen you don't know what your problem is.\n";
const GO_NOTE = `${GO_TEXT}\n\u2014 PeterNeumann x08go/ZJkuBS9UG/SffcvIAQxVBtiFupLLr8pAcElZInNIuGUgYN1FFYC2pZSNXgKvqfqdngotpRZb6KE6RyyBwJnAM=\n`;

function goPrivateKey() {
  const seed = Buffer.from(GO_SIGNER_KEY.split('+').slice(4).join('+'), 'base64').subarray(1);
  return createPrivateKey({ key: Buffer.concat([Buffer.from('302e020100300506032b657004220420', 'hex'), seed]), format: 'der', type: 'pkcs8' });
}

const ORIGIN = 'registry.example/log';
const checkpoint = { origin: ORIGIN, size: 1234, rootHash: leafHash(Buffer.from('root')) };
const key = generateKeyPairSync('ed25519');
const other = generateKeyPairSync('ed25519');

describe('C2SP signed-note', () => {
  it('matches the golang.org/x/mod/sumdb/note vector: key ID, verifier key and signature bytes', () => {
    const privateKey = goPrivateKey();
    expect(noteKeyHash('PeterNeumann', privateKey).toString('hex')).toBe('c74f20a3');
    expect(verifierKey('PeterNeumann', createPublicKey(privateKey))).toBe(GO_VERIFIER_KEY);
    expect(signNote(GO_TEXT, { name: 'PeterNeumann', privateKey })).toBe(GO_NOTE);
    expect(verifyNote(GO_NOTE, parseVerifierKey(GO_VERIFIER_KEY))).toBe(GO_TEXT);
  });

  it('verifier keys round-trip, and a wrong key ID or another signature type is refused', () => {
    const vkey = verifierKey(ORIGIN, key.publicKey);
    const parsed = parseVerifierKey(vkey);
    expect(parsed.name).toBe(ORIGIN);
    expect(Buffer.from(parsed.publicKey as Uint8Array)).toEqual(rawEd25519PublicKey(key.publicKey));
    expect(() => parseVerifierKey(vkey.replace(/\+[0-9a-f]{8}\+/, '+00000000+'))).toThrow('key ID');
    expect(() => parseVerifierKey(GO_VERIFIER_KEY.replace('+ARpc', '+AhRpc'))).toThrow();
    expect(() => verifierKey('has space', key.publicKey)).toThrow(RangeError);
    expect(() => verifierKey('has+plus', key.publicKey)).toThrow(RangeError);
  });
});

describe('C2SP tlog-checkpoint', () => {
  it('the body is origin, decimal size and base64 root, each ending in a newline', () => {
    expect(checkpointBody({ origin: ORIGIN, size: 0, rootHash: EMPTY_ROOT })).toBe(`${ORIGIN}\n0\n47DEQpj8HBSa+/TImW+5JCeuQeRkm5NMpJWZG3hSuFU=\n`);
    expect(() => checkpointBody({ ...checkpoint, origin: 'two\nlines' })).toThrow(RangeError);
    expect(() => checkpointBody({ ...checkpoint, size: -1 })).toThrow(RangeError);
    expect(() => checkpointBody({ ...checkpoint, rootHash: Buffer.alloc(31) })).toThrow(RangeError);
  });

  it('round-trips: signed by the log key, verified with it, and with a vkey parsed from text', () => {
    const note = signCheckpoint(checkpointBody(checkpoint), { name: ORIGIN, privateKey: key.privateKey });
    expect(note).toMatch(new RegExp(`^${ORIGIN}\\n1234\\n[A-Za-z0-9+/]{43}=\\n\\n\u2014 ${ORIGIN} [A-Za-z0-9+/]{91}=\\n$`));
    expect(verifyCheckpoint(note, { name: ORIGIN, publicKey: key.publicKey })).toEqual(checkpoint);
    expect(verifyCheckpoint(note, parseVerifierKey(verifierKey(ORIGIN, key.publicKey)))).toEqual(checkpoint);
    const parsed = parseCheckpoint(note);
    expect(parsed.signatures).toEqual([{ name: ORIGIN, keyHash: noteKeyHash(ORIGIN, key.publicKey), signature: expect.any(Buffer) }]);
    expect(parsed.signatures[0].signature).toHaveLength(64);
  });

  it('refuses another key, another name, a tampered body or signature', () => {
    const note = signCheckpoint(checkpointBody(checkpoint), { name: ORIGIN, privateKey: key.privateKey });
    expect(verifyCheckpoint(note, { name: ORIGIN, publicKey: other.publicKey })).toBeNull();
    expect(verifyCheckpoint(note, { name: 'registry.example/other', publicKey: key.publicKey })).toBeNull();
    expect(verifyCheckpoint(note.replace('\n1234\n', '\n1235\n'), { name: ORIGIN, publicKey: key.publicKey })).toBeNull();
    const [body, signature] = note.split(`\u2014 ${ORIGIN} `);
    const bytes = Buffer.from(signature.trim(), 'base64');
    bytes[10] ^= 1;
    expect(verifyCheckpoint(`${body}\u2014 ${ORIGIN} ${bytes.toString('base64')}\n`, { name: ORIGIN, publicKey: key.publicKey })).toBeNull();
  });

  it('ignores signatures by unknown keys, but a bad signature by a trusted key rejects the note', () => {
    const body = checkpointBody(checkpoint);
    const both = signCheckpoint(body, [
      { name: 'witness.example', privateKey: other.privateKey },
      { name: ORIGIN, privateKey: key.privateKey },
    ]);
    expect(parseCheckpoint(both).signatures.map((s) => s.name)).toEqual(['witness.example', ORIGIN]);
    expect(verifyCheckpoint(both, { name: ORIGIN, publicKey: key.publicKey })).toEqual(checkpoint);
    expect(verifyCheckpoint(both, [{ name: ORIGIN, publicKey: key.publicKey }, { name: 'witness.example', publicKey: other.publicKey }])).toEqual(checkpoint);
    // The trusted name and key ID, but a signature over another body: the whole note is refused.
    const forged = signCheckpoint(checkpointBody({ ...checkpoint, size: 1 }), { name: ORIGIN, privateKey: key.privateKey }).split('\n\n')[1];
    expect(verifyCheckpoint(`${both}${forged}`, { name: ORIGIN, publicKey: key.publicKey })).toBeNull();
  });

  it.each([
    ['a leading zero in the size', (n: string) => n.replace('\n1234\n', '\n01234\n')],
    ['a sign in the size', (n: string) => n.replace('\n1234\n', '\n+1234\n')],
    ['an extension line', (n: string) => n.replace('=\n\n', '=\nextra\n\n')],
    ['no blank line before the signatures', (n: string) => n.replace('=\n\n', '=\n')],
    ['no final newline', (n: string) => n.slice(0, -1)],
    ['CRLF line ends', (n: string) => n.replace(/\n/g, '\r\n')],
    ['an ASCII hyphen instead of the em dash', (n: string) => n.replace('\u2014', '-')],
    ['non-canonical base64 of the root', (n: string) => n.replace(/\n([A-Za-z0-9+/]{43})=\n/, '\n$1\n')],
    ['no signature lines', (n: string) => `${n.split('\n\n')[0]}\n\n`],
    ['an empty origin', (n: string) => n.replace(ORIGIN, '')],
  ])('parseCheckpoint refuses %s', (_what, mangle) => {
    const note = mangle(signCheckpoint(checkpointBody(checkpoint), { name: ORIGIN, privateKey: key.privateKey }));
    expect(() => parseCheckpoint(note)).toThrow(MalformedCheckpointError);
    expect(verifyCheckpoint(note, { name: ORIGIN, publicKey: key.publicKey })).toBeNull();
  });

  it('signCheckpoint refuses a body that is not a checkpoint, and verifyCheckpoint a signed note that is not one', () => {
    expect(() => signCheckpoint(GO_TEXT, { name: ORIGIN, privateKey: key.privateKey })).toThrow(MalformedCheckpointError);
    expect(verifyCheckpoint(GO_NOTE, parseVerifierKey(GO_VERIFIER_KEY))).toBeNull();
  });
});
