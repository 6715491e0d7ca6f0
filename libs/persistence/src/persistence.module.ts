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
import { RedisSessionStore } from './sessions/redis-session-store';
import { openSessionRedis } from './sessions/session-redis';
import { SessionStoreOverride } from './sessions/session-store-override';
import type { Redis } from 'ioredis';

const OPENED_PDF_STORE = Symbol('OPENED_PDF_STORE');
/** SESSION_STORE=redis: the connection sessions are kept on; null: they are in the database. */
const SESSION_REDIS = Symbol('SESSION_REDIS');

/** Opens the database at start-up (running pending migrations) and provides the UnitOfWork. */
@Global()
@Module({
  providers: [
    {
      provide: DataSource,
      inject: [REGISTRY_CONFIG],
      useFactory: (config: RegistryConfig) => openDatabase(config.database, { migrate: config.migrationsRun }),
    },
    { provide: SESSION_REDIS, inject: [REGISTRY_CONFIG], useFactory: openSessionRedis },
    {
      provide: UnitOfWork,
      inject: [DataSource, REGISTRY_CONFIG, SESSION_REDIS],
      useFactory: (dataSource: DataSource, config: RegistryConfig, sessionRedis: Redis | null) => {
        const uow = createUnitOfWork(dataSource, { writeGroup: config.sqliteWriteGroup });
        return sessionRedis ? new SessionStoreOverride(uow, new RedisSessionStore(sessionRedis, config.redisPrefix)) : uow;
      },
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
    @Inject(SESSION_REDIS) private readonly sessionRedis: Redis | null,
  ) {}

  async onApplicationShutdown(): Promise<void> {
    this.pdfStore.close();
    await this.sessionRedis?.quit().catch(() => this.sessionRedis?.disconnect());
    if (this.dataSource.isInitialized) await this.dataSource.destroy();
  }
}
