import { Injectable } from '@nestjs/common';
import type { FastifyReply, FastifyRequest } from 'fastify';
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

  /** Fastify onResponse hook: every answer (401, 413, 429 included) is measured, from the request's arrival. */
  readonly onResponse = (request: FastifyRequest, reply: FastifyReply, done: () => void): void => {
    // routeOptions.url is the matched route's pattern ('/v1/retirements/:id'); a 404 has none.
    const labels = { method: METHODS.has(request.method) ? request.method : 'OTHER', route: request.routeOptions.url ?? UNMATCHED_ROUTE, status_class: `${Math.floor(reply.statusCode / 100)}xx` };
    this.requests.inc(labels);
    this.duration.observe(labels, reply.elapsedTime / 1000);
    done();
  };
}
