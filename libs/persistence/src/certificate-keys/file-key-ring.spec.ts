import { verifyCertificate, type CertificateBody } from '@registry/domain';
import { mkdtempSync, readdirSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { FileKeyRing } from './file-key-ring';

const body: CertificateBody = {
  number: 'RC-2026-000001', issuedAt: '2026-11-24T00:00:00.000Z', retirementId: 'r', claimId: null,
  beneficiary: 'b', purpose: 'p', quantity: '1', serials: ['JCL-ERL-R1-1-1'],
};

describe('FileKeyRing', () => {
  let dir: string;
  beforeEach(() => {
    dir = join(mkdtempSync(join(tmpdir(), 'keys-')), 'keys');
  });
  afterEach(() => rmSync(join(dir, '..'), { recursive: true, force: true }));

  it('creates a private key file on first start, readable by the owner only', () => {
    new FileKeyRing(dir);
    const files = readdirSync(dir);
    expect(files).toHaveLength(1);
    expect(statSync(join(dir, files[0])).mode & 0o777).toBe(0o600);
  });

  it('makes a key created later the signer, even within the same day', () => {
    new FileKeyRing(dir);
    const later = FileKeyRing.createKey(dir, new Date(Date.now() + 1));
    expect(new FileKeyRing(dir).sign(body).keyId).toBe(later);
  });

  it('signs with the newest key after a rotation and keeps publishing the old one', () => {
    const ring = new FileKeyRing(dir);
    const before = ring.sign(body);
    const rotated = FileKeyRing.createKey(dir, new Date('2099-01-01T00:00:00Z'));
    const reloaded = new FileKeyRing(dir);
    const after = reloaded.sign(body);
    expect(after.keyId).toBe(rotated);
    expect(after.keyId).not.toBe(before.keyId);
    const published = reloaded.publicKeys();
    expect(published.map((k) => (k as { kid: string }).kid).sort()).toEqual([before.keyId, rotated].sort());
    expect(published.every((k) => k.d === undefined)).toBe(true);
    expect(verifyCertificate({ ...body, ...before }, published)).toEqual({ valid: true });
    expect(verifyCertificate({ ...body, ...after }, published)).toEqual({ valid: true });
  });
});
