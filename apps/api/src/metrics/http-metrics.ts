import { Injectable } from '@nestjs/common';
import type { NextFunction, Request, Response } from 'express';
import { Counter, Histogram } from 'prom-client';
import { MetricsRegistry } from './metrics-registry';

const LABELS = ['method', 'route', 'status_class'] as const;
const METHODS = new Set(['GET', 'HEAD', 'POST', 'PUT', 'PATCH', 'DELETE', 'OPTIONS']);
/** Requests no route matched (404s, bodies refused before routing): one series, whatever the URL. */
export const UNMATCHED_ROUTE = 'unmatched';

/** Request count and latency per method, route pattern and status class (never the raw URL: ids would explode the series). */
@Injectable()
export class HttpMetrics {
  private readonly requests: Counter<(typeof LABELS)[number]>;
  private readonly duration: Histogram<(typeof LABELS)[number]>;

  constructor(registry: MetricsRegistry) {
    this.requests = new Counter({ name: 'registry_http_requests_total', help: 'HTTP requests answered', labelNames: LABELS, registers: [registry] });
    this.duration = new Histogram({
      name: 'registry_http_request_duration_seconds',
      help: 'Time from the request arriving to its answer being sent',
      labelNames: LABELS,
      buckets: [0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10],
      registers: [registry],
    });
  }

  /** Express middleware, mounted first so that every answer (401, 413, 429 included) is measured. */
  readonly middleware = (req: Request, res: Response, next: NextFunction): void => {
    const stop = this.duration.startTimer();
    let done = false;
    const record = () => {
      if (done) return;
      done = true;
      // Express sets req.route when a route matched; its path is the pattern ('/v1/retirements/:id').
      const labels = { method: METHODS.has(req.method) ? req.method : 'OTHER', route: routePattern(req), status_class: `${Math.floor(res.statusCode / 100)}xx` };
      this.requests.inc(labels);
      stop(labels);
    };
    res.once('finish', record);
    res.once('close', record);
    next();
  };
}

/**
 * Nest's middleware for every path ('/{*path}', registered with all(), i.e. every method) also sets
 * req.route; a controller's route is registered for its one method.
 */
function routePattern(req: Request): string {
  const route = req.route as { path?: unknown; methods?: Record<string, boolean> } | undefined;
  return typeof route?.path === 'string' && Object.keys(route.methods ?? {}).length === 1 ? route.path : UNMATCHED_ROUTE;
}
