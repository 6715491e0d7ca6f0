import { Global, Inject, Logger, Module, OnApplicationShutdown } from '@nestjs/common';
import { REGISTRY_CONFIG, type RegistryConfig } from '@registry/config';
import { CertificatePdfStore, CertificateSigner, UnitOfWork } from '@registry/ledger/ports';
import { openCertificatePdfStore, type OpenedCertificatePdfStore } from './certificate-pdfs/certificate-pdf-store.factory';
import { FileKeyRing } from './certificate-keys/file-key-ring';
import { DataSource } from 'typeorm';
import { openDatabase } from './data-source.factory';
import { SqliteCheckpointer } from './sqlite-checkpointer';
import { createUnitOfWork } from './unit-of-work';

const OPENED_PDF_STORE = Symbol('OPENED_PDF_STORE');
const CHECKPOINTER = Symbol('CHECKPOINTER');

function startCheckpointer(config: RegistryConfig): SqliteCheckpointer | null {
  if (config.database.engine !== 'sqlite' || config.database.sqlitePath === ':memory:') return null;
  const logger = new Logger('SqliteCheckpointer');
  return new SqliteCheckpointer(config.database.sqlitePath, (message) => logger.warn({ err: message }, 'background checkpoint failed'));
}

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
    {
      provide: OPENED_PDF_STORE,
      inject: [REGISTRY_CONFIG, DataSource],
      useFactory: (config: RegistryConfig, dataSource: DataSource) => openCertificatePdfStore(config.database, dataSource),
    },
    // Depends on the DataSource so that it starts after the migrations.
    { provide: CHECKPOINTER, inject: [REGISTRY_CONFIG, DataSource], useFactory: startCheckpointer },
    { provide: CertificatePdfStore, inject: [OPENED_PDF_STORE], useFactory: (opened: OpenedCertificatePdfStore) => opened.store },
    { provide: CertificateSigner, inject: [REGISTRY_CONFIG], useFactory: (config: RegistryConfig) => new FileKeyRing(config.certificateKeysDir) },
  ],
  exports: [DataSource, UnitOfWork, CertificateSigner, CertificatePdfStore],
})
export class PersistenceModule implements OnApplicationShutdown {
  constructor(
    @Inject(DataSource) private readonly dataSource: DataSource,
    @Inject(OPENED_PDF_STORE) private readonly pdfStore: OpenedCertificatePdfStore,
    @Inject(CHECKPOINTER) private readonly checkpointer: SqliteCheckpointer | null,
  ) {}

  async onApplicationShutdown(): Promise<void> {
    await this.checkpointer?.stop();
    this.pdfStore.close();
    if (this.dataSource.isInitialized) await this.dataSource.destroy();
  }
}
