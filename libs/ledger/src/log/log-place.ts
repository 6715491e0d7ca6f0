import type { Stores } from '../ports';

/** The log index of the entry `seq`, once a published checkpoint covers it; null before (the merge delay). */
export async function publishedLogIndex(stores: Stores, seq: number): Promise<number | null> {
  const index = await stores.log.indexOfSeq(seq);
  if (index === null) return null;
  return index < (await publishedSize(stores)) ? index : null;
}

/** The size of the newest signed checkpoint's tree (0 before the first). */
export async function publishedSize(stores: Stores): Promise<number> {
  return (await stores.log.latestCheckpoint())?.size ?? 0;
}
