import { Controller, Get, HttpCode, Param, Post } from '@nestjs/common';
import { ApiAcceptedResponse, ApiBearerAuth, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { Roles } from '@registry/auth';
import { GetJobRunUseCase, RequestHeartbeatUseCase, type JobRunRecord } from '@registry/ledger';
import { HeartbeatResponse, JobRunResponse } from './jobs.response';

@ApiTags('operations')
@ApiBearerAuth()
@Roles('admin')
@Controller('v1/ops')
export class JobsController {
  constructor(
    private readonly requestHeartbeat: RequestHeartbeatUseCase,
    private readonly getJobRun: GetJobRunUseCase,
  ) {}

  @Post('heartbeat')
  @ApiOperation({ summary: 'Enqueue a heartbeat job (proves the job path)' })
  @HttpCode(202)
  @ApiAcceptedResponse({ type: HeartbeatResponse, description: 'a heartbeat job was enqueued; poll /v1/ops/jobs/{jobId}' })
  heartbeat(): Promise<{ jobId: string }> {
    return this.requestHeartbeat.execute();
  }

  @Get('jobs/:jobId')
  @ApiOperation({ summary: 'Which process ran a job' })
  @ApiOkResponse({ type: JobRunResponse, description: 'the job ran: which process ran it, after how many attempts' })
  job(@Param('jobId') jobId: string): Promise<JobRunRecord> {
    return this.getJobRun.execute(jobId);
  }
}
