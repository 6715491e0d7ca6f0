import { Injectable } from '@nestjs/common';
import { JobQueue, REGISTRY_QUEUE } from '@registry/jobs';
import { Gauge } from 'prom-client';
import { MetricsRegistry } from './metrics-registry';

/** Jobs waiting, running and failed, asked of the queue (BullMQ's Redis or the in-process one) at each scrape. */
@Injectable()
export class QueueDepthMetrics {
  constructor(registry: MetricsRegistry, queue: JobQueue) {
    new Gauge({
      name: 'registry_job_queue_jobs',
      help: 'Jobs in the queue by state, read when scraped; no series while the queue does not answer',
      labelNames: ['queue', 'state'],
      registers: [registry],
      async collect() {
        this.reset();
        const health = await queue.health();
        if (!health.ok) return;
        this.set({ queue: REGISTRY_QUEUE, state: 'waiting' }, health.waiting ?? 0);
        this.set({ queue: REGISTRY_QUEUE, state: 'active' }, health.active ?? 0);
        this.set({ queue: REGISTRY_QUEUE, state: 'failed' }, health.failed);
      },
    });
  }
}
