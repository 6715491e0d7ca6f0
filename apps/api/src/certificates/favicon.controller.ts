import { Controller, Get, Header, HttpCode } from '@nestjs/common';
import { ApiExcludeController } from '@nestjs/swagger';
import { Public } from '@registry/auth';
import { FAVICON_SVG, FAVICON_SVG_CACHE, NO_FAVICON_CACHE } from './favicon';

/** The icon every page links to (at the root, hence no controller prefix). */
@ApiExcludeController()
@Public()
@Controller()
export class FaviconController {
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
}
