import { claimCertificateStatus } from './claim-certificate';

describe('claim certificate status (issue 16: it follows the claim)', () => {
  it('is the sanction or the withdrawal when the claim has one', () => {
    for (const status of ['suspended', 'revoked', 'withdrawn'] as const) {
      expect(claimCertificateStatus({ status, validTo: '2099-12-31' }, '2026-11-30')).toBe(status);
    }
  });

  it('CN-2.3.3: expires the day after validTo (Japan date), valid through validTo itself', () => {
    expect(claimCertificateStatus({ status: 'certified', validTo: '2026-11-30' }, '2026-11-30')).toBe('valid');
    expect(claimCertificateStatus({ status: 'certified', validTo: '2026-11-30' }, '2026-12-01')).toBe('expired');
    expect(claimCertificateStatus({ status: 'certified', validTo: null }, '2099-01-01')).toBe('valid');
  });

  it('CN-2.3.3-2: stays valid past validTo while a renewal filed within the validity awaits its decision', () => {
    expect(claimCertificateStatus({ status: 'certified', validTo: '2026-11-30' }, '2026-12-01', { renewalPending: true })).toBe('valid');
    expect(claimCertificateStatus({ status: 'revoked', validTo: '2026-11-30' }, '2026-12-01', { renewalPending: true })).toBe('revoked');
  });

  it('CN-2.3.7: stays valid while a withdrawal request awaits the certifier', () => {
    expect(claimCertificateStatus({ status: 'withdrawal_requested', validTo: '2099-12-31' }, '2026-11-30')).toBe('valid');
  });
});
