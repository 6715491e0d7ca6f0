import { DomainError, nextJournalEntry } from '@registry/domain';
import type { UnitOfWork, Stores } from './ports';
import { notifyLedgerCommitted } from './webhooks/ledger-commit-listeners';

export interface IdempotencyRequest {
  key: string;
  /** SHA-256 of the canonical request (method, path and body). */
  requestHash: string;
}

export interface LedgerChange<R> {
  journalType: string;
  journalPayload: unknown;
  result: R;
}

export interface LedgerContext {
  stores: Stores;
  /** Sequence number of the journal entry this command writes; rows it creates carry it. */
  seq: number;
  now: string;
}

/**
 * Runs one ledger command in one transaction: lock the journal head (serialising writers across
 * processes on PostgreSQL), honour the idempotency key, do the work, append exactly one journal
 * entry and store the idempotent response — all committed together or not at all.
 */
export async function runLedgerCommand<R>(
  uow: UnitOfWork,
  actor: string,
  idempotency: IdempotencyRequest | undefined,
  work: (context: LedgerContext) => Promise<LedgerChange<R>>,
): Promise<{ result: R; replayed: boolean }> {
  const outcome = await uow.write(async (stores) => {
    const head = await stores.journal.lockHead();
    if (idempotency) {
      const earlier = await stores.idempotency.find(actor, idempotency.key);
      if (earlier) {
        if (earlier.requestHash !== idempotency.requestHash) {
          throw new DomainError('IDEMPOTENCY_KEY_REUSED', `Idempotency-Key ${idempotency.key} was already used with another request`, {
            field: 'Idempotency-Key',
          });
        }
        return { result: JSON.parse(earlier.response) as R, replayed: true };
      }
    }
    const now = new Date().toISOString();
    const change = await work({ stores, seq: head.seq + 1, now });
    await stores.journal.append(
      nextJournalEntry(head, { type: change.journalType, payload: change.journalPayload, actor, recordedAt: now }),
    );
    if (idempotency) {
      await stores.idempotency.insert({
        actor,
        key: idempotency.key,
        requestHash: idempotency.requestHash,
        statusCode: 201,
        response: JSON.stringify(change.result),
        createdAt: now,
      });
    }
    return { result: change.result, replayed: false };
  });
  if (!outcome.replayed) notifyLedgerCommitted();
  return outcome;
}
