import { DynamicModule, Module } from '@nestjs/common';
import { RegistryConfigModule, type RegistryConfig } from '@registry/config';
import { DocumentsModule } from '@registry/documents';
import { JobsModule } from '@registry/jobs';
import { CertificateSweepModule, JobHandlersModule, LogSequencerModule, WebhookDispatchModule } from '@registry/ledger';
import { PersistenceModule } from '@registry/persistence';
import { LoggerModule } from 'nestjs-pino';

/** No HTTP, no producer queue: the database and the job handlers the BullMQ worker calls. */
@Module({})
export class WorkerModule {
  static forRoot(config: RegistryConfig): DynamicModule {
    return {
      module: WorkerModule,
      imports: [
        RegistryConfigModule.forRoot(config),
        LoggerModule.forRoot({ pinoHttp: { level: config.logLevel } }),
        PersistenceModule,
        DocumentsModule,
        JobsModule.forRoot(JobHandlersModule),
        CertificateSweepModule,
        WebhookDispatchModule.forRoot({ periodicSweep: true }),
        LogSequencerModule,
      ],
    };
  }
}
