import { Controller, Get, Param, Res, StreamableFile } from '@nestjs/common';
import { ApiOkResponse, ApiTags } from '@nestjs/swagger';
import { Public } from '@registry/auth';
import { CertificateQueries, type CertificateDocumentView } from '@registry/ledger';
import type { Response } from 'express';

const RETRY_AFTER_SECONDS = 2;

@ApiTags('certificates')
@Public()
@Controller('v1')
export class CertificatesController {
  constructor(private readonly certificates: CertificateQueries) {}

  @Get('certificate-keys')
  @ApiOkResponse({ description: 'JWKS of the Ed25519 keys certificates are signed with (kid = keyId)' })
  keys() {
    return this.certificates.keys();
  }

  @Get('certificates/:file')
  @ApiOkResponse({ description: '{number}: the signed certificate JSON; {number}.pdf: the PDF (202 with Retry-After while it renders)' })
  async certificate(@Param('file') file: string, @Res({ passthrough: true }) res: Response): Promise<CertificateDocumentView | StreamableFile | { status: string }> {
    if (!file.endsWith('.pdf')) return this.certificates.document(file);
    const number = file.slice(0, -'.pdf'.length);
    const pdf = await this.certificates.pdf(number);
    if (pdf.state === 'rendering') {
      res.status(202).setHeader('Retry-After', String(RETRY_AFTER_SECONDS));
      return { status: 'rendering' };
    }
    return new StreamableFile(pdf.pdf, { type: 'application/pdf', disposition: `inline; filename="${number}.pdf"`, length: pdf.pdf.length });
  }
}
