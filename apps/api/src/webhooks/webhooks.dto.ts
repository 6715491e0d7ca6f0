import { ApiProperty } from '@nestjs/swagger';
import { WEBHOOK_EVENT_TYPES, WEBHOOK_PING_EVENT } from '@registry/domain';
import { ArrayMaxSize, ArrayMinSize, IsArray, IsIn, IsString, MaxLength } from 'class-validator';

export class CreateWebhookDto {
  @ApiProperty({ description: 'https URL of a public host (http and private addresses only with WEBHOOK_ALLOW_PRIVATE_NETWORKS=true)', example: 'https://hooks.example.com/registry' })
  @IsString() @MaxLength(2000)
  url: string;

  @ApiProperty({ enum: WEBHOOK_EVENT_TYPES, isArray: true, example: ['retirement.created', 'claim.certified'] })
  @IsArray() @ArrayMinSize(1) @ArrayMaxSize(WEBHOOK_EVENT_TYPES.length) @IsIn(WEBHOOK_EVENT_TYPES, { each: true })
  events: string[];
}

export class WebhookDto {
  @ApiProperty({ format: 'uuid' }) id: string;
  @ApiProperty() url: string;
  @ApiProperty({ enum: WEBHOOK_EVENT_TYPES, isArray: true }) events: string[];
  @ApiProperty({ format: 'date-time' }) createdAt: string;
  @ApiProperty({ format: 'date-time', nullable: true, type: String, description: 'after a rotation: until then the previous secret signs too' })
  previousSecretExpiresAt: string | null;
}

export class WebhookWithSecretDto extends WebhookDto {
  @ApiProperty({ description: 'whsec_ + base64 of 32 random bytes; shown once (Standard Webhooks signing key)', example: 'whsec_MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw' })
  secret: string;
}

export class WebhookListDto {
  @ApiProperty({ type: [WebhookDto] }) items: WebhookDto[];
}

export class WebhookDeliveryDto {
  @ApiProperty({ description: 'the webhook-id header, the same at every attempt', example: 'msg_0192f0c4a1b27c3d8e9f0a1b2c3d4e5f' }) id: string;
  @ApiProperty({ description: 'evt_<journal sequence>, or ping_<id> for a ping' }) eventId: string;
  @ApiProperty({ enum: [...WEBHOOK_EVENT_TYPES, WEBHOOK_PING_EVENT] }) type: string;
  @ApiProperty({ enum: ['pending', 'delivered', 'failed'] }) status: string;
  @ApiProperty() attempts: number;
  @ApiProperty({ nullable: true, type: Number }) lastStatusCode: number | null;
  @ApiProperty({ nullable: true, type: String }) lastError: string | null;
  @ApiProperty({ format: 'date-time' }) createdAt: string;
  @ApiProperty({ format: 'date-time', nullable: true, type: String }) lastAttemptAt: string | null;
  @ApiProperty({ format: 'date-time', nullable: true, type: String }) nextAttemptAt: string | null;
  @ApiProperty({ format: 'date-time', nullable: true, type: String }) deliveredAt: string | null;
}

export class WebhookDeliveryListDto {
  @ApiProperty({ type: [WebhookDeliveryDto] }) items: WebhookDeliveryDto[];
  @ApiProperty({ required: false }) nextCursor?: string;
}
