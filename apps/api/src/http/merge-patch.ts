import { DomainError } from '@registry/domain';
import { apply } from 'json-merge-patch';

/** RFC 7396 JSON Merge Patch (json-merge-patch): the patch must be a JSON object. */
export function applyMergePatch(target: Record<string, unknown>, patch: unknown): Record<string, unknown> {
  if (patch === null || typeof patch !== 'object' || Array.isArray(patch)) {
    const message = 'the request body must be a JSON object (a JSON Merge Patch)';
    throw new DomainError('VALIDATION_FAILED', message, { errors: [{ field: 'body', message }] });
  }
  return apply(structuredClone(target), patch) as Record<string, unknown>;
}
