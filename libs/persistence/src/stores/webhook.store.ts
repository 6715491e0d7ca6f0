import type { WebhookAttemptOutcome, WebhookDeliveryRecord, WebhookRecord, WebhookStore } from '@registry/ledger/webhooks/webhook-ports';
import type { Sql } from './sql';

interface WebhookRow {
  id: string;
  organization_id: string;
  url: string;
  events: string;
  secret: string;
  previous_secret: string | null;
  previous_secret_expires_at: string | null;
  created_seq: number | string;
  created_at: string;
  deleted_at: string | null;
}

interface DeliveryRow {
  id: string;
  webhook_id: string;
  event_id: string;
  event_type: string;
  body: string;
  status: WebhookDeliveryRecord['status'];
  attempts: number | string;
  last_status_code: number | string | null;
  last_error: string | null;
  created_at: string;
  last_attempt_at: string | null;
  next_attempt_at: string;
  delivered_at: string | null;
}

export class SqlWebhookStore implements WebhookStore {
  constructor(private readonly sql: Sql) {}

  async insert(w: WebhookRecord): Promise<void> {
    await this.sql.query(
      `INSERT INTO webhooks (id, organization_id, url, events, secret, previous_secret, previous_secret_expires_at, created_seq, created_at, deleted_at)
       VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
      [w.id, w.organizationId, w.url, JSON.stringify(w.events), w.secret, w.previousSecret, w.previousSecretExpiresAt, w.createdSeq, w.createdAt, w.deletedAt],
    );
  }

  async findById(id: string): Promise<WebhookRecord | null> {
    const row = await this.sql.one<WebhookRow>(`SELECT * FROM webhooks WHERE id = ? AND deleted_at IS NULL`, [id]);
    return row ? toWebhook(row) : null;
  }

  async listByOrganization(organizationId: string): Promise<WebhookRecord[]> {
    const rows = await this.sql.query<WebhookRow>(`SELECT * FROM webhooks WHERE organization_id = ? AND deleted_at IS NULL ORDER BY created_at, id`, [
      organizationId,
    ]);
    return rows.map(toWebhook);
  }

  async listForOrganizations(organizationIds: string[]): Promise<WebhookRecord[]> {
    if (organizationIds.length === 0) return [];
    const marks = organizationIds.map(() => '?').join(', ');
    const rows = await this.sql.query<WebhookRow>(`SELECT * FROM webhooks WHERE organization_id IN (${marks}) AND deleted_at IS NULL ORDER BY id`, organizationIds);
    return rows.map(toWebhook);
  }

  async markDeleted(id: string, at: string): Promise<void> {
    await this.sql.query(`UPDATE webhooks SET deleted_at = ? WHERE id = ? AND deleted_at IS NULL`, [at, id]);
  }

  async replaceSecret(id: string, secret: string, previousSecret: string, previousSecretExpiresAt: string): Promise<void> {
    await this.sql.query(`UPDATE webhooks SET secret = ?, previous_secret = ?, previous_secret_expires_at = ? WHERE id = ?`, [
      secret,
      previousSecret,
      previousSecretExpiresAt,
      id,
    ]);
  }

  dispatchCursor(): Promise<number> {
    return this.readCursor('');
  }

  lockDispatchCursor(): Promise<number> {
    // SQLite writers are already serialised; PostgreSQL: one dispatcher at a time, in any process.
    return this.readCursor(this.sql.postgres ? ' FOR UPDATE' : '');
  }

  private async readCursor(lock: string): Promise<number> {
    const row = await this.sql.one<{ last_seq: number | string }>(`SELECT last_seq FROM webhook_dispatch_cursor WHERE id = 1${lock}`);
    if (!row) throw new Error('webhook_dispatch_cursor row is missing: the webhooks migration did not run');
    return Number(row.last_seq);
  }

  async advanceDispatchCursor(seq: number): Promise<void> {
    await this.sql.query(`UPDATE webhook_dispatch_cursor SET last_seq = ? WHERE id = 1 AND last_seq < ?`, [seq, seq]);
  }

  async insertDelivery(d: WebhookDeliveryRecord): Promise<boolean> {
    const rows = await this.sql.query(
      `INSERT INTO webhook_deliveries (id, webhook_id, event_id, event_type, body, status, attempts, last_status_code, last_error, created_at, last_attempt_at, next_attempt_at, delivered_at)
       VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?) ON CONFLICT (event_id, webhook_id) DO NOTHING RETURNING id`,
      [d.id, d.webhookId, d.eventId, d.eventType, d.body, d.status, d.attempts, d.lastStatusCode, d.lastError, d.createdAt, d.lastAttemptAt, d.nextAttemptAt, d.deliveredAt],
    );
    return rows.length > 0;
  }

  async findDelivery(id: string): Promise<WebhookDeliveryRecord | null> {
    const row = await this.sql.one<DeliveryRow>(`SELECT * FROM webhook_deliveries WHERE id = ?`, [id]);
    return row ? toDelivery(row) : null;
  }

  async recordAttempt(id: string, o: WebhookAttemptOutcome): Promise<void> {
    await this.sql.query(
      `UPDATE webhook_deliveries SET status = ?, attempts = ?, last_status_code = ?, last_error = ?, last_attempt_at = ?, next_attempt_at = ?, delivered_at = ? WHERE id = ?`,
      [o.status, o.attempts, o.lastStatusCode, o.lastError, o.lastAttemptAt, o.nextAttemptAt, o.deliveredAt, id],
    );
  }

  async listDeliveries(webhookId: string, limit: number, before?: { createdAt: string; id: string }): Promise<WebhookDeliveryRecord[]> {
    const rows = before
      ? await this.sql.query<DeliveryRow>(
          `SELECT * FROM webhook_deliveries WHERE webhook_id = ? AND (created_at < ? OR (created_at = ? AND id < ?)) ORDER BY created_at DESC, id DESC LIMIT ?`,
          [webhookId, before.createdAt, before.createdAt, before.id, limit],
        )
      : await this.sql.query<DeliveryRow>(`SELECT * FROM webhook_deliveries WHERE webhook_id = ? ORDER BY created_at DESC, id DESC LIMIT ?`, [webhookId, limit]);
    return rows.map(toDelivery);
  }

  async dueDeliveries(now: string, limit: number): Promise<WebhookDeliveryRecord[]> {
    const rows = await this.sql.query<DeliveryRow>(
      `SELECT * FROM webhook_deliveries WHERE status = 'pending' AND next_attempt_at <= ? ORDER BY next_attempt_at, id LIMIT ?`,
      [now, limit],
    );
    return rows.map(toDelivery);
  }
}

function toWebhook(r: WebhookRow): WebhookRecord {
  return {
    id: r.id,
    organizationId: r.organization_id,
    url: r.url,
    events: JSON.parse(r.events) as string[],
    secret: r.secret,
    previousSecret: r.previous_secret,
    previousSecretExpiresAt: r.previous_secret_expires_at,
    createdSeq: Number(r.created_seq),
    createdAt: r.created_at,
    deletedAt: r.deleted_at,
  };
}

function toDelivery(r: DeliveryRow): WebhookDeliveryRecord {
  return {
    id: r.id,
    webhookId: r.webhook_id,
    eventId: r.event_id,
    eventType: r.event_type,
    body: r.body,
    status: r.status,
    attempts: Number(r.attempts),
    lastStatusCode: r.last_status_code === null ? null : Number(r.last_status_code),
    lastError: r.last_error,
    createdAt: r.created_at,
    lastAttemptAt: r.last_attempt_at,
    nextAttemptAt: r.next_attempt_at,
    deliveredAt: r.delivered_at,
  };
}
