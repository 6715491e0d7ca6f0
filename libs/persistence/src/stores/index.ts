import type { Stores } from '@registry/ledger/ports';
import { SqlApiKeyStore } from './api-key.store';
import { SqlBlockStore } from './block.store';
import { SqlIdempotencyStore } from './idempotency.store';
import { SqlJobRunStore } from './job-run.store';
import { SqlJournalStore } from './journal.store';
import { SqlOrganizationStore } from './organization.store';
import { SqlRetirementStore } from './retirement.store';
import type { Sql } from './sql';

export { NativeSqliteSql, TypeOrmPostgresSql, type NativeSqliteHandle, type Sql } from './sql';

export function storesFor(sql: Sql): Stores {
  return {
    organizations: new SqlOrganizationStore(sql),
    apiKeys: new SqlApiKeyStore(sql),
    jobRuns: new SqlJobRunStore(sql),
    blocks: new SqlBlockStore(sql),
    retirements: new SqlRetirementStore(sql),
    journal: new SqlJournalStore(sql),
    idempotency: new SqlIdempotencyStore(sql),
  };
}
