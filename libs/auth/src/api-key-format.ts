import { createHash, randomBytes } from 'node:crypto';

/**
 * An organisation key reads `ork_<lookupId>_<secret>`: the lookup id finds the row, the secret is
 * only ever stored as its SHA-256 digest.
 */
const KEY_PATTERN = /^ork_([a-z0-9]{16})_([A-Za-z0-9_-]{43})$/;

/** Anything shaped like an organisation key, even cut short or altered: what logs must never show. */
export const API_KEY_LOOKALIKE = /ork_[A-Za-z0-9]{6,}_[A-Za-z0-9_-]{8,}/g;

export interface GeneratedApiKey {
  key: string;
  lookupId: string;
  secretSha256: string;
}

export function generateApiKey(): GeneratedApiKey {
  const lookupId = randomBytes(10).toString('hex').slice(0, 16);
  const secret = randomBytes(32).toString('base64url');
  return { key: `ork_${lookupId}_${secret}`, lookupId, secretSha256: sha256Hex(secret) };
}

export function parseApiKey(key: string): { lookupId: string; secret: string } | null {
  const match = KEY_PATTERN.exec(key);
  return match ? { lookupId: match[1], secret: match[2] } : null;
}

/** The public part of a key (`ork_<lookupId>`): enough to recognise it in a list, useless to call with. */
export function apiKeyPrefix(lookupId: string): string {
  return `ork_${lookupId}`;
}

export function sha256Hex(value: string): string {
  return createHash('sha256').update(value, 'utf8').digest('hex');
}
