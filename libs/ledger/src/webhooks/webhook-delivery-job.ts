import { Logger } from '@nestjs/common';
import { JOB_RETRY, type JobQueue } from '@registry/jobs';

const logger = new Logger('WebhookDeliveryJob');

/** Deterministic: the nudge and the sweep enqueuing the same delivery run it once. */
export function webhookDeliveryJobId(deliveryId: string): string {
  return `webhook-delivery.${deliveryId}`;
}

/** Never fails the caller: a delivery not enqueued now is still pending in the table, and the sweep finds it. */
export async function enqueueWebhookDelivery(queue: JobQueue, deliveryId: string): Promise<void> {
  try {
    await queue.enqueue('webhook-delivery', { deliveryId }, { jobId: webhookDeliveryJobId(deliveryId) });
  } catch (error) {
    logger.warn({ deliveryId, err: (error as Error).message }, 'could not enqueue the webhook delivery; the sweep will retry');
  }
}

/** After the job queue's own quick retries, later attempts wait longer and longer (the sweep runs them). */
export const WEBHOOK_MAX_ATTEMPTS = 12;
const QUEUE_ATTEMPTS = JOB_RETRY.attempts;
const SLOW_RETRY_BASE_MS = 30_000;
const SLOW_RETRY_MAX_MS = 6 * 3600_000;

/** When the attempt after `attempts` failed ones is due: at once while the queue retries, then 30 s × 4ⁿ up to 6 h. */
export function nextAttemptAfter(attempts: number, now: Date): Date {
  if (attempts < QUEUE_ATTEMPTS) return now;
  return new Date(now.getTime() + Math.min(SLOW_RETRY_BASE_MS * 4 ** (attempts - QUEUE_ATTEMPTS), SLOW_RETRY_MAX_MS));
}
