import { Module } from '@nestjs/common';
import { CreateOrganizationUseCase } from './organizations/create-organization.use-case';
import { GetOrganizationUseCase } from './organizations/get-organization.use-case';
import { CheckReadinessUseCase } from './ops/check-readiness.use-case';
import { GetJobRunUseCase, RecordHeartbeatUseCase, RequestHeartbeatUseCase } from './ops/heartbeat.use-cases';

const USE_CASES = [
  CreateOrganizationUseCase,
  GetOrganizationUseCase,
  RequestHeartbeatUseCase,
  GetJobRunUseCase,
  CheckReadinessUseCase,
];

/** Use cases for the HTTP API and the CLI. Needs PersistenceModule and JobsModule (both global). */
@Module({ providers: USE_CASES, exports: USE_CASES })
export class LedgerModule {}
