import { Injectable } from '@nestjs/common';
import { DomainError, newWebhookSecret, WEBHOOK_PING_EVENT } from '@registry/domain';
import { JobQueue } from '@registry/jobs';
import { actorLabel, type Actor } from '../actor';
import { runLedgerCommand } from '../ledger-command';
import { UnitOfWork, type Stores } from '../ports';
import { enqueueWebhookDelivery } from './webhook-delivery-job';
import { newDeliveryId } from './webhook-ids';
import type { WebhookDeliveryRecord, WebhookRecord } from './webhook-ports';
import { deliveryView, webhookView, type WebhookDeliveryView, type WebhookView, type WebhookWithSecretView } from './webhook-view';

type OrganizationActor = Extract<Actor, { kind: 'organization' }>;

export interface WebhookCommand {
  actor: OrganizationActor;
  webhookId: string;
}

/** During this long after a rotation the old secret signs too (Standard Webhooks: several signatures). */
export const SECRET_ROTATION_GRACE_MS = 24 * 3600_000;

/** Another organisation's webhook is NOT_FOUND, as one that does not exist: ids are not probed. */
async function ownWebhook(stores: Stores, actor: OrganizationActor, webhookId: string): Promise<WebhookRecord> {
  const webhook = await stores.webhooks.findById(webhookId);
  if (!webhook || webhook.organizationId !== actor.organizationId) throw new DomainError('NOT_FOUND', `webhook ${webhookId} not found`);
  return webhook;
}

@Injectable()
export class ListWebhooksQuery {
  constructor(private readonly uow: UnitOfWork) {}

  async execute(command: { actor: OrganizationActor }): Promise<WebhookView[]> {
    const now = new Date().toISOString();
    return (await this.uow.read((stores) => stores.webhooks.listByOrganization(command.actor.organizationId))).map((w) => webhookView(w, now));
  }
}

/** Deletes (journaled); its pending deliveries are not sent. */
@Injectable()
export class DeleteWebhookUseCase {
  constructor(private readonly uow: UnitOfWork) {}

  async execute(command: WebhookCommand): Promise<void> {
    await runLedgerCommand(this.uow, actorLabel(command.actor), undefined, async ({ stores, now }) => {
      const webhook = await ownWebhook(stores, command.actor, command.webhookId);
      await stores.webhooks.markDeleted(webhook.id, now);
      return { journalType: 'webhook.deleted', journalPayload: { id: webhook.id, organizationId: webhook.organizationId }, result: undefined };
    });
  }
}

/** A new secret, answered once; the previous one keeps signing beside it for 24 h so receivers can switch without losing events. */
@Injectable()
export class RotateWebhookSecretUseCase {
  constructor(private readonly uow: UnitOfWork) {}

  async execute(command: WebhookCommand): Promise<WebhookWithSecretView> {
    const { result } = await runLedgerCommand(this.uow, actorLabel(command.actor), undefined, async ({ stores, now }) => {
      const webhook = await ownWebhook(stores, command.actor, command.webhookId);
      const rotated: WebhookRecord = {
        ...webhook,
        secret: newWebhookSecret(),
        previousSecret: webhook.secret,
        previousSecretExpiresAt: new Date(Date.parse(now) + SECRET_ROTATION_GRACE_MS).toISOString(),
      };
      await stores.webhooks.replaceSecret(rotated.id, rotated.secret, rotated.previousSecret!, rotated.previousSecretExpiresAt!);
      return {
        journalType: 'webhook.secret_rotated',
        journalPayload: { id: webhook.id, organizationId: webhook.organizationId, previousSecretExpiresAt: rotated.previousSecretExpiresAt },
        result: { ...webhookView(rotated, now), secret: rotated.secret },
      };
    });
    return result;
  }
}

/** A `webhook.ping` event to this webhook alone, through the same delivery path as every event. */
@Injectable()
export class PingWebhookUseCase {
  constructor(
    private readonly uow: UnitOfWork,
    private readonly queue: JobQueue,
  ) {}

  async execute(command: WebhookCommand): Promise<WebhookDeliveryView> {
    const delivery = await this.uow.write(async (stores) => {
      const webhook = await ownWebhook(stores, command.actor, command.webhookId);
      const now = new Date().toISOString();
      const id = newDeliveryId();
      const record: WebhookDeliveryRecord = {
        id,
        webhookId: webhook.id,
        eventId: `ping_${id.slice('msg_'.length)}`,
        eventType: WEBHOOK_PING_EVENT,
        body: JSON.stringify({ type: WEBHOOK_PING_EVENT, timestamp: now, data: { webhookId: webhook.id } }),
        status: 'pending',
        attempts: 0,
        lastStatusCode: null,
        lastError: null,
        createdAt: now,
        lastAttemptAt: null,
        nextAttemptAt: now,
        deliveredAt: null,
      };
      await stores.webhooks.insertDelivery(record);
      return record;
    });
    await enqueueWebhookDelivery(this.queue, delivery.id);
    return deliveryView(delivery);
  }
}

export interface ListWebhookDeliveriesCommand extends WebhookCommand {
  limit: number;
  cursor?: string;
}

/** The delivery log, newest first, in pages: `nextCursor` continues after the page's last delivery. */
@Injectable()
export class ListWebhookDeliveriesQuery {
  constructor(private readonly uow: UnitOfWork) {}

  async execute(command: ListWebhookDeliveriesCommand): Promise<{ items: WebhookDeliveryView[]; nextCursor?: string }> {
    const before = command.cursor === undefined ? undefined : decodeCursor(command.cursor);
    return this.uow.read(async (stores) => {
      const webhook = await ownWebhook(stores, command.actor, command.webhookId);
      const rows = await stores.webhooks.listDeliveries(webhook.id, command.limit + 1, before);
      const page = rows.slice(0, command.limit);
      const last = page[page.length - 1];
      return { items: page.map(deliveryView), ...(rows.length > command.limit ? { nextCursor: encodeCursor(last) } : {}) };
    });
  }
}

function encodeCursor(d: WebhookDeliveryRecord): string {
  return Buffer.from(JSON.stringify([d.createdAt, d.id])).toString('base64url');
}

function decodeCursor(cursor: string): { createdAt: string; id: string } {
  try {
    const value: unknown = JSON.parse(Buffer.from(cursor, 'base64url').toString('utf8'));
    if (Array.isArray(value) && value.length === 2 && value.every((v) => typeof v === 'string')) return { createdAt: value[0] as string, id: value[1] as string };
  } catch {
    /* refused below */
  }
  throw new DomainError('VALIDATION_FAILED', 'cursor is not one this endpoint gave', { errors: [{ field: 'cursor', message: 'is not one this endpoint gave' }] });
}
