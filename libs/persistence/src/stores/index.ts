import type { Stores } from '@registry/ledger/ports';
import { SqlApiKeyStore } from './api-key.store';
import { SqlBlockStore } from './block.store';
import { SqlCertificateStore } from './certificate.store';
import { SqlClaimProcessStore } from './claim-process.store';
import { SqlClaimStore } from './claim.store';
import { SqlIdempotencyStore } from './idempotency.store';
import { SqlImportStore } from './import.store';
import { SqlJobRunStore } from './job-run.store';
import { SqlJournalStore } from './journal.store';
import { SqlListStore } from './list.store';
import { SqlLogStore } from './log.store';
import { SqlOrganizationStore } from './organization.store';
import { SqlPersonStore } from './person.store';
import { SqlReconciliationStore } from './reconciliation.store';
import { SqlRetirementStore } from './retirement.store';
import { SqlSequenceStore } from './sequence.store';
import { SqlSessionStore } from './session.store';
import { SqlSignInThrottleStore } from './sign-in-throttle.store';
import type { Sql } from './sql';
import { SqlWebhookStore } from './webhook.store';
import { SqlWriteLocks } from './write-locks';

export { NativeSqliteSql, PgSql, pgPoolOf, type NativeSqliteHandle, type PgPool, type PgQueryable, type Sql } from './sql';

export function storesFor(sql: Sql): Stores {
  return {
    organizations: new SqlOrganizationStore(sql),
    apiKeys: new SqlApiKeyStore(sql),
    jobRuns: new SqlJobRunStore(sql),
    blocks: new SqlBlockStore(sql),
    retirements: new SqlRetirementStore(sql),
    journal: new SqlJournalStore(sql),
    log: new SqlLogStore(sql),
    locks: new SqlWriteLocks(sql),
    idempotency: new SqlIdempotencyStore(sql),
    sequences: new SqlSequenceStore(sql),
    claims: new SqlClaimStore(sql),
    certificates: new SqlCertificateStore(sql),
    lists: new SqlListStore(sql),
    claimProcess: new SqlClaimProcessStore(sql),
    webhooks: new SqlWebhookStore(sql),
    reconciliations: new SqlReconciliationStore(sql),
    imports: new SqlImportStore(sql),
    people: new SqlPersonStore(sql),
    sessions: new SqlSessionStore(sql),
    signInThrottles: new SqlSignInThrottleStore(sql),
  };
}
