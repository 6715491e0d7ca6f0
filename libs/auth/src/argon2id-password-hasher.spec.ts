import { Argon2idPasswordHasher } from './argon2id-password-hasher';

describe('Argon2idPasswordHasher', () => {
  const hasher = new Argon2idPasswordHasher();

  it('hashes with Argon2id and the OWASP parameters (m=19456 KiB, t=2, p=1), a fresh salt each time', async () => {
    const [a, b] = await Promise.all([hasher.hash('correct horse battery'), hasher.hash('correct horse battery')]);
    expect(a).toMatch(/^\$argon2id\$v=19\$m=19456,t=2,p=1\$/);
    expect(a).not.toBe(b);
    expect(a).not.toContain('correct horse battery');
  });

  it('verifies the password, refuses another, and answers false (not an error) to a hash it cannot read', async () => {
    const hash = await hasher.hash('correct horse battery');
    expect(await hasher.verify(hash, 'correct horse battery')).toBe(true);
    expect(await hasher.verify(hash, 'correct horse batterY')).toBe(false);
    expect(await hasher.verify('not a hash', 'correct horse battery')).toBe(false);
    expect(await hasher.verify('', '')).toBe(false);
  });
});
