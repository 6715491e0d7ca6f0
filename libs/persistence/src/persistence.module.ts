import { Global, Inject, Module, OnApplicationShutdown } from '@nestjs/common';
import { REGISTRY_CONFIG, type RegistryConfig } from '@registry/config';
import { CertificateSigner, UnitOfWork } from '@registry/ledger/ports';
import { FileKeyRing } from './certificate-keys/file-key-ring';
import { DataSource } from 'typeorm';
import { openDatabase } from './data-source.factory';
import { createUnitOfWork } from './unit-of-work';

/** Opens the database at start-up (running pending migrations) and provides the UnitOfWork. */
@Global()
@Module({
  providers: [
    {
      provide: DataSource,
      inject: [REGISTRY_CONFIG],
      useFactory: (config: RegistryConfig) => openDatabase(config.database),
    },
    { provide: UnitOfWork, inject: [DataSource], useFactory: createUnitOfWork },
    { provide: CertificateSigner, inject: [REGISTRY_CONFIG], useFactory: (config: RegistryConfig) => new FileKeyRing(config.certificateKeysDir) },
  ],
  exports: [DataSource, UnitOfWork, CertificateSigner],
})
export class PersistenceModule implements OnApplicationShutdown {
  constructor(@Inject(DataSource) private readonly dataSource: DataSource) {}

  async onApplicationShutdown(): Promise<void> {
    if (this.dataSource.isInitialized) await this.dataSource.destroy();
  }
}
