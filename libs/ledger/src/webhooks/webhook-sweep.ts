import { DynamicModule, Injectable, Logger, Module, OnApplicationBootstrap, OnApplicationShutdown } from '@nestjs/common';
import { JobQueue } from '@registry/jobs';
import { UnitOfWork } from '../ports';
import { enqueueWebhookDelivery } from './webhook-delivery-job';
import { WebhookDispatcher } from './webhook-dispatcher';

const SWEEP_INTERVAL_MS = 30_000;
const DUE_PER_SWEEP = 500;

/**
 * At start-up and every 30 s: dispatch journal entries no nudge reached (a crash, a commit by
 * another process such as the CLI), and re-enqueue deliveries that are due (the queue lost them
 * in a crash, used up its quick retries, or the slow backoff has come round).
 */
@Injectable()
export class WebhookSweepScheduler implements OnApplicationBootstrap, OnApplicationShutdown {
  private readonly logger = new Logger('WebhookSweep');
  private timer?: NodeJS.Timeout;

  constructor(
    private readonly dispatcher: WebhookDispatcher,
    private readonly uow: UnitOfWork,
    private readonly queue: JobQueue,
  ) {}

  onApplicationBootstrap(): void {
    const run = () => this.sweep().catch((error: Error) => this.logger.warn({ err: error.message }, 'webhook sweep failed'));
    void run();
    this.timer = setInterval(() => void run(), SWEEP_INTERVAL_MS);
    this.timer.unref();
  }

  onApplicationShutdown(): void {
    clearInterval(this.timer);
  }

  async sweep(): Promise<void> {
    await this.dispatcher.dispatch();
    await this.dispatcher.persistCursor();
    const due = await this.uow.read((stores) => stores.webhooks.dueDeliveries(new Date().toISOString(), DUE_PER_SWEEP));
    for (const delivery of due) await enqueueWebhookDelivery(this.queue, delivery.id);
  }
}

/**
 * The dispatcher (nudged after each commit of this process) and, where asked, the periodic sweep:
 * in the worker, and in the API when jobs run in-process (with BullMQ the workers sweep).
 */
@Module({})
export class WebhookDispatchModule {
  static forRoot({ periodicSweep }: { periodicSweep: boolean }): DynamicModule {
    return { module: WebhookDispatchModule, providers: [WebhookDispatcher, ...(periodicSweep ? [WebhookSweepScheduler] : [])] };
  }
}
