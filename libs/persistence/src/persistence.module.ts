import { Global, Inject, Module, OnApplicationShutdown } from '@nestjs/common';
import { REGISTRY_CONFIG, type RegistryConfig } from '@registry/config';
import { UnitOfWork } from '@registry/ledger/ports';
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
  ],
  exports: [DataSource, UnitOfWork],
})
export class PersistenceModule implements OnApplicationShutdown {
  constructor(@Inject(DataSource) private readonly dataSource: DataSource) {}

  async onApplicationShutdown(): Promise<void> {
    if (this.dataSource.isInitialized) await this.dataSource.destroy();
  }
}
