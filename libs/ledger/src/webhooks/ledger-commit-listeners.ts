/**
 * Called after every committed ledger command, in the process that committed it: a cheap nudge
 * for whoever follows the journal (the webhook dispatcher). Listeners must not throw or block;
 * whatever they miss (a crash, another process) the periodic sweeps pick up.
 */
type Listener = () => void;
const listeners = new Set<Listener>();

export function onLedgerCommitted(listener: Listener): () => void {
  listeners.add(listener);
  return () => listeners.delete(listener);
}

export function notifyLedgerCommitted(): void {
  for (const listener of listeners) listener();
}
