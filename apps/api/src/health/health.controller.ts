import { Controller, Get, Res } from '@nestjs/common';
import { ApiOkResponse, ApiOperation, ApiServiceUnavailableResponse, ApiTags } from '@nestjs/swagger';
import { Public } from '@registry/auth';
import { CheckReadinessUseCase } from '@registry/ledger';
import type { FastifyReply } from 'fastify';
import { PROBLEM_JSON } from '../http/problem-details.filter';
import { NotRateLimited } from '../http/rate-limits';
import { ShutdownState } from '../lifecycle/shutdown-state';
import { LivenessResponse, ReadinessResponse } from './health.response';

@ApiTags('health')
@Public()
@NotRateLimited()
@Controller('health')
export class HealthController {
  constructor(
    private readonly checkReadiness: CheckReadinessUseCase,
    private readonly shutdown: ShutdownState,
  ) {}

  @Get('live')
  @ApiOperation({ summary: 'Liveness' })
  @ApiOkResponse({ type: LivenessResponse, description: 'the process is up' })
  live(): { status: 'ok' } {
    return { status: 'ok' };
  }

  @Get('ready')
  @ApiOperation({ summary: 'Readiness of the database and (when configured) Redis; 503 once the process is shutting down' })
  @ApiOkResponse({ type: ReadinessResponse, description: 'the database (and Redis, when configured) answer' })
  @ApiServiceUnavailableResponse({ description: 'a dependency does not answer (`checks` says which), or the process is shutting down' })
  async ready(@Res({ passthrough: true }) res: FastifyReply): Promise<object> {
    const { ready, checks } = await this.checkReadiness.execute();
    const stopping = this.shutdown.isShuttingDown;
    if (ready && !stopping) return { status: 'ok', checks };
    res.status(503).type(PROBLEM_JSON);
    return {
      type: '/problems/service-unavailable',
      title: 'Service Unavailable',
      status: 503,
      code: 'SERVICE_UNAVAILABLE',
      detail: stopping ? 'this process is shutting down; send requests to another' : 'a dependency of the registry does not answer',
      checks,
    };
  }
}
