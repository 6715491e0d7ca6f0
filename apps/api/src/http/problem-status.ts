import type { ErrorCode } from '@registry/domain';

/** HTTP status of every stable error code (API.md). */
export const STATUS_OF: Record<ErrorCode, number> = {
  VALIDATION_FAILED: 400,
  INVALID_CORPORATE_NUMBER: 400,
  INVALID_SERIAL: 400,
  UNKNOWN_SCHEME: 400,
  DUPLICATE_SERIALS: 400,
  TOO_MANY_SERIALS: 400,
  EVIDENCE_REQUIRED: 400,
  UNAUTHENTICATED: 401,
  FORBIDDEN: 403,
  NOT_FOUND: 404,
  SERIAL_CONFLICT: 409,
  NOT_HELD: 409,
  ALREADY_RETIRED: 409,
  ALREADY_VOIDED: 409,
  EVIDENCE_ALREADY_RECORDED: 409,
  DUPLICATE_CORPORATE_NUMBER: 409,
  PAYLOAD_TOO_LARGE: 413,
  IDEMPOTENCY_KEY_REUSED: 422,
  INELIGIBLE_CREDIT: 422,
  RULE_VIOLATION: 422,
  INVALID_STATE: 409,
  RATE_LIMITED: 429,
  INTERNAL: 500,
  SERVICE_UNAVAILABLE: 503,
};

export const TITLE_OF: Record<number, string> = {
  400: 'Bad Request',
  401: 'Unauthorized',
  403: 'Forbidden',
  404: 'Not Found',
  405: 'Method Not Allowed',
  409: 'Conflict',
  413: 'Content Too Large',
  415: 'Unsupported Media Type',
  422: 'Unprocessable Content',
  429: 'Too Many Requests',
  500: 'Internal Server Error',
  503: 'Service Unavailable',
};
