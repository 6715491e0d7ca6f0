import { Module } from '@nestjs/common';
import { REGISTRY_CONFIG, type RegistryConfig } from '@registry/config';
import { JOB_HANDLERS, withFaults, type JobHandlers } from '@registry/jobs';
import { CertificateQueries } from './certificates/certificate.queries';
import { RenderCertificatePdfUseCase } from './certificates/render-certificate-pdf.use-case';
import { RecordHeartbeatUseCase } from './ops/heartbeat.use-cases';
import { IMPORT_USE_CASES } from './imports';
import { HoldingsImportJob } from './imports/holdings-import-job';

/** Maps each job name to the use case that performs it; shared by the API (in-process) and the worker. */
@Module({
  providers: [
    RecordHeartbeatUseCase,
    RenderCertificatePdfUseCase,
    CertificateQueries,
    ...IMPORT_USE_CASES,
    HoldingsImportJob,
    {
      provide: JOB_HANDLERS,
      inject: [RecordHeartbeatUseCase, RenderCertificatePdfUseCase, HoldingsImportJob, REGISTRY_CONFIG],
      useFactory: (heartbeat: RecordHeartbeatUseCase, certificatePdf: RenderCertificatePdfUseCase, holdingsImport: HoldingsImportJob, config: RegistryConfig): JobHandlers =>
        withFaults(
          {
            heartbeat: (payload, context) => heartbeat.execute(payload, context),
            'certificate-pdf': (payload, context) => certificatePdf.execute(payload, context),
            'holdings-import': (payload, context) => holdingsImport.execute(payload, context),
          },
          config.jobFaults,
        ),
    },
  ],
  exports: [JOB_HANDLERS],
})
export class JobHandlersModule {}
