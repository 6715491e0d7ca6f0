import { Injectable, Logger, OnApplicationBootstrap, OnApplicationShutdown } from '@nestjs/common';
import { payloadString, webhookEventData, webhookMappingFor, type JournalEntry, type WebhookEventMapping } from '@registry/domain';
import { JobQueue } from '@registry/jobs';
import { UnitOfWork, type Stores } from '../ports';
import { onLogExtended } from '../log/log-listeners';
import { enqueueWebhookDelivery } from './webhook-delivery-job';
import { newDeliveryId } from './webhook-ids';
import type { WebhookDeliveryRecord } from './webhook-ports';

const ENTRIES_PER_PASS = 200;
/** Entries that notify no one are skipped in memory; the cursor is written at least this often (and at every sweep). */
const PERSIST_CURSOR_EVERY = 1000;

/**
 * Turns journal entries into deliveries: reads the logged entries after the last log place it handled,
 * maps each entry type to an event and its recipients, writes one delivery row per (event,
 * webhook) and moves its cursor, in one transaction; then enqueues the deliveries. The rows are
 * the outbox: a crash after the commit leaves them pending for the sweep, a crash before it
 * leaves the cursor where it was, so every entry is dispatched (at least once, and the unique
 * (event, webhook) index makes a second pass a no-op).
 *
 * Most entries notify no one: those are found with a read, so a commit costs no extra write
 * transaction (and, on SQLite, no extra fsync) unless it has someone to notify.
 */
@Injectable()
export class WebhookDispatcher implements OnApplicationBootstrap, OnApplicationShutdown {
  private readonly logger = new Logger('WebhookDispatcher');
  private running: Promise<void> | null = null;
  private again = false;
  private unsubscribe?: () => void;
  /** Entries up to here were read and notify no one (the stored cursor may lag behind). */
  private scannedUpTo = 0;
  private persistedUpTo = 0;

  constructor(
    private readonly uow: UnitOfWork,
    private readonly queue: JobQueue,
  ) {}

  onApplicationBootstrap(): void {
    this.unsubscribe = onLogExtended(() => this.nudge());
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
      const scan = await this.uow.read(async (stores) => {
        const stored = await stores.webhooks.dispatchCursor();
        const entries = await stores.journal.logged(Math.max(stored, this.scannedUpTo), ENTRIES_PER_PASS);
        for (const entry of entries) if ((await this.planFor(stores, entry)).length > 0) return { stored, entries, notify: true };
        return { stored, entries, notify: false };
      });
      const last = scan.entries.length ? scan.entries[scan.entries.length - 1].logIndex + 1 : undefined;
      if (!scan.notify) {
        if (last !== undefined) {
          this.scannedUpTo = Math.max(this.scannedUpTo, last);
          if (last - scan.stored >= PERSIST_CURSOR_EVERY) await this.persistCursor();
        }
      } else {
        const created = await this.uow.write(async (stores) => {
          const entries = await stores.journal.logged(Math.max(await stores.webhooks.lockDispatchCursor(), this.scannedUpTo), ENTRIES_PER_PASS);
          const deliveries: WebhookDeliveryRecord[] = [];
          for (const entry of entries) {
            for (const delivery of await this.planFor(stores, entry)) if (await stores.webhooks.insertDelivery(delivery)) deliveries.push(delivery);
          }
          if (entries.length > 0) await stores.webhooks.advanceDispatchCursor(entries[entries.length - 1].logIndex + 1);
          return deliveries;
        });
        for (const delivery of created) await enqueueWebhookDelivery(this.queue, delivery.id);
        total += created.length;
      }
      if (scan.entries.length < ENTRIES_PER_PASS) return total;
    }
  }

  /** Writes the in-memory progress over entries that notify no one (the sweep calls it), so a restart does not re-read them. */
  async persistCursor(): Promise<void> {
    const upTo = this.scannedUpTo;
    if (upTo <= this.persistedUpTo) return;
    await this.uow.write((stores) => stores.webhooks.advanceDispatchCursor(upTo));
    this.persistedUpTo = upTo;
  }

  /** The deliveries an entry asks for, not yet written. */
  private async planFor(stores: Stores, entry: JournalEntry): Promise<WebhookDeliveryRecord[]> {
    const mapping = webhookMappingFor(entry.type);
    if (!mapping) return [];
    const payload = parsePayload(entry.payload);
    if (mapping.onlyIfPositive && !(Number(payload[mapping.onlyIfPositive]) > 0)) return [];
    const recipients = await recipientsOf(stores, mapping, payload);
    const webhooks = (await stores.webhooks.listForOrganizations([...recipients])).filter(
      (w) => w.events.includes(mapping.event) && w.createdSeq < entry.seq,
    );
    if (webhooks.length === 0) return [];
    const body = JSON.stringify({ type: mapping.event, timestamp: entry.recordedAt, data: { journalSeq: entry.seq, ...webhookEventData(mapping, payload) } });
    const createdAt = new Date().toISOString();
    return webhooks.map((webhook) => ({
      id: newDeliveryId(),
      webhookId: webhook.id,
      eventId: `evt_${entry.seq}`,
      eventType: mapping.event,
      body,
      status: 'pending',
      attempts: 0,
      lastStatusCode: null,
      lastError: null,
      createdAt,
      lastAttemptAt: null,
      nextAttemptAt: entry.recordedAt,
      deliveredAt: null,
    }));
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
