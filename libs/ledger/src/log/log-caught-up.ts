import { setTimeout as sleep } from 'node:timers/promises';
import type { UnitOfWork } from '../ports';
import { notifyLedgerCommitted } from '../webhooks/ledger-commit-listeners';

const POLL_MS = 20;
/** Twice the merge delay: past it the answer goes out without the stragglers rather than hang. */
const WAIT_MS = 2000;

/**
 * Waits until every entry committed before the call has its place in the log, so an auditor who
 * reads the journal right after a write sees it (read-your-writes), at most the merge delay later.
 */
export async function logCaughtUp(uow: UnitOfWork): Promise<void> {
  const newest = await uow.read(({ journal }) => journal.newestPendingSeq());
  if (newest === null) return;
  notifyLedgerCommitted();
  const deadline = Date.now() + WAIT_MS;
  while (Date.now() < deadline && (await uow.read(({ journal }) => journal.pendingUpTo(newest)))) await sleep(POLL_MS);
}
