import fc from 'fast-check';
import { generateKeyPairSync } from 'node:crypto';
import { certificateDigest, signCertificate, verifyCertificate, type CertificateBody } from './certificate-signature';

const keys = generateKeyPairSync('ed25519');
const jwk = { ...keys.publicKey.export({ format: 'jwk' }), kid: 'k1', alg: 'EdDSA', use: 'sig' };

const body: CertificateBody = {
  number: 'RC-2026-000123',
  issuedAt: '2026-11-24T10:00:00.000Z',
  retirementId: '5d7c3f0e-0000-4000-8000-000000000001',
  claimId: null,
  beneficiary: '株式会社サンプル',
  purpose: 'カーボン・ニュートラル認証 2025',
  quantity: '500',
  serials: ['JCL-ERL-R012-1000001-1000500'],
  retiredOn: '2026-11-24',
};

function signed() {
  return { ...body, status: 'valid', ...signCertificate(body, keys.privateKey, 'k1') };
}

describe('certificate digest and signature', () => {
  it('verifies an untouched certificate against the published key', () => {
    expect(verifyCertificate(signed(), [jwk])).toEqual({ valid: true });
  });

  it('does not cover status, so revocation keeps the digest', () => {
    expect(certificateDigest({ ...signed(), status: 'revoked' })).toBe(signed().digest);
  });

  it('fails when any signed field is changed, added or removed', () => {
    const fields = Object.keys(body);
    fc.assert(
      fc.property(fc.constantFrom(...fields), fc.string({ minLength: 1, maxLength: 5 }), fc.constantFrom('change', 'remove', 'add'), (field, junk, how) => {
        const tampered: Record<string, unknown> = signed();
        if (how === 'change') tampered[field] = JSON.stringify(tampered[field]) + junk;
        if (how === 'remove') delete tampered[field];
        if (how === 'add') tampered[`x${junk}`] = junk;
        expect(verifyCertificate(tampered, [jwk]).valid).toBe(false);
      }),
    );
  });

  it('fails with a forged signature or digest, or an unknown key', () => {
    const other = generateKeyPairSync('ed25519');
    const forged = { ...body, status: 'valid', ...signCertificate(body, other.privateKey, 'k1') };
    expect(verifyCertificate(forged, [jwk])).toMatchObject({ valid: false, reason: expect.stringContaining('signature') });
    expect(verifyCertificate({ ...signed(), digest: '0'.repeat(64) }, [jwk]).valid).toBe(false);
    expect(verifyCertificate({ ...signed(), keyId: 'k2' }, [jwk])).toMatchObject({ valid: false, reason: expect.stringContaining('k2') });
  });
});
