import type { CertificateBody, CertificateProof, ClaimCertificateBody, NoteVerifierKey, SignedBody } from '@registry/domain';
import type { JsonWebKey } from 'node:crypto';

export interface CertificateRecord {
  number: string;
  retirementId: string;
  /** The signed fields, exactly as signed. */
  body: CertificateBody;
  proof: CertificateProof;
  issuedAt: string;
  createdSeq: number;
  /** 1 for the certificate issued with the retirement; later ones add what the retirement gained (its official reference). */
  version: number;
}

/** A claim's own certificate, signed at certification; its status follows the claim. */
export interface ClaimCertificateRecord {
  number: string;
  claimId: string;
  body: ClaimCertificateBody;
  proof: CertificateProof;
  issuedAt: string;
  createdSeq: number;
}

/** Retirement certificates are valid or revoked; a claim's certificate follows its claim. */
export type CertificateStatus = 'valid' | 'revoked' | 'suspended' | 'withdrawn' | 'expired';

export interface CertificateStore {
  insert(certificate: CertificateRecord): Promise<void>;
  /** A later version of an existing certificate (version > 1). */
  insertVersion(certificate: CertificateRecord): Promise<void>;
  /** The latest version, or the one asked. */
  findByNumber(number: string, version?: number): Promise<CertificateRecord | null>;
  findByRetirement(retirementId: string): Promise<CertificateRecord | null>;
  /** Certificates issued after journal seq `afterSeq` that are still valid, oldest first (the PDF sweep). */
  validIssuedAfter(afterSeq: number, limit: number): Promise<PdfCandidate[]>;
  /** Certificates revoked after journal seq `afterSeq`, oldest revocation first (the PDF sweep). */
  revokedAfter(afterSeq: number, limit: number): Promise<PdfCandidate[]>;
  /** Versions after the first issued after journal seq `afterSeq` and still valid (the PDF sweep). */
  versionsIssuedAfter(afterSeq: number, limit: number): Promise<PdfCandidate[]>;
  insertClaimCertificate(certificate: ClaimCertificateRecord): Promise<void>;
  findClaimCertificate(number: string): Promise<ClaimCertificateRecord | null>;
  /** The latest certificate issued for the claim (a renewal may issue another). */
  findClaimCertificateOfClaim(claimId: string): Promise<ClaimCertificateRecord | null>;
  /** Claim certificates whose claim changed after journal seq `afterSeq`, with the status due on `today` (the PDF sweep). */
  claimCertificatesChangedAfter(afterSeq: number, limit: number, today: string): Promise<PdfCandidate[]>;
}

/** A PDF a certificate should have, and the journal seq of the event that made it due. */
export interface PdfCandidate {
  number: string;
  status: CertificateStatus;
  seq: number;
  /** Absent: 1. */
  version?: number;
}

export type PdfKey = Pick<PdfCandidate, 'number' | 'status' | 'version'>;

/**
 * Rendered certificate PDFs: derived data, re-rendered from the signed certificate when missing, so
 * they live outside the ledger's write path (SQLite: a database file of their own).
 */
export abstract class CertificatePdfStore {
  abstract get(number: string, status: CertificateStatus, version?: number): Promise<Buffer | null>;
  /** Stores a rendered PDF once; a second render of the same (number, version, status) is ignored (returns false). */
  abstract put(number: string, status: CertificateStatus, pdf: Buffer, renderedBy: string, at: string, version?: number): Promise<boolean>;
  /** The keys among `keys` that have no stored PDF. */
  abstract missing(keys: PdfKey[]): Promise<PdfKey[]>;
}

/** Signs certificate bodies with the active Ed25519 key; publishes every key that ever signed. */
export abstract class CertificateSigner {
  abstract sign(body: SignedBody): CertificateProof;
  abstract publicKeys(): JsonWebKey[];
  /** A C2SP signed note of `body`, signed by the newest key under `name` (the log's origin). */
  abstract signNote(body: string, name: string): string;
  /** Every published key, as a signed-note verifier under `name`. */
  abstract noteVerifierKeys(name: string): NoteVerifierKey[];
}
