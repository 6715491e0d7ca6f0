import { signCertificate, signCheckpoint, type CertificateProof, type NoteVerifierKey, type SignedBody } from '@registry/domain';
import { CertificateSigner } from '@registry/ledger/ports';
import { createPrivateKey, createPublicKey, generateKeyPairSync, randomBytes, type JsonWebKey, type KeyObject } from 'node:crypto';
import { mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

const KEY_FILE = /^(k-\d{17}-[0-9a-f]{8})\.pem$/;

interface LoadedKey {
  kid: string;
  privateKey: KeyObject;
}

/**
 * Ed25519 signing keys kept as PKCS#8 PEM files `<kid>.pem` in a directory of the data folder
 * (never in the repository). Key ids sort by creation time, so the newest key signs and a
 * rotation is just a new file; every key in the folder stays published.
 */
export class FileKeyRing extends CertificateSigner {
  private keys: LoadedKey[];

  constructor(private readonly dir: string) {
    super();
    mkdirSync(dir, { recursive: true, mode: 0o700 });
    this.keys = this.load();
    if (this.keys.length === 0) {
      FileKeyRing.createKey(dir);
      this.keys = this.load();
    }
  }

  /** Writes a new key (the next to sign); returns its id. Exclusive create: two processes never share a file. */
  static createKey(dir: string, now = new Date()): string {
    mkdirSync(dir, { recursive: true, mode: 0o700 });
    // Creation time to the millisecond first, so ids sort by age and the newest key signs.
    const kid = `k-${now.toISOString().replace(/\D/g, '').slice(0, 17)}-${randomBytes(4).toString('hex')}`;
    const { privateKey } = generateKeyPairSync('ed25519');
    writeFileSync(join(dir, `${kid}.pem`), privateKey.export({ format: 'pem', type: 'pkcs8' }), { mode: 0o600, flag: 'wx' });
    return kid;
  }

  sign(body: SignedBody): CertificateProof {
    const active = this.keys[this.keys.length - 1];
    return signCertificate(body, active.privateKey, active.kid);
  }

  signNote(body: string, name: string): string {
    return signCheckpoint(body, { name, privateKey: this.keys[this.keys.length - 1].privateKey });
  }

  /** Re-reads the folder, so a key another process created is published too. */
  publicKeys(): JsonWebKey[] {
    this.keys = this.load();
    return this.keys.map(({ kid, privateKey }) => ({ ...createPublicKey(privateKey).export({ format: 'jwk' }), kid, alg: 'EdDSA', use: 'sig' }));
  }

  noteVerifierKeys(name: string): NoteVerifierKey[] {
    this.keys = this.load();
    return this.keys.map(({ privateKey }) => ({ name, publicKey: createPublicKey(privateKey) }));
  }

  private load(): LoadedKey[] {
    return readdirSync(this.dir)
      .map((file) => KEY_FILE.exec(file)?.[1])
      .filter((kid): kid is string => kid !== undefined)
      .sort()
      .map((kid) => ({ kid, privateKey: createPrivateKey(readFileSync(join(this.dir, `${kid}.pem`))) }));
  }
}
