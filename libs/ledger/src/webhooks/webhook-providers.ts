import type { Provider } from '@nestjs/common';
import { DeleteWebhookUseCase, ListWebhookDeliveriesQuery, ListWebhooksQuery, PingWebhookUseCase, RotateWebhookSecretUseCase } from './manage-webhooks.use-cases';
import { RegisterWebhookUseCase } from './register-webhook.use-case';
import { NodeWebhookNetwork, WebhookNetwork } from './webhook-network';

export const WEBHOOK_NETWORK_PROVIDER: Provider = { provide: WebhookNetwork, useClass: NodeWebhookNetwork };

/** The webhook use cases of the HTTP API (LedgerModule registers them). */
export const WEBHOOK_USE_CASES = [
  RegisterWebhookUseCase,
  ListWebhooksQuery,
  DeleteWebhookUseCase,
  RotateWebhookSecretUseCase,
  PingWebhookUseCase,
  ListWebhookDeliveriesQuery,
];
