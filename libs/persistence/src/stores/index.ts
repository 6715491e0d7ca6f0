import type { Stores } from '@registry/ledger/ports';
import type { EntityManager } from 'typeorm';
import { TypeOrmApiKeyStore } from './api-key.store';
import { SqlBlockStore } from './block.store';
import { SqlIdempotencyStore } from './idempotency.store';
import { TypeOrmJobRunStore } from './job-run.store';
import { SqlJournalStore } from './journal.store';
import { TypeOrmOrganizationStore } from './organization.store';
import { SqlRetirementStore } from './retirement.store';
import { Sql } from './sql';

export function storesFor(em: EntityManager): Stores {
  const sql = new Sql(em);
  return {
    organizations: new TypeOrmOrganizationStore(em),
    apiKeys: new TypeOrmApiKeyStore(em),
    jobRuns: new TypeOrmJobRunStore(em),
    blocks: new SqlBlockStore(sql),
    retirements: new SqlRetirementStore(sql),
    journal: new SqlJournalStore(sql),
    idempotency: new SqlIdempotencyStore(sql),
  };
}
