import { createHash, createPublicKey, sign, verify, type JsonWebKey, type KeyObject } from 'node:crypto';
import { canonicalJson } from '../journal/journal-entry';

/** What any certificate signs: its number and whatever fields its kind has. */
export interface SignedBody {
  number: string;
  [field: string]: unknown;
}

/** The signed part of a retirement certificate (API.md "Certificates"): everything but status and proof. */
export interface CertificateBody extends SignedBody {
  number: string;
  issuedAt: string;
  retirementId: string;
  claimId: string | null;
  beneficiary: string;
  purpose: string;
  quantity: string;
  serials: string[];
  [extra: string]: unknown;
}

export interface CertificateProof {
  digest: string;
  signature: string;
  keyId: string;
}

/**
 * Fields the registry derives when it answers, never signed: the status, why it is not valid
 * (`revocation`; a claim certificate's `statusChange`), and the claim certificate a retirement
 * backs (its status changes with the claim), and its place in the transparency log (given after it is signed).
 */
export const UNSIGNED_FIELDS: readonly string[] = ['status', 'revocation', 'statusChange', 'claimCertificate', 'log', 'digest', 'signature', 'keyId'];

/** Lowercase hex SHA-256 of the RFC 8785 canonical JSON, without the unsigned fields. */
export function certificateDigest(certificate: Record<string, unknown>): string {
  const body = Object.fromEntries(Object.entries(certificate).filter(([k]) => !UNSIGNED_FIELDS.includes(k)));
  return createHash('sha256').update(canonicalJson(body), 'utf8').digest('hex');
}

/** Ed25519 over the 32 raw digest bytes; base64url. */
export function signCertificate(body: SignedBody, privateKey: KeyObject, keyId: string): CertificateProof {
  const digest = certificateDigest(body);
  const signature = sign(null, Buffer.from(digest, 'hex'), privateKey).toString('base64url');
  return { digest, signature, keyId };
}

export type CertificateCheck = { valid: true } | { valid: false; reason: string };

/** Checks a certificate JSON against published keys (JWK, `kid` = keyId). */
export function verifyCertificate(certificate: Record<string, unknown>, keys: readonly JsonWebKey[]): CertificateCheck {
  const { digest, signature, keyId } = certificate as Partial<CertificateProof>;
  if (typeof digest !== 'string' || typeof signature !== 'string' || typeof keyId !== 'string') {
    return { valid: false, reason: 'the certificate has no digest, signature or keyId' };
  }
  if (certificateDigest(certificate) !== digest) return { valid: false, reason: 'the digest does not match the certificate fields' };
  const jwk = keys.find((k) => (k as { kid?: string }).kid === keyId);
  if (!jwk) return { valid: false, reason: `no published key has kid ${keyId}` };
  const publicKey = createPublicKey({ key: jwk, format: 'jwk' });
  const ok = verify(null, Buffer.from(digest, 'hex'), publicKey, Buffer.from(signature, 'base64url'));
  return ok ? { valid: true } : { valid: false, reason: 'the signature does not match the digest and key' };
}
