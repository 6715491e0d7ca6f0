import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { REGISTRY_EXPORT_FORMATS } from '@registry/domain';

const STATUSES = ['queued', 'running', 'done', 'failed'];

export class ReconciliationQueuedResponse {
  @ApiProperty({ format: 'uuid' })
  id: string;

  @ApiProperty({ enum: STATUSES, example: 'queued' })
  status: string;
}

export class ReconciliationAlertResponse {
  @ApiProperty({ example: 'retired_in_registry_held_here' })
  kind: string;

  @ApiProperty({ example: 'VCS-1234-100-200' })
  serial: string;

  @ApiProperty({ example: 'the registry shows these credits retired while the ledger holds them' })
  detail: string;
}

export class ReconciliationResponse {
  @ApiProperty({ format: 'uuid' })
  id: string;

  @ApiProperty({ enum: STATUSES, example: 'done' })
  status: string;

  @ApiProperty({ type: String, enum: REGISTRY_EXPORT_FORMATS, nullable: true, description: 'null until detected from the header', example: 'verra' })
  format: string | null;

  @ApiProperty({ type: String, nullable: true })
  layout: string | null;

  @ApiProperty({ type: 'integer', description: 'rows read', example: 120 })
  rows: number;

  @ApiProperty({ type: 'integer', example: 118 })
  matched: number;

  @ApiProperty({ type: 'integer', example: 1 })
  unreadable: number;

  @ApiProperty({ type: 'integer', description: 'every alert, where `alerts` holds the first 1,000', example: 1 })
  alertCount: number;

  @ApiProperty({ type: [ReconciliationAlertResponse] })
  alerts: ReconciliationAlertResponse[];

  @ApiPropertyOptional({ description: 'why a failed reconciliation failed' })
  error?: string;

  @ApiProperty({ format: 'date-time' })
  createdAt: string;

  @ApiProperty({ type: String, nullable: true, format: 'date-time' })
  finishedAt: string | null;
}
