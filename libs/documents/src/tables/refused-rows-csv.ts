import type { RefusedRowRecord } from '@registry/ledger';
import { stringify } from 'csv-stringify/sync';
import { neutraliseFormula } from './formula-cells';

export const REFUSED_ROWS_COLUMNS = ['row', 'serial', 'code', 'message'] as const;

/** Spreadsheet tools read the Japanese only when the file says it is UTF-8. */
export const UTF8_BOM = '\ufeff';

/** The header line of a refused-rows report, BOM first. */
export function refusedRowsCsvHeader(): string {
  return UTF8_BOM + stringify([[...REFUSED_ROWS_COLUMNS]]);
}

/** Lines of a refused-rows report (streamed page by page: the list can be as long as the file). */
export function refusedRowsCsvLines(rows: readonly RefusedRowRecord[]): string {
  if (rows.length === 0) return '';
  return stringify(rows.map((r) => [String(r.row), neutraliseFormula(r.serial), neutraliseFormula(r.code), neutraliseFormula(r.message)]));
}

/** The whole report, header first, one chunk per page of refused rows. */
export async function* refusedRowsCsv(pages: AsyncIterable<readonly RefusedRowRecord[]>): AsyncIterable<string> {
  yield refusedRowsCsvHeader();
  for await (const page of pages) if (page.length > 0) yield refusedRowsCsvLines(page);
}
