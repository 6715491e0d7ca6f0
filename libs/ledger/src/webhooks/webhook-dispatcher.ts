import { Injectable, Logger, OnApplicationBootstrap, OnApplicationShutdown } from '@nestjs/common';
import { payloadString, webhookEventData, webhookMappingFor, type JournalEntry, type WebhookEventMapping } from '@registry/domain';
import { JobQueue } from '@registry/jobs';
import { UnitOfWork, type Stores } from '../ports';
import { onLedgerCommitted } from './ledger-commit-listeners';
import { enqueueWebhookDelivery } from './webhook-delivery-job';
import { newDeliveryId } from './webhook-ids';
import type { WebhookDeliveryRecord } from './webhook-ports';

const ENTRIES_PER_TRANSACTION = 200;

/**
 * Turns journal entries into deliveries: reads the entries after the last sequence it handled,
 * maps each entry type to an event and its recipients, writes one delivery row per (event,
 * webhook) and moves its cursor, in one transaction; then enqueues the deliveries. The rows are
 * the outbox: a crash after the commit leaves them pending for the sweep, a crash before it
 * leaves the cursor where it was, so every entry is dispatched (at least once, and the unique
 * (event, webhook) index makes a second pass a no-op).
 */
@Injectable()
export class WebhookDispatcher implements OnApplicationBootstrap, OnApplicationShutdown {
  private readonly logger = new Logger('WebhookDispatcher');
  private running: Promise<void> | null = null;
  private again = false;
  private unsubscribe?: () => void;

  constructor(
    private readonly uow: UnitOfWork,
    private readonly queue: JobQueue,
  ) {}

  onApplicationBootstrap(): void {
    this.unsubscribe = onLedgerCommitted(() => this.nudge());
  }

  async onApplicationShutdown(): Promise<void> {
    this.unsubscribe?.();
    await this.running;
  }

  /** Coalesces: commits during a run cause one more run, not one each. */
  nudge(): void {
    if (this.running) {
      this.again = true;
      return;
    }
    this.running = (async () => {
      do {
        this.again = false;
        await this.dispatch().catch((error: Error) => this.logger.warn({ err: error.message }, 'webhook dispatch failed; the sweep will retry'));
      } while (this.again);
    })().finally(() => (this.running = null));
  }

  /** Dispatches every entry written so far; returns how many deliveries it created. */
  async dispatch(): Promise<number> {
    let total = 0;
    for (;;) {
      const { created, more } = await this.uow.write(async (stores) => {
        const after = await stores.webhooks.lockDispatchCursor();
        const entries = await stores.journal.entries(after, ENTRIES_PER_TRANSACTION);
        const deliveries: WebhookDeliveryRecord[] = [];
        for (const entry of entries) deliveries.push(...(await this.deliveriesFor(stores, entry)));
        if (entries.length > 0) await stores.webhooks.setDispatchCursor(entries[entries.length - 1].seq);
        return { created: deliveries, more: entries.length === ENTRIES_PER_TRANSACTION };
      });
      for (const delivery of created) await enqueueWebhookDelivery(this.queue, delivery.id);
      total += created.length;
      if (!more) return total;
    }
  }

  private async deliveriesFor(stores: Stores, entry: JournalEntry): Promise<WebhookDeliveryRecord[]> {
    const mapping = webhookMappingFor(entry.type);
    if (!mapping) return [];
    const payload = parsePayload(entry.payload);
    const recipients = await recipientsOf(stores, mapping, payload);
    const webhooks = (await stores.webhooks.listForOrganizations([...recipients])).filter(
      (w) => w.events.includes(mapping.event) && w.createdSeq < entry.seq,
    );
    const body = JSON.stringify({ type: mapping.event, timestamp: entry.recordedAt, data: { journalSeq: entry.seq, ...webhookEventData(mapping, payload) } });
    const out: WebhookDeliveryRecord[] = [];
    for (const webhook of webhooks) {
      const delivery: WebhookDeliveryRecord = {
        id: newDeliveryId(),
        webhookId: webhook.id,
        eventId: `evt_${entry.seq}`,
        eventType: mapping.event,
        body,
        status: 'pending',
        attempts: 0,
        lastStatusCode: null,
        lastError: null,
        createdAt: new Date().toISOString(),
        lastAttemptAt: null,
        nextAttemptAt: entry.recordedAt,
        deliveredAt: null,
      };
      if (await stores.webhooks.insertDelivery(delivery)) out.push(delivery);
    }
    return out;
  }
}

function parsePayload(text: string): Record<string, unknown> {
  try {
    const value: unknown = JSON.parse(text);
    return value !== null && typeof value === 'object' && !Array.isArray(value) ? (value as Record<string, unknown>) : {};
  } catch {
    return {};
  }
}

async function recipientsOf(stores: Stores, mapping: WebhookEventMapping, payload: Record<string, unknown>): Promise<Set<string>> {
  const out = new Set<string>();
  for (const rule of mapping.recipients) {
    if ('organizationIdAt' in rule) {
      const id = payloadString(payload, rule.organizationIdAt);
      if (id) out.add(id);
      continue;
    }
    const claimId = payloadString(payload, 'claimApplicantOf' in rule ? rule.claimApplicantOf : rule.claimCertifierOf);
    const claim = claimId ? await stores.claims.findById(claimId) : null;
    if (!claim) continue;
    const id = 'claimApplicantOf' in rule ? claim.applicantId : claim.certifierId;
    if (id) out.add(id);
  }
  return out;
}
