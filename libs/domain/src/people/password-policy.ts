import { DomainError } from '../errors';
import { PEOPLE_RULE_IDS } from './people-rules';

export const PASSWORD_MIN_LENGTH = 12;
export const PASSWORD_MAX_LENGTH = 1024;

export interface PasswordViolation {
  rule: string;
  message: string;
}

/**
 * What is wrong with a new password for the person with this (normalised) email; empty when
 * nothing is. Length and a few obvious refusals only (NIST SP 800-63B 3.1.1.2): no composition rules.
 */
export function passwordViolations(password: string, email: string): PasswordViolation[] {
  const characters = [...password];
  const violations: PasswordViolation[] = [];
  if (characters.length < PASSWORD_MIN_LENGTH) {
    violations.push({ rule: PEOPLE_RULE_IDS.passwordLength, message: `must be at least ${PASSWORD_MIN_LENGTH} characters` });
  }
  if (characters.length > PASSWORD_MAX_LENGTH) {
    violations.push({ rule: PEOPLE_RULE_IDS.passwordMaxLength, message: `must be at most ${PASSWORD_MAX_LENGTH} characters` });
  }
  if (characters.length > 0 && characters.every((c) => c === characters[0])) {
    violations.push({ rule: PEOPLE_RULE_IDS.passwordVariety, message: 'must not be one character repeated' });
  }
  const lowered = password.normalize('NFC').trim().toLowerCase();
  const localPart = email.slice(0, email.lastIndexOf('@'));
  if (lowered === email || (localPart !== '' && lowered === localPart)) {
    violations.push({ rule: PEOPLE_RULE_IDS.passwordNotEmail, message: 'must not be the email address' });
  }
  return violations;
}

/** Throws VALIDATION_FAILED listing every violated rule (field `password`); the password itself is never in it. */
export function assertPasswordPolicy(password: string, email: string): void {
  const violations = passwordViolations(password, email);
  if (violations.length === 0) return;
  throw new DomainError('VALIDATION_FAILED', `password ${violations.map((v) => `${v.message} (${v.rule})`).join('; ')}`, {
    errors: violations.map((v) => ({ field: 'password', message: v.message, rule: v.rule })),
  });
}
