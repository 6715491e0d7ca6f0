import { SetMetadata } from '@nestjs/common';
import type { ErrorCode } from '@registry/domain';

export const PROBLEM_CODES = 'registry:problemCodes';

/**
 * The codes a route answers beyond the ones every route may (API.md "Conventions"); the OpenAPI
 * document lists them per operation, so a client knows which problems to handle where.
 */
export const Problems = (...codes: ErrorCode[]) => SetMetadata(PROBLEM_CODES, codes);
