import { Injectable } from '@nestjs/common';
import { DomainError } from '@registry/domain';
import { actorLabel, type Actor } from '@registry/ledger/actor';
import { runLedgerCommand } from '@registry/ledger/ledger-command';
import { UnitOfWork } from '@registry/ledger/ports';
import { assertMayManageKeysOf } from './api-key-access';

export interface RevokeApiKeyCommand {
  apiKeyId: string;
  actor: Actor;
}

/**
 * Revokes a key for good. Every process authenticates against the database on each request
 * (no key cache), so the next request with this key is refused wherever it arrives.
 * Revoking a revoked key again succeeds and keeps the first instant.
 */
@Injectable()
export class RevokeApiKeyUseCase {
  constructor(private readonly uow: UnitOfWork) {}

  async execute(command: RevokeApiKeyCommand): Promise<void> {
    const what = `API key ${command.apiKeyId}`;
    const key = await this.uow.read(({ apiKeys }) => apiKeys.findById(command.apiKeyId));
    if (!key) throw new DomainError('NOT_FOUND', `${what} does not exist`);
    assertMayManageKeysOf(command.actor, key.organizationId, what);
    if (key.revokedAt) return;
    await runLedgerCommand(this.uow, actorLabel(command.actor), undefined, async ({ stores, now }) => {
      await stores.apiKeys.revoke(key.id, now);
      return { journalType: 'api_key.revoked', journalPayload: { apiKeyId: key.id, organizationId: key.organizationId }, result: null };
    });
  }
}
