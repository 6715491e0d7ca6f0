import { DomainError } from '@registry/domain';
import { claimDraftBody, claimFormValues, verificationBody } from './claim-form';
import { fieldId, formRefusal } from './form-refusal';

describe('the claim forms', () => {
  it('build the body POST /v1/claims takes: required fields as typed (empty ones too), optional ones left out when empty', () => {
    const values = claimFormValues({ type: 'CN', boundary: ' HQ ', baseYear: '2013', 'targetPeriod.start': '2024-04-01', 'emissions.scope1': '1.5', 'emissions.scope3': '', stray: 'x' }, 'CN');
    expect(values).toEqual({ boundary: ' HQ ', baseYear: '2013', 'targetPeriod.start': '2024-04-01', 'emissions.scope1': '1.5' });
    expect(claimDraftBody(values, 'CN')).toEqual({
      type: 'CN',
      declarations: {},
      boundary: 'HQ',
      targetPeriod: { start: '2024-04-01', end: '' },
      baseYear: 2013,
      emissions: { scope1: '1.5', scope2: '' },
    });
    expect(claimDraftBody({ baseYear: '20x3', 'declarations.independentOfCertifierAndVerifier': 'true', 'emissions.includeScope3': 'true' }, 'CN')).toMatchObject({
      baseYear: '20x3',
      declarations: { independentOfCertifierAndVerifier: true },
      emissions: { includeScope3: true },
    });
    expect(claimDraftBody({ 'product.name': 'pen', 'partial.stageCfpPerUnitKg': '0.5', 'declarations.notAntiSocialForce': 'true' }, 'CFP')).toEqual({
      type: 'CFP',
      declarations: { notAntiSocialForce: true },
      product: { name: 'pen', cfpVerificationNumber: '' },
      cfpPerUnitKg: '',
      quantity: '',
      period: { start: '', end: '' },
      partial: { stageCfpPerUnitKg: '0.5' },
    });
  });

  it('an unticked independence box is a declared false (the rule refuses it by id), not a missing field', () => {
    expect(verificationBody({ reportReference: 'VR-1', 'verifiedEmissions.scope1': '1', 'verifiedEmissions.scope2': '2' })).toEqual({
      reportReference: 'VR-1',
      assurance: '',
      opinion: '',
      verifiedEmissions: { scope1: '1', scope2: '2' },
      independentOfApplicant: false,
    });
  });

  it('read the ledger’s refusals: fields, rules by id, a state; anything else is not the form’s', () => {
    const fields = new DomainError('VALIDATION_FAILED', 'x', { errors: [{ field: 'emissions.scope1', message: 'a' }, { field: 'emissions.scope1', message: 'b' }] });
    expect(formRefusal(fields)).toEqual({ kind: 'fields', fields: { 'emissions.scope1': 'a; b' }, rules: [], status: 422 });
    const rules = new DomainError('RULE_VIOLATION', 'CN-2.1.6: short', { errors: [{ rule: 'CN-2.1.6', message: 'short' }] });
    expect(formRefusal(rules)).toEqual({ kind: 'rules', fields: {}, rules: [{ rule: 'CN-2.1.6', message: 'short' }], status: 422 });
    expect(formRefusal(new DomainError('INVALID_STATE', 'a submitted claim cannot be submitted'))).toMatchObject({ kind: 'state', status: 409 });
    expect(formRefusal(new DomainError('NOT_FOUND', 'no'))).toBeUndefined();
    expect(formRefusal(new Error('boom'))).toBeUndefined();
    expect(fieldId('declarations.independentOfCertifierAndVerifier')).toBe('f-declarations-independentOfCertifierAndVerifier');
  });
});
