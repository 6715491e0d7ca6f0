import { Controller, Get, Res } from '@nestjs/common';
import { ApiBearerAuth, ApiOkResponse, ApiOperation, ApiProduces, ApiTags } from '@nestjs/swagger';
import { AcceptsMetricsToken, Roles } from '@registry/auth';
import type { FastifyReply } from 'fastify';
import { MetricsRegistry } from './metrics-registry';

@ApiTags('operations')
@Controller('metrics')
export class MetricsController {
  constructor(private readonly registry: MetricsRegistry) {}

  @Get()
  @ApiOperation({
    summary: 'Prometheus metrics of this API process',
    description: 'For the operator: the admin key, or METRICS_TOKEN as the bearer (what a Prometheus scraper is given). Each process answers for itself.',
  })
  @ApiBearerAuth()
  @Roles('admin')
  @AcceptsMetricsToken()
  @ApiProduces('text/plain')
  @ApiOkResponse({ description: 'the Prometheus text exposition format (version 0.0.4)', schema: { type: 'string' } })
  async scrape(@Res({ passthrough: true }) res: FastifyReply): Promise<string> {
    res.header('Content-Type', this.registry.contentType);
    return this.registry.metrics();
  }
}
