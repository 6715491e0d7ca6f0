import type { CertificateDocument, ClaimCertificateView } from '@registry/ledger';

/**
 * Sample inputs for the renderers' tests and for test/support/render-check (looking at the output).
 * Made-up organisations and numbers; the serials follow SERIALS.md's canonical forms.
 */

/** A certificate with every display field present. */
export type FullCertificateDocument = CertificateDocument &
  Required<Pick<CertificateDocument, 'holder' | 'blocks' | 'retiredOn' | 'evidence' | 'claim'>>;

export const SAMPLE_VALID_CERTIFICATE: FullCertificateDocument = {
  number: 'RC-2026-000123',
  status: 'valid',
  issuedAt: '2026-03-02T01:15:00.000Z',
  retirementId: 'ret_01HZX7K3M9Q2V8T4B6N1C5D0EF',
  claimId: 'clm_01HZX6P0R7S3T9W2Y4A8B1C6DG',
  beneficiary: '株式会社みどり製菓 大阪工場',
  purpose: '2025年度の事業活動に伴う温室効果ガス排出量のカーボン・オフセット（カーボン・ニュートラル認証）',
  quantity: '1750',
  serials: ['JCL-ERL-R012-1000001-1000500', 'CN-5-1463953-2-2-0-7014 - CN-5-1464702-2-2-0-7014', 'GEQ-G2025031-200001-200500'],
  digest: '9f2c4e1a7b3d5f60818a2b3c4d5e6f708192a3b4c5d6e7f8091a2b3c4d5e6f70',
  signature: 'Qm9ndXMgc2lnbmF0dXJlIGZvciBhIHNhbXBsZSBjZXJ0aWZpY2F0ZSwgbm90IGEgcmVhbCBvbmUuLi4uLi4uLi4uLi4',
  keyId: 'cert-2026-01',
  retiredOn: '2026-02-27',
  holder: { id: 'org_01HZX5A1B2C3D4E5F6G7H8J9K0', name: '東京グリーンエネルギー株式会社' },
  evidence: { registry: 'J-クレジット登録簿 / J-Credit Registry', reference: '無効化通知 JCR-2026-004512' },
  claim: { type: 'CN', number: 'CN-2026-0042', period: { start: '2025-04-01', end: '2026-03-31' } },
  blocks: [
    { serial: 'JCL-ERL-R012-1000001-1000500', scheme: 'JCREDIT', schemeName: 'J-クレジット / J-Credit', quantity: '500', unit: 't-CO2e' },
    {
      serial: 'CN-5-1463953-2-2-0-7014 - CN-5-1464702-2-2-0-7014',
      scheme: 'KYOTO',
      schemeName: '京都メカニズム CER / Kyoto CER',
      quantity: '750',
      unit: 't-CO2e',
    },
    { serial: 'GEQ-G2025031-200001-200500', scheme: 'GREEN_CO2', schemeName: 'グリーンエネルギーCO2削減相当量 / Green energy CO2', quantity: '500', unit: 't-CO2e' },
  ],
};

export const SAMPLE_REVOKED_CERTIFICATE: FullCertificateDocument = {
  ...SAMPLE_VALID_CERTIFICATE,
  number: 'RC-2026-000124',
  status: 'revoked',
  revocation: { reason: '償却の二重計上が判明したため（管理レジストリの訂正通知による） / Double counting found', at: '2026-04-10T06:00:00.000Z' },
};

/** A CN claim's own certificate, as read while the certification is valid. */
export const SAMPLE_CLAIM_CERTIFICATE: ClaimCertificateView = {
  kind: 'claim',
  number: 'CN-2026-0042',
  version: 1,
  issuedAt: '2026-04-15T02:00:00.000Z',
  claimId: 'clm_01HZX6P0R7S3T9W2Y4A8B1C6DG',
  type: 'CN',
  applicant: { id: 'org_01HZX5Z9Y8X7W6V5T4S3R2Q1P0', name: '株式会社みどり製菓', corporateNumber: '1234567890123' },
  certifier: { id: 'org_01HZX5C1D2E3F4G5H6J7K8M9N0', name: 'カーボン・オフセット認証機関' },
  boundary: '大阪工場の事業活動',
  targetPeriod: { start: '2025-04-01', end: '2026-03-31' },
  certifiedOn: '2026-04-15',
  validFrom: '2026-04-15',
  validTo: '2027-04-14',
  requiredTonnes: '1750',
  retiredTonnes: '1750',
  retirementCertificates: ['RC-2026-000123'],
  status: 'valid',
  digest: '0a1b2c3d4e5f60718293a4b5c6d7e8f90a1b2c3d4e5f60718293a4b5c6d7e8f9',
  signature: 'U2FtcGxlIGNsYWltIGNlcnRpZmljYXRlIHNpZ25hdHVyZSwgbm90IGEgcmVhbCBvbmUuLi4uLi4uLi4uLi4uLi4uLi4',
  keyId: 'cert-2026-01',
};
