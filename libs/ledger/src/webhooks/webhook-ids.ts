import { newId } from '../ids';

/** The `webhook-id` header of a delivery (Standard Webhooks calls it the message id). */
export function newDeliveryId(): string {
  return `msg_${newId().replace(/-/g, '')}`;
}
