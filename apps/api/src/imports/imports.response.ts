import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';

const IMPORT_STATUSES = ['queued', 'running', 'done', 'failed'];

export class ImportStartedResponse {
  @ApiProperty({ format: 'uuid', example: '7c9e6679-7425-40de-944b-e07fc1f90ae7' })
  id: string;

  @ApiProperty({ enum: ['queued'], example: 'queued' })
  status: 'queued';
}

export class RefusedRowResponse {
  @ApiProperty({ type: 'integer', description: '1-based data row of the file', example: 12 })
  row: number;

  @ApiProperty({ description: 'the serial as the row gave it', example: 'JCL-ERL-R012-1000001-1000500' })
  serial: string;

  @ApiProperty({ description: 'a problem code', example: 'SERIAL_CONFLICT' })
  code: string;

  @ApiProperty({ example: 'overlaps a block held by another organisation' })
  message: string;
}

export class ImportResponse {
  @ApiProperty({ format: 'uuid', example: '7c9e6679-7425-40de-944b-e07fc1f90ae7' })
  id: string;

  @ApiProperty({ enum: ['holdings'], example: 'holdings' })
  kind: 'holdings';

  @ApiProperty({ enum: IMPORT_STATUSES, example: 'done' })
  status: string;

  @ApiProperty({ type: String, nullable: true, description: 'the statement format asked for (null: detected from the header)', example: 'registry' })
  format: string | null;

  @ApiProperty({ description: 'a dry run checks every row and writes nothing', example: false })
  dryRun: boolean;

  @ApiProperty({ type: 'integer', description: 'data rows read so far', example: 120 })
  total: number;

  @ApiProperty({ type: 'integer', example: 117 })
  accepted: number;

  @ApiProperty({ type: 'integer', description: 'rows already registered identically', example: 1 })
  skipped: number;

  @ApiProperty({ type: 'integer', example: 2 })
  refused: number;

  @ApiProperty({ type: [RefusedRowResponse], description: 'the first 1,000 refused rows; GET …/refused.csv has them all' })
  refusedRows: RefusedRowResponse[];

  @ApiPropertyOptional({ description: 'why a failed import stopped, or why the last attempt of a queued one failed (it will be tried again)', example: 'the file is not a readable statement' })
  error?: string;

  @ApiProperty({ format: 'date-time', example: '2026-11-30T13:40:00.000Z' })
  createdAt: string;

  @ApiProperty({ format: 'date-time', example: '2026-11-30T13:40:02.000Z' })
  updatedAt: string;
}
