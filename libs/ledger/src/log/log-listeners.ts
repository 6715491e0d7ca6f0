/**
 * Called in the sequencer's process each time the log grows: a nudge for whoever follows the log
 * in order (the webhook dispatcher). Other processes find the new entries on their periodic sweep.
 */
type Listener = () => void;
const listeners = new Set<Listener>();

export function onLogExtended(listener: Listener): () => void {
  listeners.add(listener);
  return () => listeners.delete(listener);
}

export function notifyLogExtended(): void {
  for (const listener of listeners) listener();
}
