import type { JournalEntry, NodeId, NodeWithHash } from '@registry/domain';
import type { LoggedJournalEntry } from '../ports/ledger-stores';

export interface CheckpointRecord {
  size: number;
  rootHash: Buffer;
  /** The C2SP signed note, as published. */
  note: string;
  createdAt: string;
}

/** The Merkle tree log's tables: leaves (entry → index), every perfect subtree's hash, signed checkpoints. */
export interface LogStore {
  /** Entries waiting for the sequencer, oldest id first. */
  pending(limit: number): Promise<JournalEntry[]>;
  /** Leaves in the log (the next index to give). */
  size(): Promise<number>;
  /** The hashes of perfect aligned subtrees, keyed `level/index`; absent ones are missing from the map. */
  nodes(ids: readonly NodeId[]): Promise<Map<string, Buffer>>;
  /** Gives the entries their indexes, stores the nodes they complete and takes them off the queue. */
  appendLeaves(leaves: readonly { index: number; seq: number }[], nodes: readonly NodeWithHash[], sequencedAt: string): Promise<void>;
  addCheckpoint(checkpoint: CheckpointRecord): Promise<void>;
  latestCheckpoint(): Promise<CheckpointRecord | null>;
  /** Size → root of every checkpoint signed. */
  checkpointRoots(): Promise<Map<number, Buffer>>;
  /** The log index of an entry, or null while it waits. */
  indexOfSeq(seq: number): Promise<number | null>;
  /** Logged entries from `fromIndex` with the leaf hash stored for each (for `ledger verify`). */
  loggedWithLeaves(fromIndex: number, limit: number): Promise<(LoggedJournalEntry & { storedLeafHash: Buffer })[]>;
}

/**
 * The right to be the log's one sequencer. PostgreSQL: a session advisory lock held on a
 * connection of its own, released by the database when the process or its connection dies, so
 * another process takes over. SQLite: the process that has the database is the sequencer.
 */
export abstract class SequencerLease {
  /** Becomes, or checks it still is, the sequencer; false while another process is. */
  abstract hold(): Promise<boolean>;
  abstract release(): Promise<void>;
}
