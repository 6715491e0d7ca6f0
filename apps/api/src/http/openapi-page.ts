import { applyDecorators, type Type } from '@nestjs/common';
import { ApiExtraModels, ApiOkResponse, getSchemaPath } from '@nestjs/swagger';
import type { SchemaObject } from '@nestjs/swagger/dist/interfaces/open-api-spec.interface';

/** `{ items, nextCursor? }` of `item` (API.md "Lists"), plus any members a list adds (holdings' totals). */
export function ApiPageResponse(item: Type, description: string, extra: { properties?: Record<string, SchemaObject>; required?: string[]; models?: Type[] } = {}) {
  return applyDecorators(
    ApiExtraModels(item, ...(extra.models ?? [])),
    ApiOkResponse({
      description,
      schema: {
        type: 'object',
        required: ['items', ...(extra.required ?? [])],
        properties: {
          items: { type: 'array', items: { $ref: getSchemaPath(item) } },
          ...extra.properties,
          nextCursor: { type: 'string', description: 'present when more items follow: pass it as `cursor` for the next page', example: '1042' },
        },
      },
    }),
  );
}
