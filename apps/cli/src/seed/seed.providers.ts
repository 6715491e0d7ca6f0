import type { Provider } from '@nestjs/common';
import { JobQueue } from '@registry/jobs';
import {
  AssignCertifierUseCase,
  AuthorizeProviderUseCase,
  ChangeClaimStatusUseCase,
  ClaimCertificates,
  CreateClaimUseCase,
  GetReconciliationQuery,
  ReconciliationJobUseCase,
  RecordVerificationUseCase,
  RegisterHoldingUseCase,
  RequestReconciliationUseCase,
  RetireCreditsUseCase,
} from '@registry/ledger';
import { DeferredJobQueue } from './deferred-job-queue';

/** The ledger use cases `seed demo` calls (CliModule already has the organisation, list and reconciliation-run ones). */
export const SEED_PROVIDERS: Provider[] = [
  { provide: JobQueue, useClass: DeferredJobQueue },
  RegisterHoldingUseCase,
  RetireCreditsUseCase,
  CreateClaimUseCase,
  AuthorizeProviderUseCase,
  AssignCertifierUseCase,
  RecordVerificationUseCase,
  ChangeClaimStatusUseCase,
  ClaimCertificates,
  RequestReconciliationUseCase,
  ReconciliationJobUseCase,
  GetReconciliationQuery,
];
