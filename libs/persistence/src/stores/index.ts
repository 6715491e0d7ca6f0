import type { Stores } from '@registry/ledger/ports';
import type { EntityManager } from 'typeorm';
import { TypeOrmApiKeyStore } from './api-key.store';
import { TypeOrmJobRunStore } from './job-run.store';
import { TypeOrmOrganizationStore } from './organization.store';

export function storesFor(em: EntityManager): Stores {
  return {
    organizations: new TypeOrmOrganizationStore(em),
    apiKeys: new TypeOrmApiKeyStore(em),
    jobRuns: new TypeOrmJobRunStore(em),
  };
}
