#!/usr/bin/env node
// Checks a registry certificate offline, with nothing but Node.js (>= 20): no npm install, no registry
// code. Copy this one file to wherever you audit.
//
//   node verify-certificate.mjs <certificate.json | https://…/v1/certificates/RC-…> [--jwks <file | URL>]
//
// Without --jwks, a certificate fetched from a URL is checked against <same origin>/v1/certificate-keys.
// Exit code: 0 the signature holds, 1 it does not, 2 the input could not be read.
//
// What it proves: the signed fields (everything but status, digest, signature and keyId) are exactly
// what the registry signed with a key it publishes (API.md "Certificates": digest = SHA-256 of the
// RFC 8785 canonical JSON, signature = Ed25519 over the 32 digest bytes). What it does not prove:
// `status` (valid, revoked…) is not signed, because it changes after issue; check it online.
import { createHash, createPublicKey, verify } from 'node:crypto';
import { readFile } from 'node:fs/promises';

// Derived when the registry answers, never signed (API.md "Certificates" and "Transparency log").
const UNSIGNED_FIELDS = new Set(['status', 'revocation', 'statusChange', 'claimCertificate', 'log', 'digest', 'signature', 'keyId']);

/** RFC 8785 (JCS): ECMAScript serialisation of primitives, object keys sorted by UTF-16 code units. */
function canonicalJson(value) {
  if (value === null || typeof value !== 'object') {
    if (typeof value === 'number' && !Number.isFinite(value)) throw new Error('JCS cannot encode a non-finite number');
    return JSON.stringify(value);
  }
  if (Array.isArray(value)) return `[${value.map(canonicalJson).join(',')}]`;
  const keys = Object.keys(value).filter((key) => value[key] !== undefined).sort();
  return `{${keys.map((key) => `${JSON.stringify(key)}:${canonicalJson(value[key])}`).join(',')}}`;
}

/** @returns {{ valid: true } | { valid: false, reason: string }} */
function checkCertificate(certificate, jwks) {
  const { digest, signature, keyId } = certificate;
  if (typeof digest !== 'string' || typeof signature !== 'string' || typeof keyId !== 'string') {
    return { valid: false, reason: 'the certificate has no digest, signature or keyId' };
  }
  const signed = Object.fromEntries(Object.entries(certificate).filter(([key]) => !UNSIGNED_FIELDS.has(key)));
  const recomputed = createHash('sha256').update(canonicalJson(signed), 'utf8').digest('hex');
  if (recomputed !== digest) return { valid: false, reason: 'the digest does not match the certificate fields: a signed field was changed' };
  const jwk = (jwks.keys ?? []).find((key) => key.kid === keyId);
  if (!jwk) return { valid: false, reason: `no published key has kid ${keyId}` };
  if (jwk.kty !== 'OKP' || jwk.crv !== 'Ed25519') return { valid: false, reason: `key ${keyId} is not an Ed25519 key` };
  const publicKey = createPublicKey({ key: { kty: jwk.kty, crv: jwk.crv, x: jwk.x }, format: 'jwk' });
  const ok = verify(null, Buffer.from(digest, 'hex'), publicKey, Buffer.from(signature, 'base64url'));
  return ok ? { valid: true } : { valid: false, reason: 'the signature does not match the digest and the published key' };
}

const isUrl = (text) => /^https?:\/\//i.test(text);

async function readJson(source) {
  if (isUrl(source)) {
    const response = await fetch(source, { headers: { accept: 'application/json' } });
    if (!response.ok) throw new Error(`${source} answered ${response.status}`);
    return response.json();
  }
  return JSON.parse(await readFile(source, 'utf8'));
}

function parseArguments(argv) {
  const args = { certificate: undefined, jwks: undefined };
  for (let i = 0; i < argv.length; i++) {
    if (argv[i] === '--jwks') args.jwks = argv[++i];
    else if (argv[i] === '--help' || argv[i] === '-h') args.help = true;
    else args.certificate ??= argv[i];
  }
  return args;
}

async function main() {
  const args = parseArguments(process.argv.slice(2));
  if (args.help || !args.certificate) {
    process.stdout.write('usage: node verify-certificate.mjs <certificate.json | certificate URL> [--jwks <file | URL>]\n');
    return args.help ? 0 : 2;
  }
  const jwksSource = args.jwks ?? (isUrl(args.certificate) ? new URL('/v1/certificate-keys', args.certificate).href : undefined);
  if (!jwksSource) {
    process.stderr.write('a certificate read from a file needs --jwks (the registry publishes it at /v1/certificate-keys)\n');
    return 2;
  }
  let certificate;
  let jwks;
  try {
    [certificate, jwks] = await Promise.all([readJson(args.certificate), readJson(jwksSource)]);
  } catch (error) {
    process.stderr.write(`cannot read the input: ${error.message}\n`);
    return 2;
  }
  const check = checkCertificate(certificate, jwks);
  const where = isUrl(args.certificate) ? args.certificate : `/v1/certificates/${certificate.number} or /verify/${certificate.number} on the registry`;
  if (!check.valid) {
    process.stdout.write(`NOT VALID: certificate ${certificate.number ?? '(no number)'}: ${check.reason}\n`);
    return 1;
  }
  process.stdout.write(
    `VALID signature: certificate ${certificate.number}, signed by key ${certificate.keyId}` +
      `${certificate.version ? `, version ${certificate.version}` : ''}.\n` +
      `Its status ("${certificate.status ?? 'not given'}") is not signed and can change (revocation): check it online at ${where}.\n`,
  );
  return 0;
}

void main().then((code) => process.exit(code));
