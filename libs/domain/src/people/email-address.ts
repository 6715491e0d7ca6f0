import { DomainError } from '../errors';
import { PEOPLE_RULE_IDS } from './people-rules';

const MAX_EMAIL = 254;
const MAX_LOCAL = 64;
/** Printable, no spaces, no `@`, no angle brackets or quotes: what people type, not RFC 5322's corners. */
const LOCAL_PART = /^[^\s@<>()[\]\\,;:"\p{Cc}]+$/u;
const DOMAIN_LABEL = /^[\p{L}\p{N}](?:[\p{L}\p{N}-]*[\p{L}\p{N}])?$/u;

/**
 * PEOPLE-EMAIL-1: the one form an email is stored and looked up in, so `Ann@Example.com ` and
 * `ann@example.com` are one account. Throws VALIDATION_FAILED naming the field.
 */
export function normalizeEmail(raw: string, field = 'email'): string {
  const email = raw.normalize('NFC').trim().toLowerCase();
  const problem = emailProblem(email);
  if (problem) {
    throw new DomainError('VALIDATION_FAILED', `${field} ${problem} (${PEOPLE_RULE_IDS.emailShape})`, {
      errors: [{ field, message: problem, rule: PEOPLE_RULE_IDS.emailShape }],
    });
  }
  return email;
}

/** The normalised email, or null when it cannot be one (sign-in treats that as an unknown account). */
export function tryNormalizeEmail(raw: string): string | null {
  const email = raw.normalize('NFC').trim().toLowerCase();
  return emailProblem(email) ? null : email;
}

function emailProblem(email: string): string | null {
  if (email.length === 0) return 'must not be empty';
  if ([...email].length > MAX_EMAIL) return `must be at most ${MAX_EMAIL} characters`;
  const at = email.lastIndexOf('@');
  if (at <= 0 || email.indexOf('@') !== at) return 'must hold exactly one @ with a name before it';
  const local = email.slice(0, at);
  const domain = email.slice(at + 1);
  if ([...local].length > MAX_LOCAL) return `must have at most ${MAX_LOCAL} characters before the @`;
  if (!LOCAL_PART.test(local) || local.startsWith('.') || local.endsWith('.') || local.includes('..')) {
    return 'has characters before the @ that an address cannot hold';
  }
  const labels = domain.split('.');
  if (labels.length < 2 || !labels.every((label) => label.length <= 63 && DOMAIN_LABEL.test(label))) {
    return 'must end in a domain name such as example.jp';
  }
  return null;
}
