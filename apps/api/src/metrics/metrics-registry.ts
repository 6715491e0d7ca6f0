import { Injectable } from '@nestjs/common';
import { collectDefaultMetrics, Registry } from 'prom-client';

/**
 * The metrics of one application instance, with Node's default process metrics. Not prom-client's
 * global registry: tests start many apps in one process, and a second registration there throws.
 */
@Injectable()
export class MetricsRegistry extends Registry {
  constructor() {
    super();
    collectDefaultMetrics({ register: this });
  }
}
