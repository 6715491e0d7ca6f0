import fc from 'fast-check';
import { DomainError } from '../errors';
import { assertCorporateNumber, corporateNumberCheckDigit } from './corporate-number';

describe('corporate number (法人番号) check digit', () => {
  it('accepts the National Tax Agency own number 7000012050002', () => {
    expect(assertCorporateNumber('7000012050002')).toBe('7000012050002');
  });

  it('accepts full-width digits and stores them half-width', () => {
    expect(assertCorporateNumber('７００００１２０５０００２')).toBe('7000012050002');
  });

  it.each(['1000012050002', '700001205000', '70000120500021', '70000120500O2', ''])(
    'refuses %p with INVALID_CORPORATE_NUMBER naming the field',
    (value) => {
      expect(() => assertCorporateNumber(value)).toThrow(DomainError);
      try {
        assertCorporateNumber(value);
      } catch (e) {
        expect((e as DomainError).code).toBe('INVALID_CORPORATE_NUMBER');
        expect((e as DomainError).details.field).toBe('corporateNumber');
      }
    },
  );

  it('accepts exactly one of the ten possible first digits for any base', () => {
    fc.assert(
      fc.property(fc.stringMatching(/^\d{12}$/), (base) => {
        const accepted = [...'0123456789'].filter((d) => {
          try {
            assertCorporateNumber(d + base);
            return true;
          } catch {
            return false;
          }
        });
        expect(accepted).toEqual([String(corporateNumberCheckDigit(base))]);
      }),
    );
  });
});
