import { Global, Module } from '@nestjs/common';
import { REGISTRY_CONFIG, type RegistryConfig } from '@registry/config';
import { CertificateRenderer } from '@registry/ledger/ports';
import { PdfCertificateRenderer } from './certificates/pdf-certificate-renderer';

/** Binds the ledger's rendering port, for the processes that run the `certificate-pdf` job (API in-process, worker). */
@Global()
@Module({
  providers: [{ provide: CertificateRenderer, inject: [REGISTRY_CONFIG], useFactory: (config: RegistryConfig) => new PdfCertificateRenderer(config.publicBaseUrl) }],
  exports: [CertificateRenderer],
})
export class DocumentsModule {}
