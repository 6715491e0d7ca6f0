import type { JournalEntry } from '@registry/domain';
import type { BlockRecord, IdempotencyRecord, RetirementRecord, RetirementVoidRecord } from './ledger-records';

export interface BlockStore {
  /** Live blocks of `namespace` that overlap [start, end], ordered by start. */
  liveOverlapping(namespace: string, start: bigint, end: bigint): Promise<BlockRecord[]>;
  /** Throws DomainError SERIAL_CONFLICT when the schema refuses an overlap. */
  insert(block: BlockRecord): Promise<void>;
  close(id: string, seq: number, reason: 'split' | 'void'): Promise<void>;
  liveHeldBy(ownerId: string, afterId: string | undefined, limit: number): Promise<BlockRecord[]>;
  liveOfRetirement(retirementId: string): Promise<BlockRecord[]>;
}

export interface RetirementStore {
  /** Advances the year's counter; the caller holds the ledger head lock, so numbers never repeat. */
  nextCertificateSequence(year: number): Promise<number>;
  insert(retirement: RetirementRecord): Promise<void>;
  findById(id: string): Promise<RetirementRecord | null>;
  findByIds(ids: readonly string[]): Promise<RetirementRecord[]>;
  insertVoid(record: RetirementVoidRecord): Promise<void>;
  findVoid(retirementId: string): Promise<RetirementVoidRecord | null>;
  findVoids(retirementIds: readonly string[]): Promise<RetirementVoidRecord[]>;
}

export interface JournalStore {
  /** The head, locked until the transaction ends: on PostgreSQL this serialises every ledger writer. */
  lockHead(): Promise<{ seq: number; hash: string }>;
  /** Appends the entry and moves the head to it. */
  append(entry: JournalEntry): Promise<void>;
  head(): Promise<{ seq: number; hash: string }>;
  entries(afterSeq: number, limit: number): Promise<JournalEntry[]>;
}

export interface IdempotencyStore {
  find(actor: string, key: string): Promise<IdempotencyRecord | null>;
  insert(record: IdempotencyRecord): Promise<void>;
}
