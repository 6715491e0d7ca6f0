import type { ApiKeyRecord, ApiKeyStore } from '@registry/ledger/ports';
import type { EntityManager } from 'typeorm';
import { ApiKeyEntity } from '../entities';

export class TypeOrmApiKeyStore implements ApiKeyStore {
  constructor(private readonly em: EntityManager) {}

  async insert(key: ApiKeyRecord): Promise<void> {
    await this.em.insert(ApiKeyEntity, key);
  }

  findByLookupId(lookupId: string): Promise<ApiKeyRecord | null> {
    return this.em.findOneBy(ApiKeyEntity, { lookupId });
  }
}
