import { Module } from '@nestjs/common';
import { ModuleRef } from '@nestjs/core';
import { REGISTRY_CONFIG, type RegistryConfig } from '@registry/config';
import { JOB_HANDLERS, withFaults, type JobHandlers } from '@registry/jobs';
import { CertificateQueries } from './certificates/certificate.queries';
import { RenderCertificatePdfUseCase } from './certificates/render-certificate-pdf.use-case';
import { SweepCertificatePdfsUseCase } from './certificates/sweep-certificate-pdfs.use-case';
import { RecordHeartbeatUseCase } from './ops/heartbeat.use-cases';
import { DeliverWebhookUseCase } from './webhooks/deliver-webhook.use-case';
import { WEBHOOK_NETWORK_PROVIDER } from './webhooks/webhook-providers';
import { ReconciliationAlertListener } from './reconciliation/reconciliation-alert-listener';
import { ReconciliationJobUseCase } from './reconciliation/reconciliation-job.use-case';
import { RunReconciliationUseCase } from './reconciliation/run-reconciliation.use-case';
import { IMPORT_USE_CASES } from './imports';
import { HoldingsImportJob } from './imports/holdings-import-job';

/**
 * Maps each job name to the use case that performs it; shared by the API (in-process) and the worker.
 * Needs the CertificateRenderer port bound (libs/documents' DocumentsModule) besides persistence.
 */
@Module({
  providers: [
    RecordHeartbeatUseCase,
    RenderCertificatePdfUseCase,
    CertificateQueries,
    DeliverWebhookUseCase,
    WEBHOOK_NETWORK_PROVIDER,
    ReconciliationAlertListener,
    RunReconciliationUseCase,
    ReconciliationJobUseCase,
    ...IMPORT_USE_CASES,
    HoldingsImportJob,
    {
      provide: JOB_HANDLERS,
      inject: [RecordHeartbeatUseCase, RenderCertificatePdfUseCase, REGISTRY_CONFIG, DeliverWebhookUseCase, ReconciliationJobUseCase, HoldingsImportJob, ModuleRef],
      useFactory: (
        heartbeat: RecordHeartbeatUseCase,
        certificatePdf: RenderCertificatePdfUseCase,
        config: RegistryConfig,
        webhookDelivery: DeliverWebhookUseCase,
        reconciliation: ReconciliationJobUseCase,
        holdingsImport: HoldingsImportJob,
        modules: ModuleRef,
      ): JobHandlers =>
        withFaults(
          {
            heartbeat: (payload, context) => heartbeat.execute(payload, context),
            'certificate-pdf': (payload, context) => certificatePdf.execute(payload, context),
            'webhook-delivery': (payload, context) => webhookDelivery.execute(payload, context),
            reconciliation: (payload) => reconciliation.execute(payload),
            'holdings-import': (payload, context) => holdingsImport.execute(payload, context),
            // Looked up when run: the sweep enqueues through the JobQueue, which is built from these handlers.
            'certificate-sweep': () => modules.get(SweepCertificatePdfsUseCase, { strict: false }).execute().then(() => undefined),
          },
          config.jobFaults,
        ),
    },
  ],
  exports: [JOB_HANDLERS],
})
export class JobHandlersModule {}
