import { DomainError } from '../errors';
import { normalizeEmail, tryNormalizeEmail } from './email-address';
import { assertPasswordPolicy, passwordViolations } from './password-policy';
import { assertPersonRoles, effectiveOrganizationRoles } from './person-roles';

function refusal(run: () => unknown): DomainError {
  try {
    run();
  } catch (error) {
    if (error instanceof DomainError) return error;
    throw error;
  }
  throw new Error('expected a DomainError');
}

describe('PEOPLE-EMAIL-1 email normalisation and shape', () => {
  it('trims, lower-cases and NFC-normalises, so differently typed addresses are one account', () => {
    expect(normalizeEmail('  Ann.Lee@Example.CO.JP ')).toBe('ann.lee@example.co.jp');
    expect(normalizeEmail('jose\u0301@example.com')).toBe('jos\u00e9@example.com');
    expect(normalizeEmail('田中@例え.jp')).toBe('田中@例え.jp');
  });

  it.each([
    ['', 'must not be empty'],
    ['ann', 'exactly one @'],
    ['@example.com', 'exactly one @'],
    ['ann@@example.com', 'exactly one @'],
    ['a@b@example.com', 'exactly one @'],
    ['ann lee@example.com', 'characters before the @'],
    ['.ann@example.com', 'characters before the @'],
    ['ann..lee@example.com', 'characters before the @'],
    ['<ann>@example.com', 'characters before the @'],
    ['ann@localhost', 'domain name'],
    ['ann@-example.com', 'domain name'],
    ['ann@example..com', 'domain name'],
    [`${'a'.repeat(65)}@example.com`, 'at most 64'],
    [`ann@${'a'.repeat(250)}.jp`, 'at most 254'],
  ])('refuses %j with VALIDATION_FAILED on the field email (%s)', (raw, message) => {
    const error = refusal(() => normalizeEmail(raw));
    expect(error.code).toBe('VALIDATION_FAILED');
    expect(error.details.errors).toEqual([expect.objectContaining({ field: 'email', rule: 'PEOPLE-EMAIL-1', message: expect.stringContaining(message) })]);
    expect(tryNormalizeEmail(raw)).toBeNull();
  });
});

describe('password policy', () => {
  const email = 'ann.lee@example.com';
  const rulesOf = (password: string) => passwordViolations(password, email).map((v) => v.rule);

  it('PEOPLE-PW-1: refuses fewer than 12 characters, counting code points (12 kanji pass, 11 do not)', () => {
    expect(rulesOf('abcdefghijk')).toEqual(['PEOPLE-PW-1']);
    expect(rulesOf('abcdefghijkl')).toEqual([]);
    expect(rulesOf('登録簿の合言葉は長い方がいい')).toEqual([]);
    expect(rulesOf('😀🌏🌱🔥💧🌊🍀🌸🍁🌙⭐')).toEqual(['PEOPLE-PW-1']);
  });

  it('PEOPLE-PW-2: refuses one character repeated, however long', () => {
    expect(rulesOf('a'.repeat(40))).toEqual(['PEOPLE-PW-2']);
    expect(rulesOf('aaaaaaaaaaab')).toEqual([]);
  });

  it('PEOPLE-PW-3: refuses the email or its local part, in any case or with spaces around', () => {
    expect(rulesOf('Ann.Lee@Example.com')).toEqual(['PEOPLE-PW-3']);
    expect(passwordViolations(' annleeexample ', 'annleeexample@example.com').map((v) => v.rule)).toEqual(['PEOPLE-PW-3']);
    expect(rulesOf('ann.lee@example.com!')).toEqual([]);
  });

  it('PEOPLE-PW-4: refuses more than 1024 characters (hashing cost stays bounded)', () => {
    expect(rulesOf('ab'.repeat(512))).toEqual([]);
    expect(rulesOf(`${'ab'.repeat(512)}c`)).toEqual(['PEOPLE-PW-4']);
  });

  it('lists every violated rule, and never repeats the password in the error', () => {
    const error = refusal(() => assertPasswordPolicy('zzzz', email));
    expect(error.code).toBe('VALIDATION_FAILED');
    expect((error.details.errors as { rule: string }[]).map((e) => e.rule)).toEqual(['PEOPLE-PW-1', 'PEOPLE-PW-2']);
    expect(JSON.stringify({ message: error.message, details: error.details })).not.toContain('zzzz');
    expect(() => assertPasswordPolicy('correct horse battery', email)).not.toThrow();
  });
});

describe('person roles', () => {
  it('PEOPLE-ROLES-1: a person carries roles of their organisation only', () => {
    expect(assertPersonRoles(['provider', 'provider'], ['provider', 'applicant'], false)).toEqual(['provider']);
    const error = refusal(() => assertPersonRoles(['provider', 'certifier'], ['provider'], true));
    expect(error.details.errors).toEqual([expect.objectContaining({ field: 'roles', rule: 'PEOPLE-ROLES-1', message: expect.stringContaining('certifier') })]);
  });

  it('PEOPLE-ROLES-2: admin is no organisation role, and only an administrator grants it', () => {
    expect(assertPersonRoles(['admin'], [], true)).toEqual(['admin']);
    expect(refusal(() => assertPersonRoles(['admin'], ['provider'], false)).details.errors).toEqual([expect.objectContaining({ rule: 'PEOPLE-ROLES-2' })]);
  });

  it('PEOPLE-ROLES-1: a person acts with the roles the organisation still holds', () => {
    expect(effectiveOrganizationRoles(['admin', 'auditor', 'provider'], ['provider', 'applicant'])).toEqual(['provider']);
  });
});
