import type { WebhookDeliveryRecord, WebhookRecord } from './webhook-ports';

export interface WebhookView {
  id: string;
  url: string;
  events: string[];
  createdAt: string;
  /** Until then the secret before the last rotation signs too. */
  previousSecretExpiresAt: string | null;
}

/** Only at creation and rotation: the secret is shown once. */
export interface WebhookWithSecretView extends WebhookView {
  secret: string;
}

export interface WebhookDeliveryView {
  id: string;
  eventId: string;
  type: string;
  status: WebhookDeliveryRecord['status'];
  attempts: number;
  lastStatusCode: number | null;
  lastError: string | null;
  createdAt: string;
  lastAttemptAt: string | null;
  nextAttemptAt: string | null;
  deliveredAt: string | null;
}

export function webhookView(w: WebhookRecord, now = new Date().toISOString()): WebhookView {
  const previousInForce = w.previousSecretExpiresAt !== null && w.previousSecretExpiresAt > now;
  return { id: w.id, url: w.url, events: w.events, createdAt: w.createdAt, previousSecretExpiresAt: previousInForce ? w.previousSecretExpiresAt : null };
}

export function deliveryView(d: WebhookDeliveryRecord): WebhookDeliveryView {
  return {
    id: d.id,
    eventId: d.eventId,
    type: d.eventType,
    status: d.status,
    attempts: d.attempts,
    lastStatusCode: d.lastStatusCode,
    lastError: d.lastError,
    createdAt: d.createdAt,
    lastAttemptAt: d.lastAttemptAt,
    nextAttemptAt: d.status === 'pending' ? d.nextAttemptAt : null,
    deliveredAt: d.deliveredAt,
  };
}

/** The secrets that sign now: the current one, and the previous one during its grace period. */
export function signingSecrets(w: WebhookRecord, now: string): string[] {
  return w.previousSecret && w.previousSecretExpiresAt && w.previousSecretExpiresAt > now ? [w.secret, w.previousSecret] : [w.secret];
}
