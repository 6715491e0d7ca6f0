import { Inject, Injectable, Logger } from '@nestjs/common';
import { REGISTRY_CONFIG, type RegistryConfig } from '@registry/config';
import { webhookSignatureHeader } from '@registry/domain';
import type { JobContext } from '@registry/jobs';
import { UnitOfWork } from '../ports';
import { nextAttemptAfter, WEBHOOK_MAX_ATTEMPTS } from './webhook-delivery-job';
import { WebhookNetwork } from './webhook-network';
import type { WebhookAttemptOutcome } from './webhook-ports';
import { signingSecrets } from './webhook-view';

export interface DeliverWebhookCommand {
  deliveryId: string;
}

/**
 * One attempt at a delivery (the `webhook-delivery` job): POST the stored body with Standard
 * Webhooks headers, record the outcome, and throw on failure so that the job queue retries with
 * backoff. The `webhook-id` is the delivery's id, the same at every attempt; the timestamp and
 * signature are the attempt's own (receivers refuse old timestamps).
 */
@Injectable()
export class DeliverWebhookUseCase {
  private readonly logger = new Logger('DeliverWebhook');

  constructor(
    private readonly uow: UnitOfWork,
    private readonly network: WebhookNetwork,
    @Inject(REGISTRY_CONFIG) private readonly config: RegistryConfig,
  ) {}

  async execute(command: DeliverWebhookCommand, context?: JobContext): Promise<void> {
    const found = await this.uow.read(async (stores) => {
      const delivery = await stores.webhooks.findDelivery(command.deliveryId);
      return delivery && { delivery, webhook: await stores.webhooks.findById(delivery.webhookId) };
    });
    if (!found || found.delivery.status !== 'pending') return; // delivered already, or given up
    const { delivery, webhook } = found;
    const started = new Date();
    const attempts = delivery.attempts + 1;
    if (!webhook) {
      await this.record(delivery.id, { ...failedOutcome(attempts, started, 'the webhook was deleted'), status: 'failed' });
      return;
    }
    const timestamp = Math.floor(started.getTime() / 1000);
    const headers = {
      'content-type': 'application/json',
      'user-agent': 'offset-registry-webhooks/1',
      'webhook-id': delivery.id,
      'webhook-timestamp': String(timestamp),
      'webhook-signature': webhookSignatureHeader(signingSecrets(webhook, started.toISOString()), { id: delivery.id, timestamp, body: delivery.body }),
    };
    let statusCode: number | null = null;
    let error: string | null = null;
    try {
      statusCode = await this.network.post({ url: webhook.url, headers, body: delivery.body, allowPrivateNetworks: this.config.webhookAllowPrivateNetworks });
      if (statusCode < 200 || statusCode > 299) error = `the receiver answered ${statusCode}`;
    } catch (e) {
      error = (e instanceof Error ? e.message : String(e)).slice(0, 300);
    }
    const finishedAt = new Date();
    if (error === null) {
      await this.record(delivery.id, {
        status: 'delivered',
        attempts,
        lastStatusCode: statusCode,
        lastError: null,
        lastAttemptAt: finishedAt.toISOString(),
        nextAttemptAt: finishedAt.toISOString(),
        deliveredAt: finishedAt.toISOString(),
      });
      return;
    }
    const giveUp = attempts >= WEBHOOK_MAX_ATTEMPTS;
    await this.record(delivery.id, {
      ...failedOutcome(attempts, finishedAt, error),
      lastStatusCode: statusCode,
      status: giveUp ? 'failed' : 'pending',
      nextAttemptAt: nextAttemptAfter(attempts, finishedAt).toISOString(),
    });
    this.logger.warn({ deliveryId: delivery.id, webhookId: webhook.id, attempt: attempts, jobAttempt: context?.attempt, err: error }, 'webhook delivery attempt failed');
    if (!giveUp) throw new Error(`webhook delivery ${delivery.id} attempt ${attempts} failed: ${error}`);
  }

  private record(id: string, outcome: WebhookAttemptOutcome): Promise<void> {
    return this.uow.write((stores) => stores.webhooks.recordAttempt(id, outcome));
  }
}

function failedOutcome(attempts: number, at: Date, error: string): WebhookAttemptOutcome {
  return { status: 'pending', attempts, lastStatusCode: null, lastError: error, lastAttemptAt: at.toISOString(), nextAttemptAt: at.toISOString(), deliveredAt: null };
}
