import { Module } from '@nestjs/common';
import { JOB_HANDLERS, type JobHandlers } from '@registry/jobs';
import { RecordHeartbeatUseCase } from './ops/heartbeat.use-cases';

/** Maps each job name to the use case that performs it; shared by the API (in-process) and the worker. */
@Module({
  providers: [
    RecordHeartbeatUseCase,
    {
      provide: JOB_HANDLERS,
      inject: [RecordHeartbeatUseCase],
      useFactory: (heartbeat: RecordHeartbeatUseCase): JobHandlers => ({
        heartbeat: (payload, context) => heartbeat.execute(payload, context),
      }),
    },
  ],
  exports: [JOB_HANDLERS],
})
export class JobHandlersModule {}
