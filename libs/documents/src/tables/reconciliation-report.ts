import type { ReconciliationLine } from '@registry/ledger';

/** The report's columns, in order (CSV header = these names). */
export const REPORT_COLUMNS = [
  'outcome',
  'row',
  'serial',
  'detail',
  'registryDate',
  'registryBeneficiary',
  'registryReference',
  'retirementId',
  'certificateNumber',
  'ledgerDate',
  'ledgerBeneficiary',
  'evidenceReference',
] as const;

export function reportRecord(line: ReconciliationLine): Record<(typeof REPORT_COLUMNS)[number], string | number | null> {
  const { position: _position, ...fields } = line;
  return fields;
}
