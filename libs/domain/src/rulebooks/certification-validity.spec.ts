import { certificationValidity, cnPlanEffect } from './certification-validity';
import type { CfpClaimDraft, CnClaimDraft, CnPlanClaimDraft } from './claim-draft';

const cn: CnClaimDraft = {
  type: 'CN',
  targetPeriod: { start: '2024-04-01', end: '2025-03-31' },
  baseYear: 2013,
  emissions: { scope1: '1', scope2: '0' },
  receivedOn: '2025-04-10',
};
const plan: CnPlanClaimDraft = {
  ...cn,
  type: 'CN_PLAN',
  receivedOn: '2024-03-01',
  planPeriod: { start: '2024-04-01', end: '2025-09-30' },
  targetPeriod: { start: '2024-10-01', end: '2025-09-30' },
};
const cfp: CfpClaimDraft = { type: 'CFP', cfpPerUnitKg: '1', quantity: '1', period: { start: '2024-04-01', end: '2025-03-31' } };
const certifiedOn = '2025-06-01';
const rules = (v: { findings: { rule: string }[] }) => v.findings.map((f) => f.rule);

describe('certification validity by program', () => {
  it('CN-2.3.3-1 (2.3.3 ①): a CN validity is the certifier’s, starting within 6 months and lasting at most 1 year', () => {
    expect(certificationValidity(cn, { certifiedOn, validFrom: '2025-12-01', validTo: '2026-11-30' })).toEqual({ validFrom: '2025-12-01', validTo: '2026-11-30', findings: [] });
    expect(rules(certificationValidity(cn, { certifiedOn, validFrom: '2025-12-02', validTo: '2026-12-01' }))).toEqual(['CN-2.3.3-1']);
    expect(rules(certificationValidity(cn, { certifiedOn, validFrom: '2025-06-01', validTo: '2026-06-01' }))).toEqual(['CN-2.3.3-1']);
    expect(() => certificationValidity(cn, { certifiedOn })).toThrow(/validFrom.*validTo/s);
    expect(() => certificationValidity(cn, { certifiedOn, validFrom: '2025-02-30', validTo: '2026-01-01' })).toThrow(/validFrom/);
  });

  it('CNP-3.3.2 (3.3.1 leaves out 2.3.3): a plan has effect over its plan period, whatever 2.3.3 would say', () => {
    // 2024-04-01..2025-09-30 is 18 months and began before the certification: 2.3.3 ① would refuse both.
    expect(certificationValidity(plan, { certifiedOn })).toEqual({ validFrom: '2024-04-01', validTo: '2025-09-30', findings: [] });
    expect(certificationValidity(plan, { certifiedOn, validFrom: '2024-04-01', validTo: '2025-09-30' }).findings).toEqual([]);
    expect(rules(certificationValidity(plan, { certifiedOn, validFrom: certifiedOn, validTo: '2026-05-31' }))).toEqual(['CNP-3.3.2']);
  });

  it('CNP-3.3.2: the plan’s effect ends the day its holder obtains CN certification (「カーボン・ニュートラル認証を取得する日までに限り」)', () => {
    expect(cnPlanEffect({ planPeriod: plan.planPeriod })).toEqual({ from: '2024-04-01', to: '2025-09-30' });
    expect(cnPlanEffect({ planPeriod: plan.planPeriod, cnCertifiedOn: '2025-08-15' })).toEqual({ from: '2024-04-01', to: '2025-08-15' });
    // A CN application made within the plan period keeps the plan in effect until its certification.
    expect(cnPlanEffect({ planPeriod: plan.planPeriod, cnCertifiedOn: '2026-01-20' })).toEqual({ from: '2024-04-01', to: '2026-01-20' });
  });

  it('CFP (a notification, art. 13): no validity rule; dates given are kept', () => {
    expect(certificationValidity(cfp, { certifiedOn })).toEqual({ validFrom: null, validTo: null, findings: [] });
  });
});
