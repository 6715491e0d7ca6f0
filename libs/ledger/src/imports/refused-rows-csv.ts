import { stringify } from 'csv-stringify/sync';
import type { RefusedRowRecord } from './import-ports';

export const REFUSED_ROWS_COLUMNS = ['row', 'serial', 'code', 'message'] as const;

/** Spreadsheet tools read the Japanese only when the file says it is UTF-8. */
export const UTF8_BOM = '\ufeff';

/** The same rule as every CSV the API writes (apps/api/src/http/csv.ts): no cell runs as a formula. */
function neutraliseFormula(cell: string): string {
  return /^[=+\-@\t\r]/.test(cell) ? `'${cell}` : cell;
}

/** The header line of a refused-rows report, BOM first. */
export function refusedRowsCsvHeader(): string {
  return UTF8_BOM + stringify([[...REFUSED_ROWS_COLUMNS]]);
}

/** Lines of a refused-rows report (streamed page by page: the list can be as long as the file). */
export function refusedRowsCsvLines(rows: readonly RefusedRowRecord[]): string {
  if (rows.length === 0) return '';
  return stringify(rows.map((r) => [String(r.row), neutraliseFormula(r.serial), neutraliseFormula(r.code), neutraliseFormula(r.message)]));
}
