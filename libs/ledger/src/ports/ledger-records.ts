import type { SchemeCode, SerialAttributes } from '@registry/domain';
import type { CreditFacts } from './claim-records';

export type BlockStatus = 'held' | 'retired';

/** A serial block row; live while `closedSeq` is null. */
export interface BlockRecord {
  id: string;
  scheme: SchemeCode;
  namespace: string;
  start: bigint;
  end: bigint;
  attributes: SerialAttributes;
  status: BlockStatus;
  /** Holder of a held block; the retiring organisation of a retired one. */
  ownerId: string | null;
  retirementId: string | null;
  parentId: string | null;
  evidenceRegistry: string | null;
  evidenceReference: string | null;
  createdSeq: number;
  /** The day (Japan time) these serials entered the ledger, kept by every piece; null for blocks older than the record. */
  enteredOn: string | null;
  /** Set only by the serial-identity migration: the same printed serials were found recorded twice. */
  identityDuplicate: boolean;
}

export interface Evidence {
  registry: string;
  reference: string;
}

export interface RetirementRecord {
  id: string;
  organizationId: string;
  apiKeyId: string | null;
  quantity: bigint;
  retiredOn: string;
  beneficiary: string;
  purpose: string;
  claimId: string | null;
  /** Given with the retirement or recorded later (`evidenceRecordedAt`); null while the official reference is pending. */
  evidence: Evidence | null;
  /** Set when the evidence was recorded after the retirement. */
  evidenceRecordedAt?: string | null;
  /** Canonical serials as asked, in request order. */
  serials: string[];
  certificateNumber: string;
  creditFacts: CreditFacts | null;
  createdSeq: number;
  createdAt: string;
}

/** The managing registry's reference recorded after a retirement of held parts (it was pending). */
export interface RetirementEvidenceRecord {
  retirementId: string;
  registry: string;
  reference: string;
  actor: string;
  createdSeq: number;
  createdAt: string;
}

export interface RetirementVoidRecord {
  retirementId: string;
  reason: string;
  actor: string;
  createdSeq: number;
  createdAt: string;
}

export interface IdempotencyRecord {
  actor: string;
  key: string;
  requestHash: string;
  statusCode: number;
  response: string;
  createdAt: string;
}
