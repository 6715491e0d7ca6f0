import { corporateNumberCheckDigit } from '@registry/domain';

/** One JSON call to the API with an API key: supertest in-process, or fetch to a running process. */
export type ApiCall = (method: 'GET' | 'POST', path: string, key: string, body?: object) => Promise<{ status: number; body: Record<string, any> }>;

/** Text a person typed that would run as script if a page printed it as HTML. */
export const HOSTILE_BENEFICIARY = '<script>alert(1)</script>';
export const HOSTILE_PURPOSE = '"><img src=x onerror=alert(2)>';
export const HOSTILE_HOLDER = '株式会社<b onmouseover=alert(3)>みどり</b>';

export interface WebSeed {
  cn: string;
  cfp: string;
  /** The retirement certificate of the CN claim's retirement. */
  cnRetirement: string;
  /** A retirement made from a holding (no claim): JCL-ERL-R1-1-500 of the held JCL-ERL-R1-1-1000. */
  heldRetirement: string;
  /** The organisation (applicant and provider, hostile name) that holds JCL-ERL-R1-501-1000. */
  providerId: string;
}

/**
 * A small public registry seeded through the API: a CN claim whose holder, beneficiary and purpose
 * are hostile text, a CFP claim of another holder, and a retirement from a holding (the serial
 * page then shows retired and held segments). Each claim is verified (CN) and certified.
 */
export async function seedWebRegistry(api: ApiCall, adminKey: string): Promise<WebSeed> {
  const ok = async (method: 'GET' | 'POST', path: string, key: string, body: object | undefined, status: number) => {
    const res = await api(method, path, key, body);
    if (res.status !== status) throw new Error(`${method} ${path} answered ${res.status}, not ${status}: ${JSON.stringify(res.body)}`);
    return res.body;
  };
  const organization = async (name: string, roles: string[]) => {
    const corporate = roles.includes('applicant') ? { corporateNumber: corporateNumber() } : {};
    const org = await ok('POST', '/v1/organizations', adminKey, { name, roles, ...corporate }, 201);
    const key = await ok('POST', `/v1/organizations/${org.id}/api-keys`, adminKey, {}, 201);
    return { id: org.id as string, key: key.key as string };
  };
  const certifier = await organization('一般社団法人 認証機構', ['certifier']);
  const verifier = await organization('検証センター株式会社', ['verifier']);
  const midori = await organization(HOSTILE_HOLDER, ['applicant', 'provider']);
  const pens = await organization('文具株式会社', ['applicant', 'provider']);
  const evidence = (reference: string) => ({ registry: 'J-Credit registry', reference });

  await ok('POST', '/v1/holdings', midori.key, { serial: 'JCL-ERL-R1-1-1000', evidence: evidence('account statement 0001') }, 201);
  const held = await ok('POST', '/v1/retirements', midori.key, { serials: ['JCL-ERL-R1-1-500'], beneficiary: HOSTILE_BENEFICIARY, purpose: HOSTILE_PURPOSE }, 201);

  const validFrom = new Date(Date.now() + 9 * 3600_000).toISOString().slice(0, 10);
  const validTo = new Date(Date.parse(`${validFrom}T00:00:00Z`) + 364 * 86_400_000).toISOString().slice(0, 10);

  const cnClaim = await ok(
    'POST',
    '/v1/claims',
    midori.key,
    {
      type: 'CN',
      declarations: { independentOfCertifierAndVerifier: true },
      boundary: '本社及び国内全事業所',
      targetPeriod: { start: '2024-04-01', end: '2025-03-31' },
      baseYear: 2013,
      emissions: { scope1: '1200.4', scope2: '800' },
    },
    201,
  );
  const cnRetirement = await ok(
    'POST',
    '/v1/retirements',
    midori.key,
    { serials: ['JCL-ERL-R5001-1-2001'], claimId: cnClaim.id, beneficiary: HOSTILE_BENEFICIARY, purpose: HOSTILE_PURPOSE, evidence: evidence('無効化通知 JC-5001') },
    201,
  );
  await ok('POST', `/v1/claims/${cnClaim.id}/submit`, midori.key, undefined, 200);
  await ok('POST', `/v1/claims/${cnClaim.id}/certifier`, adminKey, { organizationId: certifier.id }, 200);
  await ok(
    'POST',
    `/v1/claims/${cnClaim.id}/verification`,
    verifier.key,
    { reportReference: 'VR-2026-001', assurance: 'reasonable', opinion: 'unqualified', verifiedEmissions: { scope1: '1200.4', scope2: '800' }, independentOfApplicant: true },
    201,
  );
  const cn = await ok('POST', `/v1/claims/${cnClaim.id}/certify`, certifier.key, { validFrom, validTo }, 200);

  const cfpClaim = await ok(
    'POST',
    '/v1/claims',
    pens.key,
    { type: 'CFP', declarations: { notAntiSocialForce: true }, product: { name: 'ボールペン', cfpVerificationNumber: 'CV-9' }, cfpPerUnitKg: '2.5', quantity: '400', period: { start: '2024-04-01', end: '2025-03-31' } },
    201,
  );
  await ok('POST', '/v1/retirements', pens.key, { serials: ['JCL-ERL-R5002-1-1'], claimId: cfpClaim.id, beneficiary: '文具株式会社', purpose: 'ボールペンのオフセット', evidence: evidence('無効化通知 JC-5002') }, 201);
  await ok('POST', `/v1/claims/${cfpClaim.id}/submit`, pens.key, undefined, 200);
  await ok('POST', `/v1/claims/${cfpClaim.id}/certifier`, adminKey, { organizationId: certifier.id }, 200);
  const cfp = await ok('POST', `/v1/claims/${cfpClaim.id}/certify`, certifier.key, {}, 200);

  return { cn: cn.certificationNumber, cfp: cfp.certificationNumber, cnRetirement: cnRetirement.certificateNumber, heldRetirement: held.certificateNumber, providerId: midori.id };
}

/** A valid 13-digit corporate number (法人番号, check digit first) unlikely to repeat within a run. */
function corporateNumber(): string {
  const base = String(Math.floor(Math.random() * 1e12)).padStart(12, '0');
  return `${corporateNumberCheckDigit(base)}${base}`;
}
