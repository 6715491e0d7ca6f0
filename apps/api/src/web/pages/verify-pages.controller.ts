import { Controller, Get, Param, Query, Res } from '@nestjs/common';
import { Public } from '@registry/auth';
import { isClaimCertificate, verifyCertificate } from '@registry/domain';
import { CertificateQueries, type CertificateDocument, type ClaimCertificateView } from '@registry/ledger';
import type { FastifyReply } from 'fastify';
import { OnlyQueryParameters } from '../../http/query-parameters';
import { ExpensiveEndpoint } from '../../http/rate-limits';
import { CurrentPage, pageHref, type PageContext } from '../http/page-context';
import { PageResponder } from '../http/page-responder';
import { WebPages } from '../http/web-pages.decorator';
import { ClaimCertificatePage } from '../views/claim-certificate';
import { RetirementCertificatePage } from '../views/retirement-certificate';
import { CertificateNotFoundPage, VerifySearchPage } from '../views/verify-search';

/**
 * Certificate verification, where the QR code on every certificate PDF points
 * (`PUBLIC_BASE_URL/verify/{number}`): a retirement certificate or a claim's certificate, its status
 * now, and its signature checked against the registry's published keys.
 */
@WebPages()
@Public()
@Controller('verify')
export class VerifyPagesController {
  constructor(
    private readonly certificates: CertificateQueries,
    private readonly pages: PageResponder,
  ) {}

  /**
   * The search form cannot put the number into the path without a script, so it submits
   * `?number=`, answered with a 303 to the certificate's page. `?serial=` is the address the verify
   * pages had for serial search, kept for the links already out there: 301 to the serial page.
   */
  @Get()
  @ExpensiveEndpoint()
  @OnlyQueryParameters('number', 'serial', 'cursor', 'lang')
  search(@Query() query: Record<string, string | undefined>, @CurrentPage() page: PageContext, @Res() reply: FastifyReply): void {
    const number = query.number?.trim();
    const serial = query.serial?.trim();
    if (number) reply.redirect(pageHref(page, `/verify/${encodeURIComponent(number)}`), 303);
    else if (serial) reply.redirect(pageHref(page, '/serials', { serial, cursor: query.cursor }), 301);
    else this.pages.send(reply, VerifySearchPage({ page }));
  }

  @Get(':number')
  @ExpensiveEndpoint()
  @OnlyQueryParameters('lang')
  // `@Query()` unused but declared: the global pipe then refuses a parameter given twice (`?lang=ja&lang=en`).
  async certificate(@Param('number') number: string, @Query() _query: Record<string, string | undefined>, @CurrentPage() page: PageContext, @Res() reply: FastifyReply): Promise<void> {
    const document = await this.certificates.find(number);
    if (!document) return this.pages.send(reply, CertificateNotFoundPage({ page, number }), 404);
    const check = verifyCertificate(document, this.certificates.keys().keys as Parameters<typeof verifyCertificate>[1]);
    const view = isClaimCertificate(document)
      ? ClaimCertificatePage({ page, doc: document as unknown as ClaimCertificateView, check })
      : RetirementCertificatePage({ page, doc: document as CertificateDocument, check });
    this.pages.send(reply, view);
  }
}
