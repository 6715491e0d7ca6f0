import { applyDecorators, UseFilters } from '@nestjs/common';
import { ApiExcludeController } from '@nestjs/swagger';
import { WebPageExceptionFilter } from './web-page.filter';

/**
 * Marks a controller as web pages: left out of the OpenAPI document, errors answered as HTML pages.
 * Public pages add `@Public()`; signed-in pages add their own guard instead.
 */
export function WebPages(): ClassDecorator {
  return applyDecorators(ApiExcludeController(), UseFilters(WebPageExceptionFilter));
}
