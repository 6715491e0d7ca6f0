import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';

export class CertificateLinkResponse {
  @ApiProperty({ example: 'CN-2026-0001' })
  number: string;

  @ApiProperty({ example: 'valid' })
  status: string;
}

export class CertificateStatusChangeResponse {
  @ApiProperty({ example: 'entered in error' })
  reason: string;

  @ApiProperty({ format: 'date-time' })
  at: string;
}

/**
 * The signed certificate JSON: a retirement certificate (RC-…), or a claim certificate (`kind: claim`,
 * CN-… / CFP-…) with the claim's own members. Members a later version signs are passed through as they are.
 */
export class CertificateResponse {
  @ApiProperty({ example: 'RC-2026-000001' })
  number: string;

  @ApiProperty({ enum: ['valid', 'revoked', 'suspended', 'withdrawn', 'expired'], description: 'derived when read, never signed', example: 'valid' })
  status: string;

  @ApiProperty({ format: 'date-time', example: '2026-04-01T01:23:45.000Z' })
  issuedAt: string;

  @ApiPropertyOptional({ enum: ['claim'], description: 'claim certificates only' })
  kind?: 'claim';

  @ApiPropertyOptional({ type: 'integer', description: 'the signed version (absent on certificates issued before versions: 1)', example: 1 })
  version?: number;

  @ApiPropertyOptional({ format: 'uuid', description: 'retirement certificates' })
  retirementId?: string;

  @ApiPropertyOptional({ type: String, nullable: true, description: 'the claim the credits back, or the certified claim' })
  claimId?: string | null;

  @ApiPropertyOptional({ example: '株式会社サンプル', description: 'retirement certificates' })
  beneficiary?: string;

  @ApiPropertyOptional({ description: 'retirement certificates' })
  purpose?: string;

  @ApiPropertyOptional({ description: 'retirement certificates: credits retired, a decimal string', example: '100' })
  quantity?: string;

  @ApiPropertyOptional({ type: [String], description: 'retirement certificates: canonical serials', example: ['JCL-ERL-R012-1000001-1000100'] })
  serials?: string[];

  @ApiPropertyOptional({ format: 'date', example: '2026-04-01' })
  retiredOn?: string;

  @ApiPropertyOptional({ enum: ['pending', 'recorded'] })
  officialReference?: 'pending' | 'recorded';

  @ApiPropertyOptional({ type: CertificateStatusChangeResponse, description: 'a voided retirement: why and when' })
  revocation?: CertificateStatusChangeResponse;

  @ApiPropertyOptional({ type: CertificateStatusChangeResponse, description: 'a claim certificate no longer valid: why and when' })
  statusChange?: CertificateStatusChangeResponse;

  @ApiPropertyOptional({ type: CertificateLinkResponse, description: "the claim certificate a retirement backs, with the claim's current status" })
  claimCertificate?: CertificateLinkResponse;

  @ApiPropertyOptional({
    description: 'the log index of the entry that issued it, once a published checkpoint covers it (GET /v1/log/proof/inclusion?certificate=…); not signed',
    type: 'object',
    properties: { index: { type: 'integer', example: 41 } },
  })
  log?: { index: number };

  @ApiProperty({ description: 'lowercase hex SHA-256 of the canonical signed body', example: '9f86d081884c7d659a2feaa0c55ad015a3bf4f1b2b0b822cd15d6c15b0f00a08' })
  digest: string;

  @ApiProperty({ description: 'base64url Ed25519 signature of the digest bytes' })
  signature: string;

  @ApiProperty({ description: 'the JWKS kid that verifies the signature (GET /v1/certificate-keys)' })
  keyId: string;
}

/** One public signing key (RFC 8037 OKP, Ed25519). */
export class JsonWebKeyResponse {
  @ApiProperty({ enum: ['OKP'], example: 'OKP' })
  kty: string;

  @ApiProperty({ enum: ['Ed25519'], example: 'Ed25519' })
  crv: string;

  @ApiProperty({ description: 'the public key, base64url', example: '11qYAYKxCrfVS_7TyWQHOg7hcvPapiMlrwIaaPcHURo' })
  x: string;

  @ApiProperty({ description: 'a certificate names it as keyId', example: 'k-20260401000000000-1a2b3c4d' })
  kid: string;

  @ApiPropertyOptional({ enum: ['EdDSA'], example: 'EdDSA' })
  alg?: string;

  @ApiPropertyOptional({ enum: ['sig'], example: 'sig' })
  use?: string;
}

export class JsonWebKeySetResponse {
  @ApiProperty({ type: [JsonWebKeyResponse], description: 'the public keys of the signing key ring' })
  keys: JsonWebKeyResponse[];
}

export class CertificateRenderingResponse {
  @ApiProperty({ enum: ['rendering'], example: 'rendering' })
  status: 'rendering';
}
