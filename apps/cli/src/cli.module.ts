import { DynamicModule, Module } from '@nestjs/common';
import { ApiKeysModule, PeopleModule } from '@registry/auth';
import { RegistryConfigModule, type RegistryConfig } from '@registry/config';
import {
  CertificateQueries,
  CreateOrganizationUseCase,
  IdentityDuplicatesQuery,
  IMPORT_USE_CASES,
  JournalQueries,
  LIST_QUERIES,
  ListHoldingsQuery,
  LogQueries,
  LogSequencer,
  OperatorReconciliationUseCase,
  RegisterQuery,
  ReconciliationAlertListener,
  RunReconciliationUseCase,
} from '@registry/ledger';
import { PersistenceModule } from '@registry/persistence';
import { SEED_PROVIDERS } from './seed/seed.providers';

/** What operator commands need: the database and a few use cases; no HTTP, no queue (jobs wait for the API's sweep). */
@Module({})
export class CliModule {
  static forRoot(config: RegistryConfig): DynamicModule {
    return {
      module: CliModule,
      imports: [RegistryConfigModule.forRoot(config), PersistenceModule, ApiKeysModule, PeopleModule],
      providers: [
        CreateOrganizationUseCase,
        JournalQueries,
        LogQueries,
        // What a command writes is in the log when it ends (when no API process holds the sequencer's lease).
        LogSequencer,
        CertificateQueries,
        IdentityDuplicatesQuery,
        ListHoldingsQuery,
        RegisterQuery,
        ...LIST_QUERIES,
        // reconcile
        ReconciliationAlertListener,
        RunReconciliationUseCase,
        OperatorReconciliationUseCase,
        // seed demo
        ...SEED_PROVIDERS,
        // import holdings
        ...IMPORT_USE_CASES,
      ],
    };
  }
}
