import { DynamicModule, Global, Inject, Module, OnApplicationShutdown } from '@nestjs/common';
import { REGISTRY_CONFIG, type RegistryConfig } from '@registry/config';
import { BullMqJobQueue } from './bullmq-job-queue';
import { InProcessJobQueue } from './in-process-job-queue';
import { JOB_HANDLERS, JobQueue, type JobHandlers } from './job-types';

/**
 * Provides the JobQueue: BullMQ when REDIS_URL is set, else in-process. `handlersModule` must
 * export JOB_HANDLERS (the in-process queue runs them itself).
 */
@Global()
@Module({})
export class JobsModule implements OnApplicationShutdown {
  constructor(@Inject(JobQueue) private readonly queue: JobQueue) {}

  static forRoot(handlersModule: DynamicModule | (new (...args: never[]) => unknown)): DynamicModule {
    return {
      module: JobsModule,
      imports: [handlersModule],
      providers: [
        {
          provide: JobQueue,
          inject: [REGISTRY_CONFIG, JOB_HANDLERS],
          useFactory: (config: RegistryConfig, handlers: JobHandlers) =>
            config.redisUrl ? new BullMqJobQueue(config.redisUrl, config.redisPrefix) : new InProcessJobQueue(handlers),
        },
      ],
      exports: [JobQueue],
    };
  }

  async onApplicationShutdown(): Promise<void> {
    if (this.queue instanceof InProcessJobQueue) await this.queue.drain();
    if (this.queue instanceof BullMqJobQueue) await this.queue.close();
  }
}
