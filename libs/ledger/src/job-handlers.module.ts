import { Module } from '@nestjs/common';
import { REGISTRY_CONFIG, type RegistryConfig } from '@registry/config';
import { JOB_HANDLERS, withFaults, type JobHandlers } from '@registry/jobs';
import { CertificateQueries } from './certificates/certificate.queries';
import { RenderCertificatePdfUseCase } from './certificates/render-certificate-pdf.use-case';
import { RecordHeartbeatUseCase } from './ops/heartbeat.use-cases';
import { ReconciliationAlertListener } from './reconciliation/reconciliation-alert-listener';
import { ReconciliationJobUseCase } from './reconciliation/reconciliation-job.use-case';
import { RunReconciliationUseCase } from './reconciliation/run-reconciliation.use-case';

/** Maps each job name to the use case that performs it; shared by the API (in-process) and the worker. */
@Module({
  providers: [
    RecordHeartbeatUseCase,
    RenderCertificatePdfUseCase,
    CertificateQueries,
    ReconciliationAlertListener,
    RunReconciliationUseCase,
    ReconciliationJobUseCase,
    {
      provide: JOB_HANDLERS,
      inject: [RecordHeartbeatUseCase, RenderCertificatePdfUseCase, ReconciliationJobUseCase, REGISTRY_CONFIG],
      useFactory: (
        heartbeat: RecordHeartbeatUseCase,
        certificatePdf: RenderCertificatePdfUseCase,
        reconciliation: ReconciliationJobUseCase,
        config: RegistryConfig,
      ): JobHandlers =>
        withFaults(
          {
            heartbeat: (payload, context) => heartbeat.execute(payload, context),
            'certificate-pdf': (payload, context) => certificatePdf.execute(payload, context),
            reconciliation: (payload) => reconciliation.execute(payload),
          },
          config.jobFaults,
        ),
    },
  ],
  exports: [JOB_HANDLERS],
})
export class JobHandlersModule {}
