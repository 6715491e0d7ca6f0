import { Injectable } from '@nestjs/common';
import { LogMetrics } from '@registry/ledger/ports';
import { Gauge, Histogram } from 'prom-client';
import { MetricsRegistry } from './metrics-registry';

/** The transparency log's size and merge delay (commit to sequenced; API.md promises at most 1 s). */
@Injectable()
export class PromLogMetrics extends LogMetrics {
  private readonly treeSize: Gauge;
  private readonly mergeDelay: Histogram;

  constructor(registry: MetricsRegistry) {
    super();
    this.treeSize = new Gauge({ name: 'registry_log_tree_size', help: 'Leaves in the transparency log after the last sequencing', registers: [registry] });
    this.mergeDelay = new Histogram({
      name: 'registry_log_merge_delay_seconds',
      help: 'Time from an entry being committed to its being sequenced into the log',
      buckets: [0.05, 0.1, 0.25, 0.5, 0.75, 1, 2, 5, 10],
      registers: [registry],
    });
  }

  observeSequenced(treeSize: number, mergeDelaysMs: number[]): void {
    this.treeSize.set(treeSize);
    for (const delay of mergeDelaysMs) this.mergeDelay.observe(delay / 1000);
  }
}
