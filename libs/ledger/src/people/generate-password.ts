import { randomBytes } from 'node:crypto';

/**
 * A first or reset password an administrator hands over once: 20 characters of base64url (120
 * random bits), well past PEOPLE's minimum length, and never anything like the email.
 */
export function generatePassword(): string {
  return randomBytes(15).toString('base64url');
}
