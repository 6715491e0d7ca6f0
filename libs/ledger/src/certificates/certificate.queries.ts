import { Injectable } from '@nestjs/common';
import { DomainError } from '@registry/domain';
import { CertificatePdfStore, CertificateSigner, UnitOfWork, type CertificateStatus } from '../ports';
import { certificateDocument, type CertificateDocumentView } from './certificate-document';

export type CertificatePdf = { state: 'ready'; pdf: Buffer } | { state: 'rendering' };

@Injectable()
export class CertificateQueries {
  constructor(
    private readonly uow: UnitOfWork,
    private readonly signer: CertificateSigner,
    private readonly pdfs: CertificatePdfStore,
  ) {}

  async document(number: string): Promise<CertificateDocumentView> {
    const found = await this.find(number);
    if (!found) throw new DomainError('NOT_FOUND', `certificate ${number} does not exist`);
    return found;
  }

  find(number: string): Promise<CertificateDocumentView | null> {
    return this.uow.read(async (stores) => {
      const certificate = await stores.certificates.findByNumber(number);
      return certificate ? certificateDocument(stores, certificate) : null;
    });
  }

  /** The PDF for the certificate's current status, or `rendering` while the job has not stored it yet. */
  async pdf(number: string): Promise<CertificatePdf> {
    const document = await this.document(number);
    const pdf = await this.pdfs.get(number, document.status as CertificateStatus);
    return pdf ? { state: 'ready', pdf } : { state: 'rendering' };
  }

  /** The JWKS of every key that signed (or will sign) certificates. */
  keys(): { keys: object[] } {
    return { keys: this.signer.publicKeys() };
  }
}
