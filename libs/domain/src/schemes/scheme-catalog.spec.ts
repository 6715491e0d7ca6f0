import { catchDomainError } from '../serials/testing/expect-invalid-serial';
import { findJCreditSymbol, JCREDIT_CREDIT_TYPES } from './jcredit-family';
import { KYOTO_PARTY_CODES } from './iso-3166';
import { findKyotoUnitType, KYOTO_COMMITMENT_PERIODS, KYOTO_LULUCF_ACTIVITIES } from './kyoto-codes';
import { findScheme, isSchemeCode, SCHEMES } from './scheme-catalog';

describe('scheme catalog', () => {
  it('DOMAIN-3: lists every scheme of the scheme table with its unit', () => {
    const units = Object.fromEntries(SCHEMES.map((s) => [s.code, s.unit]));
    expect(units).toMatchObject({
      KYOTO: 't-CO2e',
      JVER: 't-CO2e',
      JCREDIT: 't-CO2e',
      REGIONAL_JCREDIT: 't-CO2e',
      PREF_JVER: 't-CO2e',
      DOMESTIC: 't-CO2e',
      GREEN_CO2: 't-CO2e',
      GREEN_POWER: 'kWh',
      GREEN_HEAT: 'MJ',
    });
  });

  it('also lists the international schemes read on import', () => {
    expect(SCHEMES.map((s) => s.code)).toEqual(
      expect.arrayContaining(['VERRA', 'GOLD_STANDARD', 'ACR', 'CAR', 'ART', 'CERCARBONO']),
    );
  });

  it('gives every scheme a Japanese and an English name and a managing registry', () => {
    for (const scheme of SCHEMES) {
      expect(scheme.nameJa.trim()).not.toBe('');
      expect(scheme.nameEn.trim()).not.toBe('');
      expect(scheme.registry.trim()).not.toBe('');
    }
  });

  it('puts the J-Credit family on one grammar and one registry', () => {
    const family = SCHEMES.filter((s) => ['JVER', 'JCREDIT', 'REGIONAL_JCREDIT', 'PREF_JVER', 'DOMESTIC'].includes(s.code));
    expect(new Set(family.map((s) => s.grammar))).toEqual(new Set(['jcredit']));
    expect(new Set(family.map((s) => s.registry)).size).toBe(1);
  });

  it('cannot be changed at run time', () => {
    expect(() => (SCHEMES as unknown as unknown[]).push({})).toThrow(TypeError);
    expect(() => ((SCHEMES[0] as { unit: string }).unit = 'kWh')).toThrow(TypeError);
  });

  it('finds a scheme by its code', () => {
    expect(findScheme('GREEN_HEAT')).toMatchObject({ code: 'GREEN_HEAT', unit: 'MJ', grammar: 'green' });
    expect(isSchemeCode('KYOTO')).toBe(true);
    expect(isSchemeCode('kyoto')).toBe(false);
  });

  it.each(['NOPE', '', 'kyoto', 'toString', '__proto__'])('refuses unknown scheme %p with UNKNOWN_SCHEME naming the field', (code) => {
    const error = catchDomainError(() => findScheme(code));
    expect(error.code).toBe('UNKNOWN_SCHEME');
    expect(error.details).toMatchObject({ field: 'scheme' });
  });
});

describe('J-Credit family data', () => {
  it.each([
    ['JC', 'JCREDIT'],
    ['JCL', 'JCREDIT'],
    ['KC', 'DOMESTIC'],
    ['KCP', 'DOMESTIC'],
    ['JP', 'JVER'],
    ['NIG', 'PREF_JVER'],
    ['KOC', 'PREF_JVER'],
  ])('SERIALS-jcredit: symbol %s denotes %s', (symbol, scheme) => {
    expect(findJCreditSymbol(symbol)?.scheme).toBe(scheme);
  });

  it('SERIALS-jcredit: knows the credit types seen so far', () => {
    expect([...JCREDIT_CREDIT_TYPES].sort()).toEqual(['ER', 'ERL', 'FM', 'JRM', 'KC', 'KCP', 'KRM']);
  });
});

describe('Kyoto codes', () => {
  it('SERIALS-kyoto: numbers the unit types 1 AAU to 7 lCER with their per-type rules', () => {
    const summary = [1, 2, 3, 4, 5, 6, 7].map((code) => {
      const t = findKyotoUnitType(code)!;
      return [t.name, t.requiresLulucfActivity, t.requiresProjectId, t.mayCarryTrack, t.requiresExpiryDate];
    });
    expect(summary).toEqual([
      ['AAU', false, false, false, false],
      ['RMU', true, false, false, false],
      ['ERU', false, true, true, false],
      ['ERU', true, true, true, false],
      ['CER', false, true, false, false],
      ['tCER', false, true, false, true],
      ['lCER', false, true, false, true],
    ]);
    expect(findKyotoUnitType(0)).toBeUndefined();
    expect(findKyotoUnitType(8)).toBeUndefined();
  });

  it('SERIALS-kyoto: has LULUCF codes 0–7 and commitment periods 0–2', () => {
    expect([...KYOTO_LULUCF_ACTIVITIES.keys()]).toEqual([0, 1, 2, 3, 4, 5, 6, 7]);
    expect([...KYOTO_COMMITMENT_PERIODS.keys()]).toEqual([0, 1, 2]);
  });

  it('accepts ISO 3166 alpha-2 parties and the European Union, nothing else', () => {
    expect(KYOTO_PARTY_CODES.has('JP')).toBe(true);
    expect(KYOTO_PARTY_CODES.has('RW')).toBe(true);
    expect(KYOTO_PARTY_CODES.has('EU')).toBe(true);
    expect(KYOTO_PARTY_CODES.has('XX')).toBe(false);
    expect(KYOTO_PARTY_CODES.has('UK')).toBe(false);
    expect(KYOTO_PARTY_CODES.size).toBe(250);
  });
});
