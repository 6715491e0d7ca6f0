import { Module } from '@nestjs/common';
import { REGISTRY_CONFIG, type RegistryConfig } from '@registry/config';
import { JOB_HANDLERS, withFaults, type JobHandlers } from '@registry/jobs';
import { CertificateQueries } from './certificates/certificate.queries';
import { RenderCertificatePdfUseCase } from './certificates/render-certificate-pdf.use-case';
import { RecordHeartbeatUseCase } from './ops/heartbeat.use-cases';

/** Maps each job name to the use case that performs it; shared by the API (in-process) and the worker. */
@Module({
  providers: [
    RecordHeartbeatUseCase,
    RenderCertificatePdfUseCase,
    CertificateQueries,
    {
      provide: JOB_HANDLERS,
      inject: [RecordHeartbeatUseCase, RenderCertificatePdfUseCase, REGISTRY_CONFIG],
      useFactory: (heartbeat: RecordHeartbeatUseCase, certificatePdf: RenderCertificatePdfUseCase, config: RegistryConfig): JobHandlers =>
        withFaults(
          {
            heartbeat: (payload, context) => heartbeat.execute(payload, context),
            'certificate-pdf': (payload, context) => certificatePdf.execute(payload, context),
          },
          config.jobFaults,
        ),
    },
  ],
  exports: [JOB_HANDLERS],
})
export class JobHandlersModule {}
