import { createHash } from 'node:crypto';
import canonicalize from 'canonicalize';

/**
 * One journal entry as stored; `payload` is the canonical (RFC 8785) JSON text of the change.
 * `seq` is the entry's id, given when it is written; its place in the log comes later, from the
 * sequencer. `prevHash` is the hash chain that ordered entries before the log did: entries written
 * since carry `''` (the Merkle tree orders and seals them), earlier ones keep their link.
 */
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

/** The log's leaf for the entry (API.md "Transparency log"): the canonical JSON of every stored field but the hash. */
export function journalLeafBytes(entry: Omit<JournalEntry, 'hash'>): Buffer {
  const material = canonicalJson({
    seq: entry.seq,
    type: entry.type,
    payload: entry.payload,
    actor: entry.actor,
    recordedAt: entry.recordedAt,
    prevHash: entry.prevHash,
  });
  return Buffer.from(material, 'utf8');
}

/** SHA-256 of the leaf bytes, stored with the entry in the writer's transaction (the content hash). */
export function journalEntryHash(entry: Omit<JournalEntry, 'hash'>): string {
  return createHash('sha256').update(journalLeafBytes(entry)).digest('hex');
}

export function newJournalEntry(seq: number, change: { type: string; payload: unknown; actor: string; recordedAt: string }): JournalEntry {
  const entry = { seq, type: change.type, payload: canonicalJson(change.payload), actor: change.actor, recordedAt: change.recordedAt, prevHash: '' };
  return { ...entry, hash: journalEntryHash(entry) };
}
