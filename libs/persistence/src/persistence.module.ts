import { Global, Inject, Module, OnApplicationShutdown } from '@nestjs/common';
import { REGISTRY_CONFIG, type RegistryConfig } from '@registry/config';
import { CertificatePdfStore, CertificateSigner, UnitOfWork } from '@registry/ledger/ports';
import { openCertificatePdfStore, type OpenedCertificatePdfStore } from './certificate-pdfs/certificate-pdf-store.factory';
import { FileKeyRing } from './certificate-keys/file-key-ring';
import { DataSource } from 'typeorm';
import { openDatabase } from './data-source.factory';
import { createUnitOfWork } from './unit-of-work';
import { SequencerLease } from '@registry/ledger/log/log-ports';
import { sequencerLeaseFor } from './log/sequencer-lease';

const OPENED_PDF_STORE = Symbol('OPENED_PDF_STORE');

/** Opens the database at start-up (running pending migrations) and provides the UnitOfWork. */
@Global()
@Module({
  providers: [
    {
      provide: DataSource,
      inject: [REGISTRY_CONFIG],
      useFactory: (config: RegistryConfig) => openDatabase(config.database, { migrate: config.migrationsRun }),
    },
    {
      provide: UnitOfWork,
      inject: [DataSource, REGISTRY_CONFIG],
      useFactory: (dataSource: DataSource, config: RegistryConfig) => createUnitOfWork(dataSource, { writeGroup: config.sqliteWriteGroup }),
    },
    { provide: SequencerLease, inject: [DataSource], useFactory: sequencerLeaseFor },
    {
      provide: OPENED_PDF_STORE,
      inject: [REGISTRY_CONFIG, DataSource],
      useFactory: (config: RegistryConfig, dataSource: DataSource) => openCertificatePdfStore(config.database, dataSource),
    },
    { provide: CertificatePdfStore, inject: [OPENED_PDF_STORE], useFactory: (opened: OpenedCertificatePdfStore) => opened.store },
    { provide: CertificateSigner, inject: [REGISTRY_CONFIG], useFactory: (config: RegistryConfig) => new FileKeyRing(config.certificateKeysDir) },
  ],
  exports: [DataSource, UnitOfWork, SequencerLease, CertificateSigner, CertificatePdfStore],
})
export class PersistenceModule implements OnApplicationShutdown {
  constructor(
    @Inject(DataSource) private readonly dataSource: DataSource,
    @Inject(OPENED_PDF_STORE) private readonly pdfStore: OpenedCertificatePdfStore,
  ) {}

  async onApplicationShutdown(): Promise<void> {
    this.pdfStore.close();
    if (this.dataSource.isInitialized) await this.dataSource.destroy();
  }
}
