export interface WebhookRecord {
  id: string;
  organizationId: string;
  url: string;
  events: string[];
  /**
   * The `whsec_` secret itself: signing needs it (an HMAC key cannot be kept as a one-way digest).
   * Never answered after creation, never journaled, never logged.
   */
  secret: string;
  /** The secret before the last rotation, still signing (beside the new one) until `previousSecretExpiresAt`. */
  previousSecret: string | null;
  previousSecretExpiresAt: string | null;
  /** Journal sequence of its registration: it hears of entries after this one only. */
  createdSeq: number;
  createdAt: string;
  deletedAt: string | null;
}

export type WebhookDeliveryStatus = 'pending' | 'delivered' | 'failed';

export interface WebhookDeliveryRecord {
  /** The `webhook-id` header: the same for every attempt. */
  id: string;
  webhookId: string;
  /** `evt_<journal seq>` for journal events, `ping_<id>` for a ping. */
  eventId: string;
  eventType: string;
  /** The JSON body, fixed when the delivery is created so that every attempt sends the same bytes. */
  body: string;
  status: WebhookDeliveryStatus;
  attempts: number;
  lastStatusCode: number | null;
  lastError: string | null;
  createdAt: string;
  lastAttemptAt: string | null;
  nextAttemptAt: string;
  deliveredAt: string | null;
}

export interface WebhookAttemptOutcome {
  status: WebhookDeliveryStatus;
  attempts: number;
  lastStatusCode: number | null;
  lastError: string | null;
  lastAttemptAt: string;
  nextAttemptAt: string;
  deliveredAt: string | null;
}

export interface WebhookStore {
  insert(webhook: WebhookRecord): Promise<void>;
  /** A webhook that was not deleted. */
  findById(id: string): Promise<WebhookRecord | null>;
  listByOrganization(organizationId: string): Promise<WebhookRecord[]>;
  /** Live webhooks of these organisations (filter by event in the caller). */
  listForOrganizations(organizationIds: string[]): Promise<WebhookRecord[]>;
  markDeleted(id: string, at: string): Promise<void>;
  replaceSecret(id: string, secret: string, previousSecret: string, previousSecretExpiresAt: string): Promise<void>;
  /** The last journal sequence turned into deliveries. */
  dispatchCursor(): Promise<number>;
  /** The same, locked until the transaction ends (one dispatcher writes at a time). */
  lockDispatchCursor(): Promise<number>;
  /** Moves the cursor forward to `seq` (never back). */
  advanceDispatchCursor(seq: number): Promise<void>;
  /** False when this event already has a delivery to this webhook (a dispatcher ran the entry twice). */
  insertDelivery(delivery: WebhookDeliveryRecord): Promise<boolean>;
  findDelivery(id: string): Promise<WebhookDeliveryRecord | null>;
  recordAttempt(id: string, outcome: WebhookAttemptOutcome): Promise<void>;
  /** Newest first; `before` is the id of the last delivery of the previous page. */
  listDeliveries(webhookId: string, limit: number, before?: { createdAt: string; id: string }): Promise<WebhookDeliveryRecord[]>;
  /** Pending deliveries whose next attempt is due, oldest first. */
  dueDeliveries(now: string, limit: number): Promise<WebhookDeliveryRecord[]>;
}
