import { Controller, Get, Header, Headers, HttpCode, Inject, Param, Query, Res } from '@nestjs/common';
import { ApiExcludeController } from '@nestjs/swagger';
import { Public } from '@registry/auth';
import { REGISTRY_CONFIG, type RegistryConfig } from '@registry/config';
import { DomainError, isClaimCertificate } from '@registry/domain';
import {
  pickLang,
  renderCertificatePage,
  renderClaimCertificatePage,
  renderSearchPage,
  renderSerialPage,
  resolveVerifyQuery,
  verifyPageCsp,
  type SerialStatusView,
} from '@registry/documents';
import { CertificateQueries, SerialStatusQuery, type ClaimCertificateView } from '@registry/ledger';
import type { FastifyReply } from 'fastify';
import { ExpensiveEndpoint } from '../http/rate-limits';
import { FAVICON_SVG, FAVICON_SVG_CACHE, NO_FAVICON_CACHE } from './favicon';

/**
 * The public verify pages: plain server-rendered HTML in Japanese and English, no JavaScript; and
 * the icon they link to (the routes sit at the root, hence no controller prefix).
 */
@ApiExcludeController()
@Public()
@Controller()
export class VerifyController {
  constructor(
    private readonly certificates: CertificateQueries,
    private readonly serialStatus: SerialStatusQuery,
    @Inject(REGISTRY_CONFIG) private readonly config: RegistryConfig,
  ) {}

  @Get('verify')
  @ExpensiveEndpoint()
  async search(
    @Query() query: { number?: string; serial?: string; lang?: string; cursor?: unknown },
    @Headers('accept-language') acceptLanguage: string | undefined,
    @Res() res: FastifyReply,
  ): Promise<void> {
    const lang = pickLang(query.lang, acceptLanguage);
    const baseUrl = this.config.publicBaseUrl;
    const action = resolveVerifyQuery(query, baseUrl);
    if (action.kind === 'redirect') return res.redirect(action.location, 303);
    if (action.kind === 'search') return this.html(res, 200, renderSearchPage(lang, { baseUrl }));
    const cursor = query.cursor;
    try {
      const status = await this.serialStatus.execute(action.serial, undefined, undefined, cursor);
      const page = { serial: action.serial, baseUrl, ...(typeof cursor === 'string' ? { cursor } : {}) };
      this.html(res, 200, renderSerialPage(status as SerialStatusView, lang, page));
    } catch (error) {
      const errorIn = error instanceof DomainError ? unreadablePart(error) : undefined;
      if (!errorIn) throw error;
      this.html(res, 400, renderSerialPage(null, lang, { serial: action.serial, error: (error as DomainError).message, errorIn, baseUrl }));
    }
  }

  @Get('verify/:number')
  @ExpensiveEndpoint()
  async certificate(
    @Param('number') number: string,
    @Query('lang') queryLang: string | undefined,
    @Headers('accept-language') acceptLanguage: string | undefined,
    @Res() res: FastifyReply,
  ): Promise<void> {
    const lang = pickLang(queryLang, acceptLanguage);
    const document = await this.certificates.find(number);
    const baseUrl = this.config.publicBaseUrl;
    const page =
      document && isClaimCertificate(document)
        ? renderClaimCertificatePage(document as unknown as ClaimCertificateView, lang, { baseUrl })
        : renderCertificatePage(document, lang, { number, baseUrl });
    this.html(res, document ? 200 : 404, page);
  }

  @Get('favicon.svg')
  @Header('Content-Type', 'image/svg+xml; charset=utf-8')
  @Header('Cache-Control', FAVICON_SVG_CACHE)
  @Header('Content-Security-Policy', "default-src 'none'")
  favicon(): string {
    return FAVICON_SVG;
  }

  // 204 rather than a redirect to the SVG: every browser takes an empty 204 as "no icon", without an
  // error, and caches it; the browsers that still ask for /favicon.ico (older Safari) cannot draw an
  // SVG icon, so a redirect would only cost them a second request.
  @Get('favicon.ico')
  @HttpCode(204)
  @Header('Cache-Control', NO_FAVICON_CACHE)
  noFavicon(): void {}

  private html(res: FastifyReply, status: number, page: string): void {
    res.status(status).header('Content-Security-Policy', verifyPageCsp(this.config.publicBaseUrl));
    res.type('text/html; charset=utf-8').send(page);
  }
}

/** The unreadable part of a serial page's query, for the 400 page: the serial or the page cursor. */
function unreadablePart(error: DomainError): 'serial' | 'cursor' | undefined {
  if (error.code === 'INVALID_SERIAL') return 'serial';
  const errors = error.details.errors as { field?: string }[] | undefined;
  return error.code === 'VALIDATION_FAILED' && errors?.some((e) => e.field === 'cursor') ? 'cursor' : undefined;
}
