import { canonicalJson, DomainError } from '@registry/domain';
import type { IdempotencyRequest } from '@registry/ledger';
import type { Request, Response } from 'express';
import { createHash } from 'node:crypto';

const KEY = /^[\x21-\x7e]{1,200}$/;

/** Reads `Idempotency-Key`; the request hash covers method, path and the canonical body. */
export function idempotencyOf(req: Request): IdempotencyRequest | undefined {
  const key = req.headers['idempotency-key'];
  if (key === undefined) return undefined;
  if (typeof key !== 'string' || !KEY.test(key)) {
    throw new DomainError('VALIDATION_FAILED', 'Idempotency-Key must be 1-200 visible ASCII characters', {
      errors: [{ field: 'Idempotency-Key', message: 'must be 1-200 visible ASCII characters' }],
    });
  }
  const material = canonicalJson({ method: req.method, path: req.path, body: req.body ?? null });
  return { key, requestHash: createHash('sha256').update(material).digest('hex') };
}

/** Marks a response that repeats the first result of an idempotent request. */
export function markReplay<R>(res: Response, outcome: { result: R; replayed: boolean }): R {
  if (outcome.replayed) res.setHeader('Idempotent-Replayed', 'true');
  return outcome.result;
}
