import { Module } from '@nestjs/common';
import { CertificateQueries } from './certificates/certificate.queries';
import { CertificateSweepScheduler } from './certificates/certificate-sweep.scheduler';
import { ClaimCertificates } from './certificates/claim-certificates';
import { GetCertificatePdfQuery } from './certificates/get-certificate-pdf.query';
import { SweepCertificatePdfsUseCase } from './certificates/sweep-certificate-pdfs.use-case';
import { AssignCertifierUseCase } from './claims/assign-certifier.use-case';
import { AuthorizeProviderUseCase } from './claims/authorize-provider.use-case';
import { CertifierAuthorityQuery } from './claims/certifier-authority.query';
import { ClaimProvidersQuery } from './claims/claim-providers.query';
import { ChangeClaimStatusUseCase } from './claims/change-claim-status.use-case';
import { CLAIM_PROCESS_USE_CASES } from './claims/claim-process.providers';
import { CreateClaimUseCase } from './claims/create-claim.use-case';
import { GetClaimQuery } from './claims/get-claim.query';
import { RegisterQuery } from './claims/register.query';
import { RegisterClaimQuery } from './claims/register-claim.query';
import { ReportActualsUseCase } from './claims/report-actuals.use-case';
import { ListHoldingsQuery } from './holdings/list-holdings.query';
import { RegisterHoldingUseCase } from './holdings/register-holding.use-case';
import { VoidDuplicateHoldingUseCase } from './holdings/void-duplicate-holding.use-case';
import { IdentityDuplicatesQuery } from './serials/identity-duplicates.query';
import { JournalQueries } from './journal/journal.queries';
import { LogQueries } from './log/log.queries';
import { CheckReadinessUseCase } from './ops/check-readiness.use-case';
import { GetJobRunUseCase, RequestHeartbeatUseCase } from './ops/heartbeat.use-cases';
import { CreateOrganizationUseCase } from './organizations/create-organization.use-case';
import { GetOrganizationUseCase } from './organizations/get-organization.use-case';
import { GetRetirementQuery } from './retirements/get-retirement.query';
import { RecordRetirementEvidenceUseCase } from './retirements/record-evidence.use-case';
import { RetireCreditsUseCase } from './retirements/retire-credits.use-case';
import { PreviewRetirementQuery } from './retirements/preview-retirement.query';
import { OwnRetirementQuery } from './retirements/own-retirement.query';
import { VoidRetirementUseCase } from './retirements/void-retirement.use-case';
import { LIST_QUERIES } from './lists';
import { RenameOrganizationUseCase } from './organizations/rename-organization.use-case';
import { RevokeProviderUseCase } from './claims/revoke-provider.use-case';
import { EditDraftClaimUseCase } from './claims/edit-draft-claim.use-case';
import { CheckSerialsQuery } from './status/check-serials.query';
import { SerialStatusQuery } from './status/serial-status.query';
import { TransferSerialsUseCase } from './transfers/transfer-serials.use-case';
import { WEBHOOK_NETWORK_PROVIDER, WEBHOOK_USE_CASES } from './webhooks/webhook-providers';
import { GetReconciliationQuery } from './reconciliation/get-reconciliation.query';
import { ReconciliationAlertListener } from './reconciliation/reconciliation-alert-listener';
import { RequestReconciliationUseCase } from './reconciliation/request-reconciliation.use-case';
import { RunReconciliationUseCase } from './reconciliation/run-reconciliation.use-case';
import { IMPORT_API_USE_CASES, IMPORT_SWEEP_PROVIDERS, IMPORT_USE_CASES } from './imports';

const USE_CASES = [
  CreateOrganizationUseCase,
  GetOrganizationUseCase,
  RequestHeartbeatUseCase,
  GetJobRunUseCase,
  CheckReadinessUseCase,
  RegisterHoldingUseCase,
  VoidDuplicateHoldingUseCase,
  IdentityDuplicatesQuery,
  ListHoldingsQuery,
  TransferSerialsUseCase,
  RetireCreditsUseCase,
  GetRetirementQuery,
  PreviewRetirementQuery,
  OwnRetirementQuery,
  VoidRetirementUseCase,
  SerialStatusQuery,
  CheckSerialsQuery,
  JournalQueries,
  LogQueries,
  CreateClaimUseCase,
  GetClaimQuery,
  ChangeClaimStatusUseCase,
  AuthorizeProviderUseCase,
  ClaimProvidersQuery,
  ReportActualsUseCase,
  AssignCertifierUseCase,
  CertifierAuthorityQuery,
  RegisterQuery,
  RegisterClaimQuery,
  ...CLAIM_PROCESS_USE_CASES,
  CertificateQueries,
  GetCertificatePdfQuery,
  ClaimCertificates,
  RecordRetirementEvidenceUseCase,
  SweepCertificatePdfsUseCase,
  ...LIST_QUERIES,
  RenameOrganizationUseCase,
  RevokeProviderUseCase,
  EditDraftClaimUseCase,
  ...WEBHOOK_USE_CASES,
  ReconciliationAlertListener,
  RequestReconciliationUseCase,
  RunReconciliationUseCase,
  GetReconciliationQuery,
  ...IMPORT_USE_CASES,
  ...IMPORT_API_USE_CASES,
];

/** Use cases for the HTTP API and the CLI. Needs PersistenceModule and JobsModule (both global). */
@Module({ providers: [...USE_CASES, WEBHOOK_NETWORK_PROVIDER], exports: USE_CASES })
export class LedgerModule {}

/** The PDF repair sweep, for the processes that run jobs or enqueue them (API, worker). */
@Module({ providers: [SweepCertificatePdfsUseCase, CertificateSweepScheduler, ...IMPORT_SWEEP_PROVIDERS] })
export class CertificateSweepModule {}
