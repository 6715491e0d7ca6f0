import type { ExportRowKind, SchemeCode, SerialAttributes } from '@registry/domain';

export const RECONCILIATION_ALERT_KINDS = [
  'retired_in_registry_held_here',
  'retired_here_not_in_registry',
  'beneficiary_mismatch',
  'date_mismatch',
] as const;
export type ReconciliationAlertKind = (typeof RECONCILIATION_ALERT_KINDS)[number];
/** Every line of a reconciliation report: a matched part, an alert, or an export row that could not be read. */
export type ReconciliationOutcome = 'matched' | ReconciliationAlertKind | 'unreadable';

/** One readable row of the registry's export, as a serial range; kept small (a million of them sit in memory while sorted). */
export interface ExportRange {
  /** 1-based data row of the export. */
  readonly row: number;
  readonly namespace: string;
  readonly start: bigint;
  readonly end: bigint;
  /** Canonical form of the whole row's block. */
  readonly canonical: string;
  /** The project the serial names (`projectOf`), '' where the namespace is the project. */
  readonly project: string;
  readonly kind: ExportRowKind;
  readonly retiredOn?: string;
  readonly beneficiary?: string;
  /** The registry's own format names the registry on each row. */
  readonly registry?: string;
  readonly reference?: string;
}

/** A live block of the ledger, with its retirement when retired. */
export interface LedgerRange {
  readonly blockId: string;
  readonly scheme: SchemeCode;
  readonly namespace: string;
  readonly start: bigint;
  readonly end: bigint;
  readonly attributes: SerialAttributes;
  readonly status: 'held' | 'retired';
  readonly ownerId: string | null;
  readonly retirementId: string | null;
  readonly certificateNumber: string | null;
  readonly retiredOn: string | null;
  readonly beneficiary: string | null;
  /** The retirement's evidence: the managing registry's record of the cancellation. */
  readonly evidenceRegistry: string | null;
  readonly evidenceReference: string | null;
}

/** One compared part: the overlap of an export row and a ledger block (or a ledger part no row covers). */
export interface RangeOutcome {
  readonly outcome: Exclude<ReconciliationOutcome, 'unreadable'>;
  readonly namespace: string;
  readonly start: bigint;
  readonly end: bigint;
  readonly exportRange: ExportRange | null;
  readonly ledger: LedgerRange;
  readonly detail: string;
}

/** The project a serial names, where it names one (Verra numbers every project in one namespace). */
export function projectOf(attributes: SerialAttributes): string {
  return String(attributes['projectId'] ?? attributes['projectNumber'] ?? attributes['programNumber'] ?? '');
}

/** Which project a range belongs to: its namespace, narrowed by the project the serial names. */
export function projectKey(namespace: string, project: string): string {
  return `${namespace}\u0000${project}`;
}
