import { createOrganizationWithKey, startTestApp, uniqueCorporateNumber, type TestApp } from '../support/test-app';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { certifiedClaim, declared } from '../support/claims';
import { responseMismatches } from '../support/schema-conformance';
import { typedClient } from '../support/typed-client';

/**
 * A client built from the committed contract: every call below is typed by openapi.json (through
 * openapi-typescript, `npm run typecheck` regenerates the types first), so a body the contract
 * refuses does not compile, and the fields read here are the ones the contract promises.
 */
describe('a typed client built from openapi.json drives the registry', () => {
  let t: TestApp;
  let client: ReturnType<typeof typedClient>;
  beforeAll(async () => {
    t = await startTestApp();
    client = typedClient(t);
  });
  afterAll(() => t.close());

  const organizationWithKey = async (name: string, roles: ('provider' | 'applicant' | 'auditor')[]) => {
    const org = await client.post('/v1/organizations', { auth: t.admin, status: 201, body: { name, roles, corporateNumber: uniqueCorporateNumber() } });
    const key = await client.post('/v1/organizations/{id}/api-keys', { auth: t.admin, status: 201, path: { id: org.body.id }, body: {} });
    return { id: org.body.id, auth: { Authorization: `Bearer ${key.body.key}` } };
  };

  it('holds, retires, reads the status and the list of retirements, transfers, parses a serial and reads the journal, as the contract says', async () => {
    const provider = await organizationWithKey('株式会社プロバイダー', ['provider']);

    const held = await client.post('/v1/holdings', {
      auth: provider.auth,
      status: 201,
      body: { serial: 'JCL-ERL-T901-1000001-1000500', evidence: { registry: 'J-Credit registry', reference: 'account statement 0001' } },
    });
    expect(held.body).toMatchObject({ scheme: 'JCREDIT', start: '1000001', end: '1000500', quantity: '500', status: 'held', ownerId: provider.id });

    const holdings = await client.get('/v1/holdings', { auth: provider.auth, status: 200, query: { scheme: 'JCREDIT' } });
    expect(holdings.body.items.map((h) => h.id)).toContain(held.body.id);
    expect(holdings.body.totals).toEqual([{ scheme: 'JCREDIT', blocks: 1, quantity: '500' }]);

    const retired = await client.post('/v1/retirements', {
      auth: provider.auth,
      status: 201,
      body: { serials: ['JCL-ERL-T901-1000001-1000100'], beneficiary: '株式会社サンプル', purpose: 'CN 2025' },
    });
    const retirement = retired.body;
    expect(retirement).toMatchObject({ status: 'active', quantity: '100', organizationId: provider.id, claimId: null, evidence: null, officialReference: 'pending' });
    expect(retirement.certificateNumber).toMatch(/^RC-\d{4}-\d{6}$/);

    const read = await client.get('/v1/retirements/{id}', { status: 200, path: { id: retirement.id } });
    expect(read.body.serials).toEqual(['JCL-ERL-T901-1000001-1000100']);

    const status = await client.get('/v1/serials/status', { status: 200, query: { serial: 'JCL-ERL-T901-1000001-1000600' } });
    expect(status.body.segments.map(({ start, end, status: s }) => [start, end, s])).toEqual([
      ['1000001', '1000100', 'retired'],
      ['1000101', '1000500', 'held'],
      ['1000501', '1000600', 'unknown'],
    ]);
    expect(status.body.segments[0]!.certificateNumber).toBe(retirement.certificateNumber);

    const list = await client.get('/v1/retirements', { auth: provider.auth, status: 200, query: { limit: 10 } });
    expect(list.body.items.map((r) => r.id)).toEqual([retirement.id]);
    expect(list.body.nextCursor).toBeUndefined();

    const recipient = await organizationWithKey('株式会社レシピエント', ['provider']);
    const moved = await client.post('/v1/transfers', { auth: provider.auth, status: 201, body: { serial: 'JCL-ERL-T901-1000401-1000500', toOrganizationId: recipient.id } });
    expect(moved.body).toMatchObject({ quantity: '100', fromOrganizationId: provider.id, toOrganizationId: recipient.id });
    expect(moved.body.blocks.map((b) => [b.start, b.end, b.ownerId])).toEqual([['1000401', '1000500', recipient.id]]);

    const schemes = await client.get('/v1/schemes', { status: 200 });
    expect(schemes.body.find((scheme) => scheme.code === 'JCREDIT')?.nameJa).toEqual(expect.any(String));

    const auditor = await organizationWithKey('監査法人', ['auditor']);
    const head = await client.get('/v1/ledger/head', { auth: auditor.auth, status: 200 });
    const verified = await client.get('/v1/ledger/verify', { auth: auditor.auth, status: 200 });
    expect(verified.body).toMatchObject({ ok: true, head: head.body });
    const entries = await client.get('/v1/ledger/entries', { auth: auditor.auth, status: 200, query: { type: 'retirement', limit: 1000 } });
    expect(entries.body.items.filter((e) => e.type === 'retirement.created' && e.payload.includes(retirement.id))).toHaveLength(1);

    const parsed = await client.post('/v1/serials/parse', { status: 200, body: { serial: 'JCL-ERL-T901-1000001-1000500' } });
    expect(parsed.body).toMatchObject({ scheme: 'JCREDIT', start: '1000001', end: '1000500', quantity: '500', canonical: 'JCL-ERL-T901-1000001-1000500' });
  });

  it('reads a certified claim, asks to withdraw it, and lists claims and the organisation directory, as the contract says', async () => {
    const applicant = await createOrganizationWithKey(t, ['applicant']);
    const certifier = await createOrganizationWithKey(t, ['certifier']);
    const draft = declared({ type: 'CN', boundary: '本社', targetPeriod: { start: '2024-04-01', end: '2025-03-31' }, baseYear: 2013, emissions: { scope1: '3', scope2: '0' } });
    const { id } = await certifiedClaim(t, applicant, certifier, draft, 3);

    const claim = await client.get('/v1/claims/{id}', { auth: applicant.auth, status: 200, path: { id } });
    expect(claim.body).toMatchObject({ status: 'certified', covered: true, requiredTonnes: '3', retiredTonnes: '3', certifierId: certifier.id, applicantId: applicant.id });
    expect(claim.body.retirements.map((r) => r.quantity)).toEqual(['3']);
    expect(claim.body.certificationNumber).toEqual(expect.any(String));

    const claimCertificate = await client.get('/v1/certificates/{file}', { status: 200, path: { file: claim.body.certificationNumber! } });
    expect(claimCertificate.body).toMatchObject({ kind: 'claim', status: 'valid', claimId: id });
    const retirementCertificate = await client.get('/v1/certificates/{file}', { status: 200, path: { file: claim.body.retirements[0]!.certificateNumber } });
    expect(retirementCertificate.body).toMatchObject({ status: 'valid', quantity: '3', claimCertificate: { number: claim.body.certificationNumber, status: 'valid' } });

    const register = await client.get('/v1/register', { status: 200, query: { q: '本社', limit: 1000 } });
    const entry = register.body.items.find((e) => e.certificationNumber === claim.body.certificationNumber);
    expect(entry).toMatchObject({ type: 'CN', status: 'certified', holder: { id: applicant.id }, requiredTonnes: '3', retiredTonnes: '3' });
    expect(entry!.credits.map((c) => [c.quantity, c.retirementStatus])).toEqual([['3', 'retired']]);

    const asked = await client.post('/v1/claims/{id}/withdraw', { auth: applicant.auth, status: 200, path: { id }, body: { reason: '事業所の閉鎖' } });
    expect(asked.body.status).toBe('withdrawal_requested');

    const claims = await client.get('/v1/claims', { auth: applicant.auth, status: 200, query: { type: 'CN' } });
    expect(claims.body.items.map((c) => [c.id, c.subject, c.requiredTonnes])).toEqual([[id, '本社', '3']]);

    const directory = await client.get('/v1/organizations', { status: 200, query: { role: 'certifier' } });
    expect(directory.body.items.find((o) => o.id === certifier.id)?.roles).toEqual(['certifier']);
  });

  it('checks every answer against its documented schema at run time (a number for a decimal string, a value outside its enum, a missing member)', () => {
    const contract = JSON.parse(readFileSync(path.resolve(__dirname, '..', '..', 'openapi.json'), 'utf8'));
    const held = { id: 'x', scheme: 'JCREDIT', namespace: 'n', serial: 's', start: '1', end: '2', quantity: '2', status: 'held', ownerId: 'o' };
    expect(responseMismatches(contract, '/v1/holdings', 'post', 201, held)).toEqual([]);
    expect(responseMismatches(contract, '/v1/holdings', 'post', 201, { ...held, quantity: 2, status: 'spent' })).toEqual([
      '$.quantity: integer, the contract says string',
      '$.status: "spent" is not one of ["held"]',
    ]);
    const { ownerId, ...withoutOwner } = held;
    expect(ownerId).toBe('o');
    expect(responseMismatches(contract, '/v1/holdings', 'post', 201, withoutOwner)).toEqual(['$.ownerId: missing']);
  });

  it('does not compile a call the contract refuses (the @ts-expect-error lines fail `npm run typecheck` once they compile)', () => {
    const refused = () => [
      // @ts-expect-error a quantity is a decimal string in the contract, not a number
      client.post('/v1/claims/{id}/actuals', { status: 200, path: { id: 'x' }, body: { points: [{ date: '2025-03-31', quantity: 12000 }] } }),
      // @ts-expect-error serials are strings, and a retirement needs a beneficiary and a purpose
      client.post('/v1/retirements', { status: 201, body: { serials: [1000001] } }),
      // @ts-expect-error the scheme is one of the contract's codes
      client.get('/v1/serials/status', { status: 200, query: { serial: 'JCL-ERL-T901-1-2', scheme: 'J-CREDIT' } }),
      // @ts-expect-error GET /v1/retirements/{id} needs its path parameter
      client.get('/v1/retirements/{id}', { status: 200 }),
    ];
    const quantityIsText = async () => {
      const retired = await client.get('/v1/retirements/{id}', { status: 200, path: { id: 'x' } });
      // @ts-expect-error the contract answers quantities as decimal strings
      const quantity: number = retired.body.quantity;
      return quantity;
    };
    expect([refused, quantityIsText].every((f) => typeof f === 'function')).toBe(true);
  });
});
