import { DomainError } from '../errors';
import { cfpRequiredTonnes, cnRequiredTonnes, type CfpQuantities, type CnEmissions } from './required-tonnes';

function validationErrors(run: () => unknown): { field: string; message: string }[] {
  try {
    run();
  } catch (error) {
    expect(error).toBeInstanceOf(DomainError);
    expect((error as DomainError).code).toBe('VALIDATION_FAILED');
    return (error as DomainError).details['errors'] as { field: string; message: string }[];
  }
  throw new Error('expected VALIDATION_FAILED');
}

describe('CN required tonnes (2.1.5; seed 003 "クレジットの無効化")', () => {
  it('adds scope 1 and 2 and rounds up to a whole tonne', () => {
    expect(cnRequiredTonnes({ scope1: '100.2', scope2: '50' })).toBe(151n);
    expect(cnRequiredTonnes({ scope1: '100.5', scope2: '49.5' })).toBe(150n);
    expect(cnRequiredTonnes({ scope1: '0.1', scope2: '0.2' })).toBe(1n);
  });

  it('adds scope 3 only when included', () => {
    expect(cnRequiredTonnes({ scope1: '10', scope2: '10', scope3: '5.5' })).toBe(20n);
    expect(cnRequiredTonnes({ scope1: '10', scope2: '10', scope3: '5.5', includeScope3: true })).toBe(26n);
  });

  it('deducts what the applicant supplies to others, exactly', () => {
    expect(cnRequiredTonnes({ scope1: '100', scope2: '20', suppliedToOthers: '19.999' })).toBe(101n);
    expect(cnRequiredTonnes({ scope1: '100', scope2: '20', suppliedToOthers: '120' })).toBe(0n);
  });

  it('refuses negative inputs and a negative result, naming the field', () => {
    expect(validationErrors(() => cnRequiredTonnes({ scope1: '-1', scope2: '5' }))).toEqual([{ field: 'emissions.scope1', message: 'must not be negative' }]);
    const [error] = validationErrors(() => cnRequiredTonnes({ scope1: '10', scope2: '5', suppliedToOthers: '15.01' }));
    expect(error!.field).toBe('emissions.suppliedToOthers');
  });

  it('reports every malformed field at once, and refuses JS numbers', () => {
    const emissions = { scope1: 12 as unknown as string, scope2: '1e3', includeScope3: true } satisfies CnEmissions;
    expect(validationErrors(() => cnRequiredTonnes(emissions)).map((e) => e.field)).toEqual(['emissions.scope1', 'emissions.scope2', 'emissions.scope3']);
  });
});

describe('CFP-art8 required tonnes: ceil(CFP kg per unit × quantity / 1000)', () => {
  const cfp = (cfpPerUnitKg: string, quantity: string, partial?: CfpQuantities['partial']) => cfpRequiredTonnes({ cfpPerUnitKg, quantity, partial });

  it('does not round up an exact tonne: 2.5 kg × 400 = 1 t', () => {
    expect(cfp('2.5', '400')).toBe(1n);
  });

  it('rounds any excess up: 2.5 kg × 401 = 1.0025 t → 2', () => {
    expect(cfp('2.5', '401')).toBe(2n);
    expect(cfp('0.001', '1')).toBe(1n);
    expect(cfp('0', '1000')).toBe(0n);
  });

  it('uses the stage figure for a partial offset (art. 8 (1) proviso)', () => {
    expect(cfp('2.5', '1000', { stageCfpPerUnitKg: '1.2' })).toBe(2n);
    expect(cfp('2.5', '1000')).toBe(3n);
  });

  it('is exact where floats are not (0.07 × 100000 / 1000 is 7.000000000000001 in floats)', () => {
    expect(cfp('0.07', '100000')).toBe(7n);
    expect(cfp('0.333', '3000000000000')).toBe(999000000n);
  });

  it('refuses negative or malformed figures, naming the field', () => {
    expect(validationErrors(() => cfp('-2.5', '400')).map((e) => e.field)).toEqual(['cfpPerUnitKg']);
    expect(validationErrors(() => cfp('2.5', 'ten', { stageCfpPerUnitKg: '-1' })).map((e) => e.field)).toEqual(['quantity', 'partial.stageCfpPerUnitKg']);
  });
});
