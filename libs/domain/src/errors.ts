/**
 * Stable error codes of the registry (API.md). Domain and use-case code throws DomainError;
 * the API's one exception filter maps the code to an HTTP status and a problem+json body.
 */
export const ERROR_CODES = [
  'VALIDATION_FAILED',
  'UNAUTHENTICATED',
  'FORBIDDEN',
  'NOT_FOUND',
  'PAYLOAD_TOO_LARGE',
  'RATE_LIMITED',
  'INVALID_CORPORATE_NUMBER',
  'INVALID_SERIAL',
  'UNKNOWN_SCHEME',
  'SERIAL_CONFLICT',
  'NOT_HELD',
  'ALREADY_RETIRED',
  'ALREADY_VOIDED',
  'EVIDENCE_REQUIRED',
  'EVIDENCE_ALREADY_RECORDED',
  'DUPLICATE_SERIALS',
  'TOO_MANY_SERIALS',
  'IDEMPOTENCY_KEY_REUSED',
  'INELIGIBLE_CREDIT',
  'RULE_VIOLATION',
  'INVALID_STATE',
  'DUPLICATE_CORPORATE_NUMBER',
  'SERVICE_UNAVAILABLE',
  'INTERNAL',
] as const;

export type ErrorCode = (typeof ERROR_CODES)[number];

export class DomainError extends Error {
  constructor(
    readonly code: ErrorCode,
    message: string,
    /** Extra members of the problem details named by the code, e.g. `conflicts`, `errors`, `field`. */
    readonly details: Record<string, unknown> = {},
    /** The request itself is at fault (400), where the code otherwise means a refused state change (e.g. RULE_VIOLATION at creation vs at submit). */
    readonly options: { invalidInput?: boolean } = {},
  ) {
    super(message);
    this.name = 'DomainError';
  }
}
