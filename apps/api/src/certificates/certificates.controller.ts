import { Controller, Get, Param, Query, Res, StreamableFile } from '@nestjs/common';
import { ApiAcceptedResponse, ApiExtraModels, ApiOkResponse, ApiOperation, ApiQuery, ApiTags, getSchemaPath } from '@nestjs/swagger';
import { Public } from '@registry/auth';
import { DomainError } from '@registry/domain';
import { CertificateQueries, GetCertificatePdfQuery, type CertificateDocumentView } from '@registry/ledger';
import type { FastifyReply } from 'fastify';
import { CertificateRenderingResponse, CertificateResponse, JsonWebKeySetResponse } from './certificates.response';

const RETRY_AFTER_SECONDS = 2;

@ApiTags('certificates')
@Public()
@Controller('v1')
export class CertificatesController {
  constructor(
    private readonly certificates: CertificateQueries,
    private readonly pdfs: GetCertificatePdfQuery,
  ) {}

  @Get('certificate-keys')
  @ApiOperation({ summary: 'The JWKS of the certificate signing keys' })
  @ApiOkResponse({ type: JsonWebKeySetResponse, description: 'JWKS of the Ed25519 keys certificates are signed with (kid = keyId)' })
  keys() {
    return this.certificates.keys();
  }

  @Get('certificates/:file')
  @ApiOperation({ summary: 'A signed certificate (JSON, or .pdf)' })
  @ApiQuery({ name: 'version', required: false, description: 'an earlier signed version (1, 2, …); the latest when absent' })
  @ApiExtraModels(CertificateResponse)
  @ApiOkResponse({
    description: '{number}: the signed certificate JSON; {number}.pdf: the PDF',
    content: {
      'application/json': { schema: { $ref: getSchemaPath(CertificateResponse) } },
      'application/pdf': { schema: { type: 'string', format: 'binary' } },
    },
  })
  @ApiAcceptedResponse({
    type: CertificateRenderingResponse,
    description: '{number}.pdf only: the PDF is still rendering; ask again after Retry-After seconds',
    headers: { 'Retry-After': { description: 'seconds to wait', schema: { type: 'integer', example: RETRY_AFTER_SECONDS } } },
  })
  async certificate(
    @Param('file') file: string,
    @Query('version') version: unknown,
    @Res({ passthrough: true }) res: FastifyReply,
  ): Promise<CertificateDocumentView | StreamableFile | { status: string }> {
    const asked = parseVersion(version);
    if (!file.endsWith('.pdf')) return this.certificates.document(file, asked);
    const number = file.slice(0, -'.pdf'.length);
    const pdf = await this.pdfs.execute(number, asked);
    if (pdf.state === 'rendering') {
      res.status(202).header('Retry-After', String(RETRY_AFTER_SECONDS));
      return { status: 'rendering' };
    }
    return new StreamableFile(pdf.pdf, { type: 'application/pdf', disposition: `inline; filename="${number}.pdf"`, length: pdf.pdf.length });
  }
}

function parseVersion(value: unknown): number | undefined {
  if (value === undefined) return undefined;
  if (typeof value === 'string' && /^[1-9]\d{0,5}$/.test(value)) return Number(value);
  throw new DomainError('VALIDATION_FAILED', 'version must be a positive whole number', {
    errors: [{ field: 'version', message: 'must be a positive whole number (1, 2, …)' }],
  });
}
