import { Global, Module } from '@nestjs/common';
import { LogMetrics } from '@registry/ledger/ports';
import { HttpMetrics } from './http-metrics';
import { MetricsController } from './metrics.controller';
import { MetricsRegistry } from './metrics-registry';
import { PromLogMetrics } from './prom-log-metrics';
import { QueueDepthMetrics } from './queue-depth-metrics';
import { RetirementMetrics } from './retirement-metrics';

/**
 * GET /metrics and what it shows. Global so that the ledger's sequencer finds LogMetrics (where this
 * module is absent, it falls back to NO_LOG_METRICS).
 */
@Global()
@Module({
  controllers: [MetricsController],
  providers: [MetricsRegistry, HttpMetrics, RetirementMetrics, QueueDepthMetrics, { provide: LogMetrics, useClass: PromLogMetrics }],
  exports: [MetricsRegistry, HttpMetrics, RetirementMetrics, LogMetrics],
})
export class MetricsModule {}
