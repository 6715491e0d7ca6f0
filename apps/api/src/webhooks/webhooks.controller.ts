import { Body, Controller, Delete, Get, HttpCode, Param, Post, Query, Req, Res } from '@nestjs/common';
import { ApiAcceptedResponse, ApiBearerAuth, ApiCreatedResponse, ApiHeader, ApiNoContentResponse, ApiOkResponse, ApiOperation, ApiQuery, ApiTags } from '@nestjs/swagger';
import { Roles, type Principal } from '@registry/auth';
import {
  DeleteWebhookUseCase,
  ListWebhookDeliveriesQuery,
  ListWebhooksQuery,
  PingWebhookUseCase,
  RegisterWebhookUseCase,
  RotateWebhookSecretUseCase,
  type WebhookDeliveryView,
  type WebhookView,
  type WebhookWithSecretView,
} from '@registry/ledger';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { CurrentPrincipal, organizationOf } from '../http/current-principal';
import { idempotencyOf, markReplay } from '../http/idempotency';
import { pageLimit } from '../http/paging';
import { OnlyQueryParameters } from '../http/query-parameters';
import { CreateWebhookDto, WebhookDeliveryDto, WebhookDeliveryListDto, WebhookListDto, WebhookWithSecretDto } from './webhooks.dto';

/** Any organisation, for its own events; another organisation's webhook is 404. */
@ApiTags('webhooks')
@ApiBearerAuth()
@Controller('v1/webhooks')
@Roles('provider', 'applicant', 'auditor', 'certifier', 'verifier')
export class WebhooksController {
  constructor(
    private readonly registerWebhook: RegisterWebhookUseCase,
    private readonly listWebhooks: ListWebhooksQuery,
    private readonly deleteWebhook: DeleteWebhookUseCase,
    private readonly rotateSecret: RotateWebhookSecretUseCase,
    private readonly pingWebhook: PingWebhookUseCase,
    private readonly listDeliveries: ListWebhookDeliveriesQuery,
  ) {}

  @Post()
  @ApiOperation({ summary: "Subscribe the organisation's events (the secret is shown once)" })
  @HttpCode(201)
  @ApiHeader({ name: 'Idempotency-Key', required: false })
  @ApiCreatedResponse({ type: WebhookWithSecretDto, description: 'registered; the secret is shown once. 400 VALIDATION_FAILED names url (not https, not public) or events' })
  async create(
    @Body() body: CreateWebhookDto,
    @CurrentPrincipal() principal: Principal,
    @Req() req: FastifyRequest,
    @Res({ passthrough: true }) res: FastifyReply,
  ): Promise<WebhookWithSecretView> {
    return markReplay(res, await this.registerWebhook.execute({ actor: organizationOf(principal), url: body.url, events: body.events, idempotency: idempotencyOf(req) }));
  }

  @Get()
  @ApiOperation({ summary: "List the organisation's webhooks" })
  @OnlyQueryParameters()
  @ApiOkResponse({ type: WebhookListDto, description: "the caller's webhooks, never their secrets" })
  async list(@CurrentPrincipal() principal: Principal): Promise<{ items: WebhookView[] }> {
    return { items: await this.listWebhooks.execute({ actor: organizationOf(principal) }) };
  }

  @Delete(':id')
  @ApiOperation({ summary: 'Delete a webhook' })
  @HttpCode(204)
  @ApiNoContentResponse({ description: 'no content: the webhook is deleted; pending deliveries are not sent' })
  remove(@Param('id') id: string, @CurrentPrincipal() principal: Principal): Promise<void> {
    return this.deleteWebhook.execute({ actor: organizationOf(principal), webhookId: id });
  }

  @Post(':id/ping')
  @ApiOperation({ summary: 'Send a webhook.ping event' })
  @HttpCode(202)
  @ApiAcceptedResponse({ type: WebhookDeliveryDto, description: 'a webhook.ping event is on its way; follow it in the delivery log' })
  ping(@Param('id') id: string, @CurrentPrincipal() principal: Principal): Promise<WebhookDeliveryView> {
    return this.pingWebhook.execute({ actor: organizationOf(principal), webhookId: id });
  }

  @Post(':id/rotate-secret')
  @ApiOperation({ summary: "Rotate a webhook's secret (the previous one signs too for 24 h)" })
  @HttpCode(200)
  @ApiOkResponse({ type: WebhookWithSecretDto, description: 'a new secret, shown once; the previous one also signs for 24 h (space-separated signatures)' })
  rotate(@Param('id') id: string, @CurrentPrincipal() principal: Principal): Promise<WebhookWithSecretView> {
    return this.rotateSecret.execute({ actor: organizationOf(principal), webhookId: id });
  }

  @Get(':id/deliveries')
  @ApiOperation({ summary: "A webhook's delivery log" })
  @OnlyQueryParameters('limit', 'cursor')
  @ApiQuery({ name: 'limit', required: false, schema: { type: 'integer', minimum: 1, maximum: 1000, default: 100 } })
  @ApiQuery({ name: 'cursor', required: false, type: String })
  @ApiOkResponse({ type: WebhookDeliveryListDto, description: 'the delivery log, newest first: event, type, attempts, last status code or error, times' })
  deliveries(
    @Param('id') id: string,
    @CurrentPrincipal() principal: Principal,
    @Query('limit') limit?: string,
    @Query('cursor') cursor?: string,
  ): Promise<{ items: WebhookDeliveryView[]; nextCursor?: string }> {
    return this.listDeliveries.execute({ actor: organizationOf(principal), webhookId: id, limit: pageLimit(limit), cursor });
  }
}
