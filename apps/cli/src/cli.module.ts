import { DynamicModule, Module } from '@nestjs/common';
import { ApiKeysModule } from '@registry/auth';
import { RegistryConfigModule, type RegistryConfig } from '@registry/config';
import { CertificateQueries, CreateOrganizationUseCase, IdentityDuplicatesQuery, IMPORT_USE_CASES, JournalQueries } from '@registry/ledger';
import { PersistenceModule } from '@registry/persistence';

/** What operator commands need: the database and a few use cases; no HTTP, no queue. */
@Module({})
export class CliModule {
  static forRoot(config: RegistryConfig): DynamicModule {
    return {
      module: CliModule,
      imports: [RegistryConfigModule.forRoot(config), PersistenceModule, ApiKeysModule],
      providers: [CreateOrganizationUseCase, JournalQueries, CertificateQueries, IdentityDuplicatesQuery, ...IMPORT_USE_CASES],
    };
  }
}
