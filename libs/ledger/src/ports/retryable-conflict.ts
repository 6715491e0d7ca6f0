/**
 * Thrown by a store when a row the transaction read changed under it (PostgreSQL, concurrent
 * writers): the command is run again on fresh reads instead of answering a conflict that a
 * serial order would not have had.
 */
export class RowChangedUnderUs extends Error {
  constructor(what: string) {
    super(`${what} changed during the transaction`);
    this.name = 'RowChangedUnderUs';
  }
}

/** PostgreSQL's deadlock_detected and serialization_failure, and a row changed under us. */
export function isRetryableConflict(error: unknown): boolean {
  if (error instanceof RowChangedUnderUs) return true;
  const e = error as { code?: string; driverError?: { code?: string } };
  const code = e?.driverError?.code ?? e?.code;
  return code === '40P01' || code === '40001';
}
