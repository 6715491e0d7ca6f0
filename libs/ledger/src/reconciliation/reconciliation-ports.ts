import type { RegistryExportFormat } from '@registry/domain';
import type { LedgerRange, ReconciliationOutcome } from './reconciliation-types';

export type { LedgerRange, ReconciliationOutcome } from './reconciliation-types';

export type ReconciliationStatus = 'queued' | 'running' | 'done' | 'failed';

export interface ReconciliationRecord {
  id: string;
  /** Who asked (null: the CLI, run by the operator). */
  organizationId: string | null;
  /** Whose blocks are compared (null: every block, for an auditor or the operator). */
  scopeOrganizationId: string | null;
  /** As named by the caller until the run detects it from the header. */
  format: RegistryExportFormat | null;
  layout: string | null;
  status: ReconciliationStatus;
  rows: number;
  matched: number;
  alertCount: number;
  unreadable: number;
  error: string | null;
  createdAt: string;
  finishedAt: string | null;
}

/** One line of the report: a matched part, an alert, or an unreadable export row. */
export interface ReconciliationLine {
  position: number;
  outcome: ReconciliationOutcome;
  /** 1-based data row of the export; null for a ledger retirement no row covers. */
  row: number | null;
  serial: string;
  detail: string;
  registryDate: string | null;
  registryBeneficiary: string | null;
  registryReference: string | null;
  retirementId: string | null;
  certificateNumber: string | null;
  ledgerDate: string | null;
  ledgerBeneficiary: string | null;
  evidenceReference: string | null;
}

export interface ReconciliationSummary {
  format: RegistryExportFormat;
  layout: string;
  rows: number;
  matched: number;
  alertCount: number;
  unreadable: number;
}

export interface ReconciliationStore {
  insert(record: ReconciliationRecord, source: string | null): Promise<void>;
  findById(id: string): Promise<ReconciliationRecord | null>;
  source(id: string): Promise<string | null>;
  /** Starts (or restarts, after a crash) a run: earlier lines of the same reconciliation go. */
  start(id: string): Promise<void>;
  appendLines(id: string, lines: readonly ReconciliationLine[]): Promise<void>;
  finish(id: string, summary: ReconciliationSummary, at: string): Promise<void>;
  fail(id: string, error: string, at: string): Promise<void>;
  /** Lines in report order, optionally only alerts; `afterPosition` pages. */
  lines(id: string, options: { alertsOnly: boolean; afterPosition: number; limit: number }): Promise<ReconciliationLine[]>;
  /**
   * Live blocks of some namespaces with their retirement, at most `limit`, ordered by namespace (in
   * the database's collation) then start, so every namespace but the last one returned is whole.
   * `ownerId` narrows to one organisation's blocks (held by it or retired by it).
   */
  liveBlocksIn(namespaces: readonly string[], limit: number, ownerId: string | null): Promise<LedgerRange[]>;
  /** Live blocks of one namespace starting after `afterStart`, by start: a page of a large namespace. */
  liveBlocksOf(namespace: string, afterStart: bigint, limit: number, ownerId: string | null): Promise<LedgerRange[]>;
}
