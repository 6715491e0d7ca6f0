import { DomainError, newJournalEntry } from '@registry/domain';
import type { UnitOfWork, Stores } from './ports';
import { notifyLedgerCommitted } from './webhooks/ledger-commit-listeners';
import { isRetryableConflict } from './ports';

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
  /** Id of the journal entry this command writes; rows it creates carry it. */
  seq: number;
  now: string;
}

export interface LedgerCommandOptions {
  /**
   * The command touches only serial blocks (guarded by the schema and by its own row checks) and
   * rows it creates: on PostgreSQL it runs beside others of its kind instead of alone.
   */
  concurrent?: boolean;
}

/** A transaction that lost a race (a block closed under it, a deadlock) is run again from the start. */
const ATTEMPTS = 5;

/**
 * Runs one ledger command in one transaction: honour the idempotency key, do the work, write
 * exactly one journal entry (queued for the log's sequencer) and store the idempotent response —
 * all committed together or not at all. No global lock is taken for concurrent commands: the
 * entry's id comes from a sequence and its place in the log is given after the commit.
 */
export async function runLedgerCommand<R>(
  uow: UnitOfWork,
  actor: string,
  idempotency: IdempotencyRequest | undefined,
  work: (context: LedgerContext) => Promise<LedgerChange<R>>,
  options: LedgerCommandOptions = {},
): Promise<{ result: R; replayed: boolean }> {
  for (let attempt = 1; ; attempt++) {
    try {
      const outcome = await uow.write((stores) => attemptCommand(stores, actor, idempotency, work, options));
      if (!outcome.replayed) notifyLedgerCommitted();
      return outcome;
    } catch (error) {
      if (attempt >= ATTEMPTS || !isRetryableConflict(error)) throw error;
    }
  }
}

async function attemptCommand<R>(
  stores: Stores,
  actor: string,
  idempotency: IdempotencyRequest | undefined,
  work: (context: LedgerContext) => Promise<LedgerChange<R>>,
  options: LedgerCommandOptions,
): Promise<{ result: R; replayed: boolean }> {
  const writers = options.concurrent ? 'shared' : 'exclusive';
  if (idempotency) {
    await stores.locks.writers(writers);
    // Two requests with one key must not both pass the lookup: the second waits for the first.
    await stores.locks.key(`idempotency:${actor}:${idempotency.key}`);
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
  // Without an idempotency key the writers' lock comes with the entry's id: one round trip on PostgreSQL.
  const seq = await stores.journal.nextSeq(idempotency ? undefined : writers);
  const change = await work({ stores, seq, now });
  await stores.journal.append(newJournalEntry(seq, { type: change.journalType, payload: change.journalPayload, actor, recordedAt: now }));
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
}
