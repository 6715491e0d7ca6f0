import { Injectable } from '@nestjs/common';
import { DomainError } from '@registry/domain';
import { CertificatePdfStore, CertificateSigner, UnitOfWork, type CertificateDocumentView, type CertificateStatus } from '../ports';
import { certificateDocument, claimCertificateDocument } from './certificate-document';

export type CertificatePdf = { state: 'ready'; pdf: Buffer } | { state: 'rendering'; status: CertificateStatus; version: number };

@Injectable()
export class CertificateQueries {
  constructor(
    private readonly uow: UnitOfWork,
    private readonly signer: CertificateSigner,
    private readonly pdfs: CertificatePdfStore,
  ) {}

  /** The latest version, or the one asked (404 for a version the certificate does not have). */
  async document(number: string, version?: number): Promise<CertificateDocumentView> {
    const found = await this.find(number, version);
    if (!found) throw new DomainError('NOT_FOUND', version === undefined ? `certificate ${number} does not exist` : `certificate ${number} has no version ${version}`);
    return found;
  }

  find(number: string, version?: number): Promise<CertificateDocumentView | null> {
    return this.uow.read(async (stores) => {
      const certificate = await stores.certificates.findByNumber(number, version);
      if (certificate) return certificateDocument(stores, certificate);
      // A claim's certificate (CN-…, CNP-…, CFP-…) has one version.
      const claimCertificate = version === undefined || version === 1 ? await stores.certificates.findClaimCertificate(number) : null;
      return claimCertificate ? claimCertificateDocument(stores, claimCertificate) : null;
    });
  }

  /** The PDF for the certificate's current status, or `rendering` (with what to render) while no job has stored it yet. */
  async pdf(number: string, version?: number): Promise<CertificatePdf> {
    const document = await this.document(number, version);
    const status = document.status as CertificateStatus;
    const pdf = await this.pdfs.get(number, status, versionOf(document));
    return pdf ? { state: 'ready', pdf } : { state: 'rendering', status, version: versionOf(document) };
  }

  /** The JWKS of every key that signed (or will sign) certificates. */
  keys(): { keys: object[] } {
    return { keys: this.signer.publicKeys() };
  }
}

/** Certificates issued before versions existed sign no `version`: they are version 1. */
export function versionOf(document: object): number {
  const { version } = document as { version?: unknown };
  return typeof version === 'number' ? version : 1;
}
