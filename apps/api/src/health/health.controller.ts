import { Controller, Get, Res } from '@nestjs/common';
import { ApiOkResponse, ApiOperation, ApiServiceUnavailableResponse, ApiTags } from '@nestjs/swagger';
import { Public } from '@registry/auth';
import { CheckReadinessUseCase } from '@registry/ledger';
import type { Response } from 'express';
import { PROBLEM_JSON } from '../http/problem-details.filter';
import { LivenessResponse, ReadinessResponse } from './health.response';

@ApiTags('health')
@Public()
@Controller('health')
export class HealthController {
  constructor(private readonly checkReadiness: CheckReadinessUseCase) {}

  @Get('live')
  @ApiOperation({ summary: 'Liveness' })
  @ApiOkResponse({ type: LivenessResponse, description: 'the process is up' })
  live(): { status: 'ok' } {
    return { status: 'ok' };
  }

  @Get('ready')
  @ApiOperation({ summary: 'Readiness of the database and (when configured) Redis' })
  @ApiOkResponse({ type: ReadinessResponse, description: 'the database (and Redis, when configured) answer' })
  @ApiServiceUnavailableResponse({ description: 'a dependency does not answer; `checks` says which' })
  async ready(@Res({ passthrough: true }) res: Response): Promise<object> {
    const { ready, checks } = await this.checkReadiness.execute();
    if (ready) return { status: 'ok', checks };
    res.status(503).type(PROBLEM_JSON);
    return {
      type: '/problems/service-unavailable',
      title: 'Service Unavailable',
      status: 503,
      code: 'SERVICE_UNAVAILABLE',
      detail: 'a dependency of the registry does not answer',
      checks,
    };
  }
}
