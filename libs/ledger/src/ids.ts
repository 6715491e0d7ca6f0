import { v7 } from 'uuid';

/**
 * Ids of ledger rows: UUIDv7 starts with the creation time, so new rows land next to each other
 * in the primary-key index and a commit rewrites fewer pages than with random UUIDs.
 */
export function newId(): string {
  return v7();
}
