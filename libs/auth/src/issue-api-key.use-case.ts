import { Injectable } from '@nestjs/common';
import { DomainError } from '@registry/domain';
import { actorLabel, type Actor } from '@registry/ledger/actor';
import { runLedgerCommand } from '@registry/ledger/ledger-command';
import { UnitOfWork } from '@registry/ledger/ports';
import { randomUUID } from 'node:crypto';
import { generateApiKey } from './api-key-format';

/** An instant with its time zone (API.md: instants are ISO 8601), e.g. 2030-01-01T00:00:00Z. */
export const ISO_INSTANT = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2}(\.\d{1,9})?)?(Z|[+-]\d{2}:\d{2})$/;

export interface IssueApiKeyCommand {
  organizationId: string;
  label?: string;
  /** ISO 8601 instant; the key is refused from then on. */
  expiresAt?: string;
  /** Who issues it, for the journal; none: the operator's console (`keys create`, `seed demo`). */
  actor?: Actor;
}

export interface IssuedApiKey {
  id: string;
  organizationId: string;
  /** Shown once; only its digest is stored. */
  key: string;
  label: string | null;
  createdAt: string;
  expiresAt: string | null;
}

@Injectable()
export class IssueApiKeyUseCase {
  constructor(private readonly uow: UnitOfWork) {}

  async execute(command: IssueApiKeyCommand): Promise<IssuedApiKey> {
    const now = new Date();
    const expiresAt = command.expiresAt === undefined ? null : futureInstant(command.expiresAt, now);
    const generated = generateApiKey();
    const record = {
      id: randomUUID(),
      organizationId: command.organizationId,
      lookupId: generated.lookupId,
      secretSha256: generated.secretSha256,
      label: command.label?.trim() || null,
      createdAt: now.toISOString(),
      revokedAt: null,
      expiresAt,
      lastUsedAt: null,
    };
    await runLedgerCommand(this.uow, command.actor ? actorLabel(command.actor) : 'operator:cli', undefined, async ({ stores }) => {
      if (!(await stores.organizations.findById(command.organizationId))) {
        throw new DomainError('NOT_FOUND', `organization ${command.organizationId} does not exist`);
      }
      await stores.apiKeys.insert(record);
      // The key's id, never its secret or digest: the journal is published in the transparency log.
      return { journalType: 'api_key.issued', journalPayload: { apiKeyId: record.id, organizationId: record.organizationId, expiresAt }, result: null };
    });
    const { id, organizationId, label, createdAt } = record;
    return { id, organizationId, key: generated.key, label, createdAt, expiresAt };
  }
}

function futureInstant(value: string, now: Date): string {
  const at = new Date(value);
  const refuse = (message: string) =>
    new DomainError('VALIDATION_FAILED', `expiresAt ${message}`, { errors: [{ field: 'expiresAt', message }] });
  if (!ISO_INSTANT.test(value) || Number.isNaN(at.getTime())) throw refuse('must be an ISO 8601 instant with a time zone, e.g. 2030-01-01T00:00:00Z');
  if (at.getTime() <= now.getTime()) throw refuse('must be in the future');
  return at.toISOString();
}
