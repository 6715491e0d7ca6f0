import type { DomainError } from '../errors';
import { checkApplicantRequirements } from './applicant-requirements';
import type { CfpClaimDraft, CnClaimDraft, CnPlanClaimDraft } from './claim-draft';
import { checkSuppliedToOthers } from './cn-emission-rules';
import { CN_RULEBOOK_2013 } from './cn-rulebook-2013';
import { validateClaimDraft } from './claim-draft';

const cn: CnClaimDraft = {
  type: 'CN',
  targetPeriod: { start: '2024-04-01', end: '2025-03-31' },
  baseYear: 2013,
  emissions: { scope1: '100', scope2: '50' },
  receivedOn: '2025-04-10',
  declarations: { independentOfCertifierAndVerifier: true },
};
const plan: CnPlanClaimDraft = { ...cn, type: 'CN_PLAN', planPeriod: { start: '2025-05-01', end: '2026-09-30' }, targetPeriod: { start: '2025-10-01', end: '2026-09-30' } };
const cfp: CfpClaimDraft = { type: 'CFP', cfpPerUnitKg: '1', quantity: '1', period: { start: '2024-04-01', end: '2025-03-31' }, receivedOn: '2025-04-10', declarations: { notAntiSocialForce: true } };
const legal = { corporateNumber: '7000012050002' };
const rules = (findings: { rule: string }[]) => findings.map((f) => f.rule);
const fieldOf = (run: () => unknown): string[] => {
  try {
    run();
  } catch (e) {
    return ((e as DomainError).details.errors as { field: string }[]).map((x) => x.field);
  }
  return [];
};

describe('CN-2.1.1-1 legal personality (2.1.1 ① 「法人格を有する者であること」)', () => {
  it('a CN or CN plan applicant needs a corporate number; a CFP participant does not (seed 004 has no such rule)', () => {
    expect(checkApplicantRequirements(cn, legal)).toEqual([]);
    expect(rules(checkApplicantRequirements(cn, { corporateNumber: null }))).toEqual(['CN-2.1.1-1']);
    expect(rules(checkApplicantRequirements(plan, { corporateNumber: null }))).toEqual(['CN-2.1.1-1']);
    expect(checkApplicantRequirements(cfp, { corporateNumber: null })).toEqual([]);
  });
});

describe('declarations: CN-2.1.1-2 (2.1.1 ② independence) and CFP-art5-2 (art. 5 ② not an anti-social force)', () => {
  it('missing is 400 naming the declaration; false is a RULE_VIOLATION finding citing the clause', () => {
    expect(fieldOf(() => checkApplicantRequirements({ ...cn, declarations: undefined }, legal))).toEqual(['declarations.independentOfCertifierAndVerifier']);
    expect(fieldOf(() => checkApplicantRequirements({ ...plan, declarations: {} }, legal))).toEqual(['declarations.independentOfCertifierAndVerifier']);
    expect(fieldOf(() => checkApplicantRequirements({ ...cfp, declarations: { notAntiSocialForce: 'yes' as unknown as boolean } }, legal))).toEqual(['declarations.notAntiSocialForce']);
    expect(rules(checkApplicantRequirements({ ...cn, declarations: { independentOfCertifierAndVerifier: false } }, legal))).toEqual(['CN-2.1.1-2']);
    expect(rules(checkApplicantRequirements({ ...cfp, declarations: { notAntiSocialForce: false } }, legal))).toEqual(['CFP-art5-2']);
  });
});

describe('CN-2.1.5-supplied: what is supplied to others is at most scope 1 (seed 003 「直接的な温室効果ガス排出量」)', () => {
  it('boundary: equal to scope 1 passes, above it fails, for CN and CN plans', () => {
    expect(checkSuppliedToOthers({ scope1: '100', scope2: '50', suppliedToOthers: '100' }, CN_RULEBOOK_2013)).toEqual([]);
    expect(rules(checkSuppliedToOthers({ scope1: '100', scope2: '50', suppliedToOthers: '100.001' }, CN_RULEBOOK_2013))).toEqual(['CN-2.1.5-supplied']);
    expect(rules(validateClaimDraft({ ...cn, emissions: { scope1: '10', scope2: '50', suppliedToOthers: '20' } }).findings)).toEqual(['CN-2.1.5-supplied']);
    expect(rules(validateClaimDraft({ ...plan, receivedOn: '2025-04-10', emissions: { scope1: '10', scope2: '50', suppliedToOthers: '20' } }).findings)).toEqual(['CN-2.1.5-supplied']);
  });
});
