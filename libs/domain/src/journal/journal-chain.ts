import { createHash } from 'node:crypto';
import canonicalize from 'canonicalize';

export const GENESIS_HASH = '0'.repeat(64);

/** One journal entry as stored; `payload` is the canonical (RFC 8785) JSON text of the change. */
export interface JournalEntry {
  seq: number;
  type: string;
  payload: string;
  actor: string;
  recordedAt: string;
  prevHash: string;
  hash: string;
}

export function canonicalJson(value: unknown): string {
  const text = canonicalize(value);
  if (text === undefined) throw new Error('value cannot be represented as JSON');
  return text;
}

/**
 * The hash covers every stored field of the entry and the previous hash, so editing, removing
 * or reordering any entry breaks every hash after it.
 */
export function journalEntryHash(entry: Omit<JournalEntry, 'hash'>): string {
  const material = canonicalJson({
    seq: entry.seq,
    type: entry.type,
    payload: entry.payload,
    actor: entry.actor,
    recordedAt: entry.recordedAt,
    prevHash: entry.prevHash,
  });
  return createHash('sha256').update(material, 'utf8').digest('hex');
}

export function nextJournalEntry(
  head: { seq: number; hash: string },
  change: { type: string; payload: unknown; actor: string; recordedAt: string },
): JournalEntry {
  const entry = {
    seq: head.seq + 1,
    type: change.type,
    payload: canonicalJson(change.payload),
    actor: change.actor,
    recordedAt: change.recordedAt,
    prevHash: head.hash,
  };
  return { ...entry, hash: journalEntryHash(entry) };
}

export interface ChainVerification {
  ok: boolean;
  checked: number;
  head: { sequence: number; hash: string };
  firstBadSequence?: number;
}

/** Walks entries in stored order; sequences must run 1, 2, 3… with each hash chained to the last. */
export class JournalChainVerifier {
  private expectedSeq = 1;
  private prevHash = GENESIS_HASH;
  private checked = 0;
  private firstBad: number | undefined;

  accept(entry: JournalEntry): void {
    this.checked++;
    if (this.firstBad !== undefined) return;
    const intact =
      entry.seq === this.expectedSeq && entry.prevHash === this.prevHash && journalEntryHash(entry) === entry.hash;
    if (!intact) {
      this.firstBad = entry.seq === this.expectedSeq ? entry.seq : this.expectedSeq;
      return;
    }
    this.expectedSeq++;
    this.prevHash = entry.hash;
  }

  /** `head` is what the ledger claims as its latest entry; a truncated journal does not match it. */
  result(head: { seq: number; hash: string }): ChainVerification {
    if (this.firstBad === undefined && (head.seq !== this.expectedSeq - 1 || head.hash !== this.prevHash)) {
      this.firstBad = this.expectedSeq;
    }
    return {
      ok: this.firstBad === undefined,
      checked: this.checked,
      head: { sequence: head.seq, hash: head.hash },
      ...(this.firstBad === undefined ? {} : { firstBadSequence: this.firstBad }),
    };
  }
}
