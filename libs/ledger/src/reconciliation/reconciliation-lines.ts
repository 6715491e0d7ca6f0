import { formatSerial, parseSerial, SerialRange, type SchemeCode } from '@registry/domain';
import type { ReconciliationLine } from './reconciliation-ports';
import type { ExportRange, LedgerRange, RangeOutcome } from './reconciliation-types';
import type { UnreadableRow } from './read-export-ranges';

/** The canonical form of the compared part: the row's own text when the part is the whole row. */
function partSerial(row: ExportRange | null, ledger: LedgerRange, start: bigint, end: bigint): string {
  if (row && row.start === start && row.end === end) return row.canonical;
  const base = row ? parseSerial(row.canonical) : { scheme: ledger.scheme as SchemeCode, namespace: ledger.namespace, attributes: ledger.attributes, canonical: '' };
  return formatSerial({ ...base, range: new SerialRange(start, end) });
}

export function outcomeLine(position: number, outcome: RangeOutcome): ReconciliationLine {
  const { exportRange: row, ledger } = outcome;
  return {
    position,
    outcome: outcome.outcome,
    row: row?.row ?? null,
    serial: partSerial(row, ledger, outcome.start, outcome.end),
    detail: outcome.detail,
    registryDate: row?.retiredOn ?? null,
    registryBeneficiary: row?.beneficiary ?? null,
    registryReference: row ? (row.reference ?? `row ${row.row}: ${row.canonical}`) : null,
    retirementId: ledger.retirementId,
    certificateNumber: ledger.certificateNumber,
    ledgerDate: ledger.retiredOn,
    ledgerBeneficiary: ledger.beneficiary,
    evidenceReference: ledger.evidenceReference,
  };
}

export function unreadableLine(position: number, unreadable: UnreadableRow): ReconciliationLine {
  return {
    position,
    outcome: 'unreadable',
    row: unreadable.row,
    serial: unreadable.serial,
    detail: unreadable.message,
    registryDate: null,
    registryBeneficiary: null,
    registryReference: null,
    retirementId: null,
    certificateNumber: null,
    ledgerDate: null,
    ledgerBeneficiary: null,
    evidenceReference: null,
  };
}
