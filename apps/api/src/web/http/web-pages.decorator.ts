import { applyDecorators, UseFilters, UseGuards } from '@nestjs/common';
import { ApiExcludeController } from '@nestjs/swagger';
import { WebSessionGuard } from '../session/web-session.guard';
import { WebPageExceptionFilter } from './web-page.filter';

/**
 * Marks a controller as web pages: left out of the OpenAPI document, errors answered as HTML pages,
 * the session cookie resolved and every unsafe method's CSRF token checked (WebSessionGuard).
 * Each page is `@Public()` or `@SignedIn(...roles)`; one that is neither is refused.
 */
export function WebPages(): ClassDecorator {
  return applyDecorators(ApiExcludeController(), UseFilters(WebPageExceptionFilter), UseGuards(WebSessionGuard));
}
