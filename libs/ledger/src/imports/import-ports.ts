import type { BlockRecord, BlockStatus } from '../ports/ledger-records';

export type ImportKind = 'holdings';
export type ImportStatus = 'queued' | 'running' | 'done' | 'failed';

export interface ImportRecord {
  id: string;
  organizationId: string;
  actor: string;
  kind: ImportKind;
  /** Named by the caller or detected from the header; null until the header is read. */
  format: string | null;
  dryRun: boolean;
  status: ImportStatus;
  total: number;
  accepted: number;
  skipped: number;
  refused: number;
  /** Data rows whose outcome is committed: a retried job resumes after them. */
  rowsDone: number;
  error: string | null;
  createdAt: string;
  updatedAt: string;
}

export interface RefusedRowRecord {
  /** 1-based data row of the file. */
  row: number;
  serial: string;
  code: string;
  message: string;
}

/** What one committed batch adds to an import's counters. */
export interface ImportProgress {
  rowsDone: number;
  total: number;
  accepted: number;
  skipped: number;
  refused: number;
}

/** What an import compares a row with: the block's range, state, holder and evidence. */
export interface ReachingBlock {
  start: bigint;
  end: bigint;
  status: BlockStatus;
  ownerId: string | null;
  evidenceRegistry: string | null;
  evidenceReference: string | null;
}

export interface ImportStore {
  insert(record: ImportRecord): Promise<void>;
  find(id: string): Promise<ImportRecord | null>;
  /** An organisation's imports, newest first (created_at, then id, descending), after `before` when given. */
  listForOrganization(organizationId: string, before: { createdAt: string; id: string } | undefined, limit: number): Promise<ImportRecord[]>;
  /** `error`: kept when undefined, cleared when null. */
  setStatus(id: string, status: ImportStatus, at: string, fields?: { format?: string; error?: string | null }): Promise<void>;
  /** Adds a batch's counts and moves `rowsDone` forward (in the batch's own transaction). */
  addProgress(id: string, progress: ImportProgress, at: string): Promise<void>;
  insertRefused(importId: string, rows: readonly RefusedRowRecord[]): Promise<void>;
  refusedPage(importId: string, afterRow: number, limit: number): Promise<RefusedRowRecord[]>;
  appendSourceChunk(importId: string, chunk: number, content: Buffer): Promise<void>;
  /** The upload is wholly stored: from now on a job may read it (and the repair sweep may re-enqueue it). */
  markSourceComplete(importId: string, at: string): Promise<void>;
  /** Uploaded imports not finished and not touched since `before` (their job was lost with its process). */
  unfinishedUploads(before: string, limit: number): Promise<string[]>;
  sourceChunk(importId: string, chunk: number): Promise<Buffer | null>;
  /**
   * The live block (not a marked duplicate) with the greatest start <= `end` in `namespace`: the only
   * one that can overlap [start, end] when blocks are disjoint (the overlap trigger's own walk).
   */
  blockReaching(namespace: string, end: bigint): Promise<ReachingBlock | null>;
  /**
   * Inserts new held blocks in one statement; false (none written) when the schema refuses any of
   * them as an overlap or as another identity of serials on record.
   */
  tryInsertHoldings(blocks: readonly BlockRecord[]): Promise<boolean>;
}
