import { Injectable } from '@nestjs/common';
import { DomainError } from '@registry/domain';
import type { Actor } from '@registry/ledger/actor';
import { UnitOfWork, type ApiKeyRecord } from '@registry/ledger/ports';
import { assertMayManageKeysOf } from './api-key-access';
import { apiKeyPrefix } from './api-key-format';

export interface ListApiKeysCommand {
  organizationId: string;
  actor: Actor;
}

/** What may be shown about a key after its creation: never the secret, nor its digest. */
export interface ApiKeySummary {
  id: string;
  prefix: string;
  label: string | null;
  createdAt: string;
  lastUsedAt: string | null;
  expiresAt: string | null;
  revokedAt: string | null;
}

@Injectable()
export class ListApiKeysUseCase {
  constructor(private readonly uow: UnitOfWork) {}

  async execute(command: ListApiKeysCommand): Promise<{ items: ApiKeySummary[] }> {
    const what = `organization ${command.organizationId}`;
    assertMayManageKeysOf(command.actor, command.organizationId, what);
    const keys = await this.uow.read(async ({ organizations, apiKeys }) => {
      if (!(await organizations.findById(command.organizationId))) throw new DomainError('NOT_FOUND', `${what} does not exist`);
      return apiKeys.listByOrganization(command.organizationId);
    });
    return { items: keys.map(toSummary) };
  }
}

export function toSummary(key: ApiKeyRecord): ApiKeySummary {
  return {
    id: key.id,
    prefix: apiKeyPrefix(key.lookupId),
    label: key.label,
    createdAt: key.createdAt,
    lastUsedAt: key.lastUsedAt,
    expiresAt: key.expiresAt,
    revokedAt: key.revokedAt,
  };
}
