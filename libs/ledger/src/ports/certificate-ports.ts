import type { CertificateBody, CertificateProof } from '@registry/domain';
import type { JsonWebKey } from 'node:crypto';

export interface CertificateRecord {
  number: string;
  retirementId: string;
  /** The signed fields, exactly as signed. */
  body: CertificateBody;
  proof: CertificateProof;
  issuedAt: string;
  createdSeq: number;
}

export type CertificateStatus = 'valid' | 'revoked';

export interface CertificateStore {
  insert(certificate: CertificateRecord): Promise<void>;
  findByNumber(number: string): Promise<CertificateRecord | null>;
  findByRetirement(retirementId: string): Promise<CertificateRecord | null>;
  pdf(number: string, status: CertificateStatus): Promise<Buffer | null>;
  /** Stores a rendered PDF once; a second render of the same (number, status) is ignored (returns false). */
  storePdf(number: string, status: CertificateStatus, pdf: Buffer, renderedBy: string, at: string): Promise<boolean>;
  /** Certificates whose PDF for their current status is missing (the repair sweep), oldest first. */
  missingPdfs(limit: number): Promise<{ number: string; status: CertificateStatus }[]>;
}

/** Signs certificate bodies with the active Ed25519 key; publishes every key that ever signed. */
export abstract class CertificateSigner {
  abstract sign(body: CertificateBody): CertificateProof;
  abstract publicKeys(): JsonWebKey[];
}
