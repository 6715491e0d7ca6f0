import { createHmac, randomBytes, timingSafeEqual } from 'node:crypto';

/**
 * Standard Webhooks (https://www.standardwebhooks.com, v1.0.0): a secret is `whsec_` + base64 of
 * random bytes; a signature is `v1,` + base64 HMAC-SHA256, keyed with the decoded bytes, over
 * `${webhook-id}.${webhook-timestamp}.${body}`. Several signatures (a secret being rotated) are
 * separated by spaces in one `webhook-signature` header.
 */
export const WEBHOOK_SECRET_PREFIX = 'whsec_';
const SECRET_BYTES = 32;

export function newWebhookSecret(): string {
  return WEBHOOK_SECRET_PREFIX + randomBytes(SECRET_BYTES).toString('base64');
}

function secretKey(secret: string): Buffer {
  const encoded = secret.startsWith(WEBHOOK_SECRET_PREFIX) ? secret.slice(WEBHOOK_SECRET_PREFIX.length) : secret;
  const key = Buffer.from(encoded, 'base64');
  if (key.length < 24) throw new Error('a webhook secret must decode to at least 24 bytes');
  return key;
}

export interface SignedContent {
  /** The `webhook-id` header: the same for every attempt of one message. */
  id: string;
  /** The `webhook-timestamp` header, in Unix seconds. */
  timestamp: number;
  /** The exact request body. */
  body: string;
}

export function signWebhook(secret: string, content: SignedContent): string {
  const mac = createHmac('sha256', secretKey(secret)).update(`${content.id}.${content.timestamp}.${content.body}`).digest('base64');
  return `v1,${mac}`;
}

/** The `webhook-signature` header value: one signature per secret in force. */
export function webhookSignatureHeader(secrets: readonly string[], content: SignedContent): string {
  return secrets.map((secret) => signWebhook(secret, content)).join(' ');
}

/** How a receiver checks a message: any `v1` signature of the header made with `secret` passes. */
export function verifyWebhookSignature(secret: string, content: SignedContent, header: string): boolean {
  const expected = Buffer.from(signWebhook(secret, content));
  return header
    .split(' ')
    .filter((candidate) => candidate.startsWith('v1,'))
    .some((candidate) => {
      const given = Buffer.from(candidate);
      return given.length === expected.length && timingSafeEqual(given, expected);
    });
}
