import type { Stores } from '../ports';

/** The log index of the entry `seq`, once a published checkpoint covers it; null before (the merge delay). */
export async function publishedLogIndex(stores: Stores, seq: number): Promise<number | null> {
  const index = await stores.log.indexOfSeq(seq);
  if (index === null) return null;
  const published = (await stores.log.latestCheckpoint())?.size ?? 0;
  return index < published ? index : null;
}
