import { DomainError } from '@registry/domain';
import { formFieldOf, formRefusalsOf, retireFormValues, retireIdempotency, retireRequestOf, serialLines } from './retire-form';

describe('the retire form', () => {
  it('keeps the pasted serials as typed and leaves blank lines out of the request', () => {
    const values = retireFormValues({ serials: ' JCL-ERL-R1-1-10\r\n\r\nJCL-ERL-R1-11-20 \n', beneficiary: '  株式会社サンプル ', purpose: '', _csrf: 'x' });
    expect(values).toEqual({ serials: ' JCL-ERL-R1-1-10\n\nJCL-ERL-R1-11-20 \n', beneficiary: '株式会社サンプル' });
    expect(serialLines(values.serials)).toEqual(['JCL-ERL-R1-1-10', 'JCL-ERL-R1-11-20']);
  });

  it('builds the body POST /v1/retirements takes, refused by the same DTO rules, field by field', async () => {
    await expect(retireRequestOf({ serials: 'JCL-ERL-R1-1-10', beneficiary: 'b', purpose: 'p', evidenceRegistry: 'J' })).rejects.toMatchObject({
      code: 'VALIDATION_FAILED',
      details: { errors: [expect.objectContaining({ field: 'evidence.reference' })] },
    });
    const dto = await retireRequestOf({ serials: 'JCL-ERL-R1-1-10', beneficiary: 'b', purpose: 'p', claimId: 'c1' });
    expect({ ...dto }).toEqual({ serials: ['JCL-ERL-R1-1-10'], beneficiary: 'b', purpose: 'p', claimId: 'c1' });
  });

  it('states the credit facts as the API’s creditFacts: dates and ids as typed, a checked box as true, nothing when none is stated', async () => {
    const stated = await retireRequestOf(retireFormValues({ serials: 'GB-1-1000-1009-1-1-0', beneficiary: 'b', purpose: 'p', issuedOn: ' 2012-11-30 ', creatorId: 'org-1', greeningEvidence: 'true', changedProductFootprint: 'true' }));
    expect(stated.creditFacts).toEqual({ issuedOn: '2012-11-30', creatorId: 'org-1', greeningEvidence: true, changedProductFootprint: true });
    const unchecked = await retireRequestOf(retireFormValues({ serials: 'GB-1-1000-1009-1-1-0', beneficiary: 'b', purpose: 'p', greeningEvidence: 'no', creatorId: ' ' }));
    expect(unchecked.creditFacts).toBeUndefined();
    expect(formFieldOf('VALIDATION_FAILED', 'creditFacts.issuedOn')).toBe('issuedOn');
    expect(formFieldOf('VALIDATION_FAILED', 'creditFacts.somethingElse')).toBeUndefined();
  });

  it('names the form field of every refusal', () => {
    expect(formFieldOf('INVALID_SERIAL', 'serials[3].project')).toBe('serials');
    expect(formFieldOf('VALIDATION_FAILED', 'evidence.reference')).toBe('evidenceReference');
    expect(formFieldOf('EVIDENCE_REQUIRED', 'evidence')).toBe('evidenceRegistry');
    expect(formFieldOf('ALREADY_RETIRED', undefined)).toBe('serials');
    expect(formFieldOf('FORBIDDEN', undefined)).toBe('claimId');
    expect(formFieldOf('IDEMPOTENCY_KEY_REUSED', 'Idempotency-Key')).toBeUndefined();
    const refusals = formRefusalsOf(new DomainError('VALIDATION_FAILED', 'x', { errors: [{ field: 'beneficiary', message: 'too long' }, { field: 'retiredOn', message: 'bad' }] }));
    expect(refusals.map((r) => r.field)).toEqual(['beneficiary', 'retiredOn']);
  });

  it('one key and one request: one idempotency; another request under the key hashes otherwise; no key, none', async () => {
    const dto = await retireRequestOf({ serials: 'JCL-ERL-R1-1-10', beneficiary: 'b', purpose: 'p' });
    const other = await retireRequestOf({ serials: 'JCL-ERL-R1-1-11', beneficiary: 'b', purpose: 'p' });
    const key = 'abcdefghijklmnopqrstuvwx';
    expect(retireIdempotency(key, dto)).toEqual(retireIdempotency(key, dto));
    expect(retireIdempotency(key, other)!.requestHash).not.toBe(retireIdempotency(key, dto)!.requestHash);
    expect(retireIdempotency(undefined, dto)).toBeUndefined();
    expect(retireIdempotency('short', dto)).toBeUndefined();
  });
});
