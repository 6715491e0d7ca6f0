import { execFile } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import { createOrganizationWithKey, startTestApp, type TestApp } from '../support/test-app';

const TOOL = path.resolve(__dirname, '..', '..', 'tools', 'verify-certificate.mjs');
const run = promisify(execFile);

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

describe('the standalone certificate verifier (tools/verify-certificate.mjs)', () => {
  let t: TestApp;
  let dir: string;
  let certificate: Record<string, unknown>;
  let jwks: unknown;

  beforeAll(async () => {
    t = await startTestApp();
    const provider = await createOrganizationWithKey(t, ['provider']);
    await t.http.post('/v1/holdings').set(provider.auth).send({ serial: 'JCL-ERL-R700-1-1000', evidence: { registry: 'J-Credit registry', reference: 'statement 7' } }).expect(201);
    const retirement = await t.http.post('/v1/retirements').set(provider.auth).send({ serials: ['JCL-ERL-R700-1-10'], beneficiary: '株式会社検証', purpose: 'オフセット "引用" \\ テスト' }).expect(201);
    certificate = (await t.http.get(`/v1/certificates/${retirement.body.certificateNumber}`).expect(200)).body;
    jwks = (await t.http.get('/v1/certificate-keys').expect(200)).body;
    dir = mkdtempSync(path.join(tmpdir(), 'verifier-'));
    writeFileSync(path.join(dir, 'jwks.json'), JSON.stringify(jwks));
  });
  afterAll(() => t.close());

  const write = (name: string, body: unknown) => {
    const file = path.join(dir, name);
    writeFileSync(file, JSON.stringify(body, null, 2));
    return file;
  };

  it('accepts the registry’s certificate with its published keys and says that status is not signed', async () => {
    const result = await verifyWithTool(write('ok.json', certificate), '--jwks', path.join(dir, 'jwks.json'));
    expect(result).toMatchObject({ code: 0 });
    expect(result.out).toContain(`VALID signature: certificate ${String(certificate.number)}`);
    expect(result.out).toMatch(/status .* is not signed .* check it online/);
  });

  it('still accepts it with another status (status is outside the signature)', async () => {
    expect((await verifyWithTool(write('revoked.json', { ...certificate, status: 'revoked' }), '--jwks', path.join(dir, 'jwks.json'))).code).toBe(0);
  });

  it.each([
    ['quantity', { quantity: '1000' }],
    ['beneficiary', { beneficiary: '別の会社' }],
    ['serials', { serials: ['JCL-ERL-R700-1-11'] }],
    ['an added field', { note: 'added later' }],
  ])('refuses a certificate whose %s was changed (exit 1)', async (_what, change) => {
    const result = await verifyWithTool(write('tampered.json', { ...certificate, ...change }), '--jwks', path.join(dir, 'jwks.json'));
    expect(result.code).toBe(1);
    expect(result.out).toContain('the digest does not match');
  });

  it('refuses a signature made by another key, and a key the registry does not publish', async () => {
    const otherSignature = Buffer.alloc(64, 1).toString('base64url');
    expect((await verifyWithTool(write('sig.json', { ...certificate, signature: otherSignature }), '--jwks', path.join(dir, 'jwks.json'))).out).toContain('the signature does not match');
    const unknownKey = await verifyWithTool(write('kid.json', { ...certificate, keyId: 'k-unknown' }), '--jwks', path.join(dir, 'jwks.json'));
    expect(unknownKey).toMatchObject({ code: 1, out: expect.stringContaining('no published key has kid k-unknown') });
  });

  it('fetches the certificate and the keys from the registry when given its URL', async () => {
    const server = t.app.getHttpServer();
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    try {
      const { port } = server.address() as AddressInfo;
      const result = await verifyWithTool(`http://127.0.0.1:${port}/v1/certificates/${String(certificate.number)}`);
      expect(result).toMatchObject({ code: 0, out: expect.stringContaining('VALID signature') });
    } finally {
      await new Promise((resolve) => server.close(resolve));
    }
  });

  it('exits 2 when the input cannot be read', async () => {
    expect((await verifyWithTool(path.join(dir, 'missing.json'), '--jwks', path.join(dir, 'jwks.json'))).code).toBe(2);
    expect((await verifyWithTool(write('x.json', certificate))).code).toBe(2);
  });
});
