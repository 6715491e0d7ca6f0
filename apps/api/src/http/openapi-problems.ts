import { ERROR_CODES, type ErrorCode } from '@registry/domain';
import type { ResponseObject, SchemaObject } from '@nestjs/swagger/dist/interfaces/open-api-spec.interface';
import type { RouteFacts } from './openapi-routes';
import { STATUS_OF, TITLE_OF } from './problem-status';

/** RFC 9457 problem details as this API writes them (API.md "Conventions"). */
export const PROBLEM_SCHEMA: SchemaObject = {
  type: 'object',
  required: ['type', 'title', 'status', 'detail', 'code'],
  properties: {
    type: { type: 'string', example: '/problems/serial-conflict' },
    title: { type: 'string', example: 'Conflict' },
    status: { type: 'integer', example: 409 },
    detail: { type: 'string' },
    code: { type: 'string', enum: [...ERROR_CODES] },
    instance: { type: 'string' },
    requestId: { type: 'string' },
    detailEn: { type: 'string', description: 'the English detail, when Accept-Language asked for Japanese' },
    errors: {
      type: 'array',
      description: 'VALIDATION_FAILED: the fields at fault; RULE_VIOLATION: the rules broken',
      items: { type: 'object', properties: { field: { type: 'string' }, rule: { type: 'string' }, message: { type: 'string' } } },
    },
    conflicts: {
      type: 'array',
      description: 'SERIAL_CONFLICT, ALREADY_RETIRED, NOT_HELD: the blocks in the way',
      items: { type: 'object', properties: { namespace: { type: 'string' }, start: { type: 'string' }, end: { type: 'string' }, status: { type: 'string' }, retirementId: { type: 'string' } } },
    },
  },
};

interface OperationShape {
  fact: RouteFacts;
  hasBody: boolean;
  hasPathParameters: boolean;
}

/** The codes an operation may answer: every route's (API.md "Conventions") and its own. */
export function problemCodesOf({ fact, hasBody, hasPathParameters }: OperationShape): ErrorCode[] {
  const codes = new Set<ErrorCode>(['VALIDATION_FAILED', 'UNAUTHENTICATED', 'RATE_LIMITED', 'INTERNAL', 'SERVICE_UNAVAILABLE', ...fact.problems]);
  if (!fact.isPublic) codes.add('FORBIDDEN');
  if (hasBody) codes.add('PAYLOAD_TOO_LARGE');
  if (hasPathParameters) codes.add('NOT_FOUND');
  return ERROR_CODES.filter((code) => codes.has(code));
}

/** One problem+json response per status, its `code` narrowed to what this operation answers. */
export function describeProblems(shape: OperationShape): Record<string, ResponseObject> {
  const byStatus = new Map<number, ErrorCode[]>();
  for (const code of problemCodesOf(shape)) byStatus.set(STATUS_OF[code], [...(byStatus.get(STATUS_OF[code]) ?? []), code]);
  return Object.fromEntries(
    [...byStatus].map(([status, codes]) => [
      String(status),
      {
        description: `${TITLE_OF[status] ?? 'Error'}: ${codes.join(', ')}`,
        content: {
          'application/problem+json': {
            schema: { allOf: [{ $ref: '#/components/schemas/Problem' }, { type: 'object', properties: { code: { type: 'string', enum: codes } } }] },
          },
        },
      },
    ]),
  );
}
