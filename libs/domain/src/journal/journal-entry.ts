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
  const text = serialize(value);
  if (text === undefined) throw new Error('value cannot be represented as JSON');
  return text;
}

/**
 * `canonicalize` (RFC 8785), but an array of plain values (strings, finite numbers, booleans, null,
 * arrays of them) is written by JSON.stringify in one native call: its text is the same, and an import's journal
 * entry lists ten thousand such rows (canonicalize wrote each value with its own call and string).
 */
function serialize(value: unknown): string | undefined {
  if (value === null || typeof value !== 'object' || (value as { toJSON?: unknown }).toJSON instanceof Function) return canonicalize(value);
  if (Array.isArray(value)) {
    if (isPlainValues(value)) return JSON.stringify(value);
    let text = '';
    for (let i = 0; i < value.length; i++) {
      if (!(i in value)) continue; // canonicalize skips holes (its reduce does)
      const item: unknown = value[i];
      text += `${i === 0 ? '' : ','}${serialize(item === undefined || typeof item === 'symbol' ? null : item)}`;
    }
    return `[${text}]`;
  }
  const object = value as Record<string, unknown>;
  let text = '';
  for (const key of Object.keys(object).sort()) {
    const item = object[key];
    if (item === undefined || typeof item === 'symbol') continue;
    text += `${text.length === 0 ? '' : ','}${JSON.stringify(key)}:${serialize(item)}`;
  }
  return `{${text}}`;
}

/** Plain values, or arrays of them (an import's rows), however deep: JSON.stringify writes them as canonicalize does. */
function isPlainValues(values: readonly unknown[]): boolean {
  for (let i = 0; i < values.length; i++) {
    const v = values[i];
    if (typeof v === 'string' || typeof v === 'boolean' || v === null) continue;
    if (typeof v === 'number' && Number.isFinite(v)) continue;
    if (Array.isArray(v) && !('toJSON' in v) && isPlainValues(v)) continue;
    return false; // holes read as undefined: the slow path keeps canonicalize's text for them
  }
  return true;
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
