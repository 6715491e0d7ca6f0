import { leafHash } from '../transparency/merkle';
import { MerkleFrontier } from '../transparency/merkle-frontier';
import { journalEntryHash, journalLeafBytes, type JournalEntry } from './journal-entry';

/** An entry at its place in the log, with the leaf hash the store keeps for it (level 0 of the tree). */
export interface LoggedEntry {
  index: number;
  entry: JournalEntry;
  storedLeafHash: Buffer;
}

export interface LogVerification {
  ok: boolean;
  checked: number;
  /** The tree recomputed from the entries: its size and root (hex). */
  head: { sequence: number; hash: string };
  /** The entry (its seq) where the log stops agreeing with itself; a missing entry gives its place (index + 1). */
  firstBadSequence?: number;
  /** What failed there, for the operator. */
  problem?: string;
}

/**
 * Rebuilds the tree from the entries themselves, in log order, and holds it against what the
 * store kept and signed: every entry's content hash, its stored leaf hash, no gap in the log, and
 * the root of every stored checkpoint at its size. An edited, removed or reordered entry changes a
 * leaf, and so the root of every checkpoint after it.
 */
export class JournalLogVerifier {
  private readonly frontier = new MerkleFrontier();
  private checked = 0;
  private bad: { sequence: number; problem: string } | undefined;

  /** `checkpointRoots`: size → root of every checkpoint the store signed. */
  constructor(private readonly checkpointRoots: ReadonlyMap<number, Buffer>) {}

  accept({ index, entry, storedLeafHash }: LoggedEntry): void {
    this.checked++;
    if (this.bad) return;
    if (index !== this.frontier.size) return this.fail(this.frontier.size + 1, `the log has no entry at index ${this.frontier.size}`);
    if (journalEntryHash(entry) !== entry.hash) return this.fail(entry.seq, `entry ${entry.seq} does not match its content hash`);
    const computed = leafHash(journalLeafBytes(entry));
    if (!computed.equals(storedLeafHash)) return this.fail(entry.seq, `entry ${entry.seq} does not match its leaf in the tree`);
    this.frontier.append(computed);
    const signed = this.checkpointRoots.get(this.frontier.size);
    if (signed && !signed.equals(this.frontier.root())) return this.fail(entry.seq, `the checkpoint of size ${this.frontier.size} signed another root`);
  }

  result(): LogVerification {
    if (!this.bad) {
      const beyond = [...this.checkpointRoots.keys()].find((size) => size > this.frontier.size);
      if (beyond !== undefined) this.fail(this.frontier.size + 1, `a checkpoint of size ${beyond} covers entries the log no longer has`);
    }
    return {
      ok: this.bad === undefined,
      checked: this.checked,
      head: { sequence: this.frontier.size, hash: this.frontier.root().toString('hex') },
      ...(this.bad ? { firstBadSequence: this.bad.sequence, problem: this.bad.problem } : {}),
    };
  }

  private fail(sequence: number, problem: string): void {
    this.bad = { sequence, problem };
  }
}
