import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';

export class LivenessResponse {
  @ApiProperty({ enum: ['ok'], example: 'ok' })
  status: 'ok';
}

export class DatabaseCheckResponse {
  @ApiProperty({ example: true })
  ok: boolean;

  @ApiPropertyOptional({ description: 'why the database did not answer', example: 'timed out after 2000 ms' })
  error?: string;
}

export class JobsCheckResponse {
  @ApiProperty({ example: true })
  ok: boolean;

  @ApiProperty({ enum: ['in-process', 'bullmq'], example: 'bullmq' })
  mode: 'in-process' | 'bullmq';

  @ApiPropertyOptional({ type: 'integer', description: 'jobs waiting (BullMQ)', example: 0 })
  waiting?: number;

  @ApiPropertyOptional({ type: 'integer', description: 'jobs running (BullMQ)', example: 1 })
  active?: number;

  @ApiProperty({ type: 'integer', description: 'jobs that failed for good', example: 0 })
  failed: number;

  @ApiPropertyOptional({ description: 'why the queue did not answer', example: 'connect ECONNREFUSED 127.0.0.1:6379' })
  error?: string;
}

export class ReadinessChecksResponse {
  @ApiProperty({ type: DatabaseCheckResponse })
  database: DatabaseCheckResponse;

  @ApiProperty({ type: JobsCheckResponse })
  jobs: JobsCheckResponse;
}

export class ReadinessResponse {
  @ApiProperty({ enum: ['ok'], example: 'ok' })
  status: 'ok';

  @ApiProperty({ type: ReadinessChecksResponse })
  checks: ReadinessChecksResponse;
}
