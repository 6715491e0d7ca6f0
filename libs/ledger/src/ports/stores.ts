import type { BlockStore, ClaimStore, IdempotencyStore, JournalStore, RetirementStore, SequenceStore, WriteLocks } from './ledger-stores';
import type { LogStore } from '../log/log-ports';
import type { CertificateStore } from './certificate-ports';
import type { ListStore } from './list-stores';
import type { ClaimProcessStore } from './claim-process-ports';
import type { ReconciliationStore } from '../reconciliation/reconciliation-ports';
import type { ApiKeyRecord, JobRunRecord, OrganizationRecord } from './records';
import type { WebhookStore } from '../webhooks/webhook-ports';
import type { ImportStore } from '../imports/import-ports';
import type { PersonStore, SessionStore, SignInThrottleStore } from './people-ports';

export interface OrganizationStore {
  insert(organization: OrganizationRecord): Promise<void>;
  rename(id: string, name: string): Promise<void>;
  findById(id: string): Promise<OrganizationRecord | null>;
  findByCorporateNumber(corporateNumber: string): Promise<OrganizationRecord | null>;
}

export interface ApiKeyStore {
  insert(key: ApiKeyRecord): Promise<void>;
  findByLookupId(lookupId: string): Promise<ApiKeyRecord | null>;
  /** The key and its organisation in one read (every authenticated request makes it). */
  findWithOrganization(lookupId: string): Promise<{ key: ApiKeyRecord; organization: OrganizationRecord } | null>;
  findById(id: string): Promise<ApiKeyRecord | null>;
  listByOrganization(organizationId: string): Promise<ApiKeyRecord[]>;
  /** Sets revokedAt unless already set (the first revocation instant stands). */
  revoke(id: string, at: string): Promise<void>;
  /** Sets lastUsedAt to `at` only if it is unset or older than `staleBefore`; true when it wrote. */
  touchLastUsed(id: string, at: string, staleBefore: string): Promise<boolean>;
}

export interface JobRunStore {
  /** Records a finished run; a second run of the same job id is ignored (returns false). */
  recordOnce(run: JobRunRecord): Promise<boolean>;
  find(jobId: string): Promise<JobRunRecord | null>;
}

/** The stores of one database transaction (or of plain reads). */
export interface Stores {
  organizations: OrganizationStore;
  apiKeys: ApiKeyStore;
  jobRuns: JobRunStore;
  blocks: BlockStore;
  retirements: RetirementStore;
  journal: JournalStore;
  log: LogStore;
  locks: WriteLocks;
  idempotency: IdempotencyStore;
  sequences: SequenceStore;
  claims: ClaimStore;
  certificates: CertificateStore;
  lists: ListStore;
  claimProcess: ClaimProcessStore;
  webhooks: WebhookStore;
  reconciliations: ReconciliationStore;
  imports: ImportStore;
  people: PersonStore;
  sessions: SessionStore;
  signInThrottles: SignInThrottleStore;
}

/**
 * All database access of the use cases goes through here. `write` runs its work in one
 * transaction: everything it wrote commits together or not at all.
 */
export abstract class UnitOfWork {
  abstract write<T>(work: (stores: Stores) => Promise<T>): Promise<T>;
  abstract read<T>(work: (stores: Stores) => Promise<T>): Promise<T>;
  /** Throws when the database cannot answer a trivial query. */
  abstract ping(): Promise<void>;
}
