import { ApiProperty } from '@nestjs/swagger';

export class HeartbeatResponse {
  @ApiProperty({ description: 'poll GET /v1/ops/jobs/{jobId} with it', example: 'heartbeat-3f2b8c1e-6a4d-4e9b-8c7f-1d2e3a4b5c6d' })
  jobId: string;
}

export class JobRunResponse {
  @ApiProperty({ example: 'heartbeat-3f2b8c1e-6a4d-4e9b-8c7f-1d2e3a4b5c6d' })
  jobId: string;

  @ApiProperty({ description: 'the job type', example: 'heartbeat' })
  name: string;

  @ApiProperty({ description: 'the role of the process that ran it (api or worker)', example: 'worker' })
  processedBy: string;

  @ApiProperty({ type: 'integer', example: 1 })
  attempts: number;

  @ApiProperty({ format: 'date-time', example: '2026-11-30T13:40:00.000Z' })
  processedAt: string;
}
