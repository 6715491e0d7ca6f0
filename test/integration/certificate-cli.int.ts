import { execFile } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { assertBuilt, BUILT } from '../support/processes';
import { createOrganizationWithKey, startTestApp } from '../support/test-app';
import { createTestDatabase } from '../support/test-engine';

const run = promisify(execFile);

async function verify(args: string[], env: Record<string, string>) {
  try {
    const { stdout } = await run(process.execPath, [BUILT.cli, 'certificate', 'verify', ...args], { env: { PATH: process.env.PATH ?? '', ...env } });
    return { code: 0, result: JSON.parse(stdout) };
  } catch (error) {
    const e = error as { code: number; stdout: string };
    return { code: e.code, result: JSON.parse(e.stdout) };
  }
}

describe('certificate verify (CLI, offline)', () => {
  beforeAll(() => assertBuilt());

  it('verifies a certificate by number and from a JSON file; a tampered file fails with exit code 3', async () => {
    const database = await createTestDatabase('sqlite');
    const env = { ...database.env, DATABASE_URL: '' };
    const t = await startTestApp(env);
    try {
      const provider = await createOrganizationWithKey(t, ['provider']);
      const retired = await t.http
        .post('/v1/retirements')
        .set(provider.auth)
        .send({ serials: ['JCL-ERL-V1-1-10'], beneficiary: 'b', purpose: 'p', evidence: { registry: 'J', reference: 'r' } })
        .expect(201);
      const number = retired.body.certificateNumber as string;
      const certificate = (await t.http.get(`/v1/certificates/${number}`).expect(200)).body;
      const jwks = (await t.http.get('/v1/certificate-keys').expect(200)).body;
      const dir = mkdtempSync(join(tmpdir(), 'cert-cli-'));
      writeFileSync(join(dir, 'keys.json'), JSON.stringify(jwks));
      writeFileSync(join(dir, 'good.json'), JSON.stringify(certificate));
      writeFileSync(join(dir, 'bad.json'), JSON.stringify({ ...certificate, quantity: '100' }));

      expect(await verify([number], env)).toMatchObject({ code: 0, result: { number, status: 'valid', valid: true } });
      expect(await verify([join(dir, 'good.json'), '--keys', join(dir, 'keys.json')], env)).toMatchObject({ code: 0, result: { valid: true } });
      expect(await verify([join(dir, 'bad.json'), '--keys', join(dir, 'keys.json')], env)).toMatchObject({
        code: 3,
        result: { valid: false, reason: expect.stringContaining('digest') },
      });

      // Rotation: a new key is published next to the old one, and the old certificate still verifies.
      const { stdout } = await run(process.execPath, [BUILT.cli, 'certificate', 'keys', 'rotate'], { env: { PATH: process.env.PATH ?? '', ...env } });
      const rotated = stdout.trim();
      expect(rotated).toMatch(/^k-\d{17}-[0-9a-f]{8}$/);
      const published = (await t.http.get('/v1/certificate-keys').expect(200)).body.keys.map((k: { kid: string }) => k.kid);
      expect(published).toEqual(expect.arrayContaining([certificate.keyId, rotated]));
      expect(await verify([number], env)).toMatchObject({ code: 0, result: { valid: true } });
    } finally {
      await t.close();
      await database.drop();
    }
  });
});
