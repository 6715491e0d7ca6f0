import type { JournalEntry, SchemeCode } from '@registry/domain';
import type { ClaimRecord } from './claim-records';
import type { BlockRecord, IdempotencyRecord, RetirementEvidenceRecord, RetirementRecord, RetirementVoidRecord } from './ledger-records';

export interface NamespaceRange {
  namespace: string;
  start: bigint;
  end: bigint;
}

/** The retirement fields a serial's status shows. */
export interface RetirementBrief {
  id: string;
  certificateNumber: string;
  claimId: string | null;
  retiredOn: string;
  beneficiary: string;
}

export interface StatusPageRead {
  scheme: SchemeCode | null;
  blocks: (BlockRecord & { retirement: RetirementBrief | null })[];
}

export interface BlockStore {
  /** Live blocks of `namespace` that overlap [start, end], ordered by start. */
  liveOverlapping(namespace: string, start: bigint, end: bigint): Promise<BlockRecord[]>;
  /**
   * The same, for a transaction that will close them: on PostgreSQL each is locked until the
   * transaction ends (a concurrent writer of the same blocks waits, then reads what it left).
   */
  liveOverlappingForUpdate(namespace: string, start: bigint, end: bigint): Promise<BlockRecord[]>;
  /** liveOverlappingForUpdate for several ranges at once (one answer per range, in order): on PostgreSQL three round trips for all of them. */
  liveOverlappingForUpdateAll(ranges: readonly NamespaceRange[]): Promise<BlockRecord[][]>;
  /**
   * The first `limit` live blocks of `namespace` that overlap [start, end], ordered by start: one
   * bounded step of a walk over a namespace (fewer than `limit` means there are no more).
   */
  liveOverlappingPage(namespace: string, start: bigint, end: bigint, limit: number): Promise<BlockRecord[]>;
  /** liveOverlappingPage with what a status lookup shows beside it (the scheme on record, each retired block's retirement), in one read. */
  statusPage(namespace: string, start: bigint, end: bigint, limit: number): Promise<StatusPageRead>;
  /** Throws DomainError SERIAL_CONFLICT when the schema refuses an overlap. */
  insert(block: BlockRecord): Promise<void>;
  /** Pieces of closed blocks, in one statement (they replace what they were cut from, so overlap nothing live). */
  insertPieces(blocks: readonly BlockRecord[]): Promise<void>;
  close(id: string, seq: number, reason: 'split' | 'void'): Promise<void>;
  /** close for several blocks in one statement. */
  closeAll(ids: readonly string[], seq: number, reason: 'split' | 'void'): Promise<void>;
  /** The scheme the namespace entered the ledger with (the first record decides), or null if it never did. */
  schemeOnRecord(namespace: string): Promise<SchemeCode | null>;
  /** schemeOnRecord for several namespaces in one statement: the namespaces on record, with their scheme. */
  schemesOnRecord(namespaces: readonly string[]): Promise<Map<string, SchemeCode>>;
  findLive(id: string): Promise<BlockRecord | null>;
  /** Live blocks the serial-identity migration found recorded twice, by namespace, start, then the older record first. */
  liveDuplicates(): Promise<BlockRecord[]>;
  liveHeldBy(ownerId: string, afterId: string | undefined, limit: number, scheme?: SchemeCode): Promise<BlockRecord[]>;
  liveOfRetirement(retirementId: string): Promise<BlockRecord[]>;
}

/** Named counters for human-friendly numbers; the caller holds the ledger head lock. */
export interface SequenceStore {
  next(name: string): Promise<number>;
}

export interface RetirementStore {
  insert(retirement: RetirementRecord): Promise<void>;
  findById(id: string): Promise<RetirementRecord | null>;
  findByIds(ids: readonly string[]): Promise<RetirementRecord[]>;
  findByClaim(claimId: string): Promise<RetirementRecord[]>;
  insertVoid(record: RetirementVoidRecord): Promise<void>;
  /** Completes a pending retirement once (the row is append-only; a second one fails on its key). */
  insertEvidence(record: RetirementEvidenceRecord): Promise<void>;
  findVoid(retirementId: string): Promise<RetirementVoidRecord | null>;
  findVoids(retirementIds: readonly string[]): Promise<RetirementVoidRecord[]>;
}

/** An entry with its place in the log (0-based), once the sequencer has given it one. */
export type LoggedJournalEntry = JournalEntry & { logIndex: number };

export interface JournalStore {
  /**
   * A new entry id: PostgreSQL's sequence (no lock held), SQLite's head row (one writer anyway).
   * With `writers`, takes the writers' lock (WriteLocks.writers) first, in the same statement.
   */
  nextSeq(writers?: 'shared' | 'exclusive'): Promise<number>;
  /** Writes the entry and queues it for the sequencer, in the writer's transaction. */
  append(entry: JournalEntry): Promise<void>;
  /** Logged entries from log index `fromIndex` on, in log order; `type` narrows to one type (`claim.certify`) or a family (`claim`). */
  logged(fromIndex: number, limit: number, type?: string): Promise<LoggedJournalEntry[]>;
  /** The claim.* entries naming this claim (payload `claimId`), oldest first: its history for the people who review it. */
  claimEntries(claimId: string): Promise<JournalEntry[]>;
  /** The highest entry id written so far that still waits for the sequencer (null: none). */
  newestPendingSeq(): Promise<number | null>;
  /** Whether any entry up to `seq` still waits for the sequencer. */
  pendingUpTo(seq: number): Promise<boolean>;
}

/**
 * Who may write beside whom. PostgreSQL: commands that only touch serial blocks and their own rows
 * (retire, register, transfer, import) hold a shared lock and run in parallel, the schema's
 * exclusion constraint and row checks guarding them; every other command holds it exclusively, as
 * all did before. SQLite has one writer, so these cost nothing there.
 */
export interface WriteLocks {
  writers(mode: 'shared' | 'exclusive'): Promise<void>;
  /** Serialises transactions that name the same key (an idempotency key) until they end. */
  key(key: string): Promise<void>;
}

export interface IdempotencyStore {
  find(actor: string, key: string): Promise<IdempotencyRecord | null>;
  insert(record: IdempotencyRecord): Promise<void>;
}

export interface ClaimStore {
  insert(claim: ClaimRecord): Promise<void>;
  /** Writes the mutable part: certifier, status, certification, true-up, reason, updated markers. */
  update(claim: ClaimRecord): Promise<void>;
  /** A draft's content and what follows from it (required tonnes, rulebook); drafts only. */
  updateDraft(claim: ClaimRecord): Promise<void>;
  findById(id: string): Promise<ClaimRecord | null>;
  /**
   * CN plan applications of an applicant that count against CNP-3.1.6 (「同一の者によって一回に限り」):
   * every plan past the draft, revoked and withdrawn ones included.
   */
  countPlanApplications(applicantId: string, excludingId: string): Promise<number>;
  /** The applicant's CN plan claims, any status. */
  plansOf(applicantId: string): Promise<ClaimRecord[]>;
  addProvider(claimId: string, providerId: string, seq: number): Promise<void>;
  /** False when the provider was not authorised on the claim. */
  removeProvider(claimId: string, providerId: string): Promise<boolean>;
  isProvider(claimId: string, providerId: string): Promise<boolean>;
  /** The provider organisations authorised on the claim, in the order they were authorised. */
  providersOf(claimId: string): Promise<string[]>;
}
