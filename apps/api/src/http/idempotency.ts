import { canonicalJson, DomainError } from '@registry/domain';
import type { IdempotencyRequest } from '@registry/ledger';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { createHash } from 'node:crypto';

const KEY = /^[\x21-\x7e]{1,200}$/;

/** Reads `Idempotency-Key`; the request hash covers method, path and the canonical body. */
export function idempotencyOf(req: FastifyRequest): IdempotencyRequest | undefined {
  const key = req.headers['idempotency-key'];
  if (key === undefined) return undefined;
  if (typeof key !== 'string' || !KEY.test(key)) {
    throw new DomainError('VALIDATION_FAILED', 'Idempotency-Key must be 1-200 visible ASCII characters', {
      errors: [{ field: 'Idempotency-Key', message: 'must be 1-200 visible ASCII characters' }],
    });
  }
  const material = canonicalJson({ method: req.method, path: req.url.split('?')[0], body: req.body ?? null });
  return { key, requestHash: createHash('sha256').update(material).digest('hex') };
}

/** Marks a response that repeats the first result of an idempotent request. */
export function markReplay<R>(res: FastifyReply, outcome: { result: R; replayed: boolean }): R {
  if (outcome.replayed) res.header('Idempotent-Replayed', 'true');
  return outcome.result;
}
