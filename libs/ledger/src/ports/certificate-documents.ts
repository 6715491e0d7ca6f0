import type { ClaimCertificateBody } from '@registry/domain';
import type { CertificateStatus } from './certificate-ports';

/**
 * A certificate as read: the JSON of `GET /v1/certificates/{number}` (API.md "Certificates"), which
 * CertificateRenderer (libs/documents) and the public verify pages (apps/api/src/web) take as input.
 *
 * Serial bounds and quantities are decimal strings, never JS numbers; dates are `YYYY-MM-DD`,
 * instants ISO 8601 UTC.
 */

/** A retirement certificate is valid or revoked (a claim's certificate has more, see ClaimCertificateView). */
export type RetirementCertificateStatus = Extract<CertificateStatus, 'valid' | 'revoked'>;

export interface CertificateHolder {
  id: string;
  name: string;
}

/** The managing registry's record of the retirement (e.g. the J-Credit registry's notice number). */
export interface CertificateEvidence {
  registry: string;
  reference: string;
}

export interface CertificateRevocation {
  reason: string;
  /** ISO 8601 instant. */
  at: string;
}

export interface CertificateClaim {
  /** `CN`, `CN_PLAN`, `CFP`, ... */
  type: string;
  /** The certification number, once the claim is certified. */
  number?: string | null;
  period: { start: string; end: string };
}

/** One retired serial block as printed on the certificate. */
export interface CertificateBlock {
  /** Canonical serial text. */
  serial: string;
  /** Scheme code, e.g. `JCREDIT`. */
  scheme: string;
  /** Display name, e.g. `J-クレジット` or `J-Credit`. */
  schemeName: string;
  /** Decimal string. */
  quantity: string;
  /** e.g. `t-CO2e`, `kWh`. */
  unit: string;
}

export interface CertificateDocument {
  number: string;
  status: RetirementCertificateStatus;
  issuedAt: string;
  retirementId: string;
  claimId: string | null;
  beneficiary: string;
  purpose: string;
  /** Decimal string: the total of all blocks. */
  quantity: string;
  /** Canonical serials. */
  serials: string[];
  /** Lowercase hex SHA-256 (see certificate-signature.ts). */
  digest: string;
  /** base64url Ed25519 signature of the digest bytes. */
  signature: string;
  keyId: string;

  // Display fields the registry adds. Optional because a certificate's signed body never changes:
  // one issued before a field existed still has to render.
  /** `YYYY-MM-DD`. */
  retiredOn?: string;
  holder?: CertificateHolder;
  evidence?: CertificateEvidence | null;
  /** Present when `status` is `revoked`. */
  revocation?: CertificateRevocation;
  claim?: CertificateClaim | null;
  blocks?: CertificateBlock[];
  /** Signed from the first version on; absent on certificates issued before versions (= 1). */
  version?: number;
  officialReference?: 'pending' | 'recorded';
  /** Derived when read: the claim certificate this retirement backs, with the claim's current status. */
  claimCertificate?: { number: string; status: string };
}

/**
 * The signed body, its proof, and the fields derived when it is read (never signed): the status,
 * why it is not valid, and for a retirement certificate the claim certificate it backs. Fields a
 * later version signs are passed through as they are.
 */
export type CertificateDocumentView = CertificateDocument & Record<string, unknown>;

/** `GET /v1/certificates/{certificationNumber}` as read: the signed body, its status and proof. */
export type ClaimCertificateView = ClaimCertificateBody & {
  status: string;
  statusChange?: { reason: string; at: string };
  digest: string;
  signature: string;
  keyId: string;
};

/**
 * Draws a certificate for people: the PDF of a retirement's or a claim's certificate as read now
 * (its status printed on it), with the QR code of its public verify page. Implemented outside the
 * ledger (libs/documents), so use cases never hold fonts, layout or the verify page's address.
 */
export abstract class CertificateRenderer {
  abstract pdf(document: CertificateDocumentView): Promise<Buffer>;
}
