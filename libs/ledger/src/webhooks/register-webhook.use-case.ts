import { Inject, Injectable } from '@nestjs/common';
import { REGISTRY_CONFIG, type RegistryConfig } from '@registry/config';
import { assertPublicAddresses, DomainError, isWebhookEventType, newWebhookSecret, parseWebhookUrl } from '@registry/domain';
import { actorLabel, type Actor } from '../actor';
import { newId } from '../ids';
import { runLedgerCommand, type IdempotencyRequest } from '../ledger-command';
import { UnitOfWork } from '../ports';
import { WebhookNetwork } from './webhook-network';
import type { WebhookRecord } from './webhook-ports';
import { webhookView, type WebhookWithSecretView } from './webhook-view';

export interface RegisterWebhookCommand {
  actor: Extract<Actor, { kind: 'organization' }>;
  url: string;
  events: string[];
  /** A retried create answers the first webhook (and its secret) again instead of a second one. */
  idempotency?: IdempotencyRequest;
}

/** An organisation's subscription to its own events; answers the secret, once. Journaled (never the secret, nor the URL's path). */
@Injectable()
export class RegisterWebhookUseCase {
  constructor(
    private readonly uow: UnitOfWork,
    private readonly network: WebhookNetwork,
    @Inject(REGISTRY_CONFIG) private readonly config: RegistryConfig,
  ) {}

  async execute(command: RegisterWebhookCommand): Promise<{ result: WebhookWithSecretView; replayed: boolean }> {
    const events = [...new Set(command.events)];
    const unknown = events.filter((event) => !isWebhookEventType(event));
    if (events.length === 0 || unknown.length > 0) {
      throw new DomainError('VALIDATION_FAILED', `events must name at least one known event${unknown.length ? ` (unknown: ${unknown.join(', ')})` : ''}`, {
        errors: [{ field: 'events', message: 'must name at least one known event' }],
      });
    }
    const allowPrivate = this.config.webhookAllowPrivateNetworks;
    const target = parseWebhookUrl(command.url, allowPrivate);
    // Resolved before the transaction (no network wait inside it), and again at every delivery.
    if (!target.isAddress) assertPublicAddresses(target.host, await this.network.resolve(target.host), allowPrivate);
    const organizationId = command.actor.organizationId;
    return runLedgerCommand(this.uow, actorLabel(command.actor), command.idempotency, async ({ stores, seq, now }) => {
      const webhook: WebhookRecord = {
        id: newId(),
        organizationId,
        url: target.url.href,
        events,
        secret: newWebhookSecret(),
        previousSecret: null,
        previousSecretExpiresAt: null,
        createdSeq: seq,
        createdAt: now,
        deletedAt: null,
      };
      await stores.webhooks.insert(webhook);
      return {
        journalType: 'webhook.registered',
        journalPayload: { id: webhook.id, organizationId, events, host: target.host },
        result: { ...webhookView(webhook, now), secret: webhook.secret },
      };
    });
  }
}
