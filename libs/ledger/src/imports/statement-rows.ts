import { DomainError } from '@registry/domain';
import { CsvError } from 'csv-parse';
import type * as ExcelJS from 'exceljs';
import type { Readable } from 'node:stream';
import { statementCsvRecords } from './statement-csv';

/** Every .xlsx file is a ZIP archive: it starts with the local file header signature "PK\x03\x04". */
const ZIP_SIGNATURE = Buffer.from([0x50, 0x4b, 0x03, 0x04]);

export { CsvError };

/**
 * The rows of a statement as cells of text, the header first, in batches: a CSV file, or the first
 * worksheet of an .xlsx workbook (told apart by the file's first bytes, so the CLI, a text/csv body and
 * an upload need no flag). Both are read as streams; an .xlsx keeps only its shared-strings table in
 * memory. CSV rows come a chunk of the file at a time: a million rows pay for no async step each.
 */
export async function statementRows(source: Readable): Promise<AsyncIterable<string[][]>> {
  const head = await firstChunk(source);
  if (head === null) return (async function* () {})();
  source.unshift(head);
  if (head.subarray(0, 4).equals(ZIP_SIGNATURE)) return oneByOne(unreadableAsDomainError(xlsxRows(source)));
  return statementCsvRecords(source);
}

async function* oneByOne(rows: AsyncIterable<string[]>): AsyncGenerator<string[][]> {
  for await (const row of rows) yield [row];
}

/** Waits for the first bytes without starting the flow ('readable' also fires at the end of an empty stream). */
async function firstChunk(source: Readable): Promise<Buffer | null> {
  for (;;) {
    const chunk = source.read() as Buffer | string | null;
    if (chunk !== null) return Buffer.isBuffer(chunk) ? chunk : Buffer.from(chunk);
    if (source.readableEnded) return null;
    await new Promise<void>((resolve, reject) => {
      const done = () => {
        source.off('error', failed);
        resolve();
      };
      const failed = (error: Error) => {
        source.off('readable', done);
        source.off('end', done);
        reject(error);
      };
      source.once('readable', done);
      source.once('end', done);
      source.once('error', failed);
    });
  }
}

/** A workbook that cannot be read fails the import for good (a retry reads the same bytes). */
async function* unreadableAsDomainError(rows: AsyncGenerator<string[]>): AsyncGenerator<string[]> {
  try {
    yield* rows;
  } catch (error) {
    const message = `file: the .xlsx workbook cannot be read (${(error as Error).message})`;
    throw new DomainError('VALIDATION_FAILED', message, { errors: [{ field: 'file', message }] });
  }
}

async function* xlsxRows(source: Readable): AsyncGenerator<string[]> {
  // Loaded on the first workbook only: exceljs is large, and most statements are CSV.
  const excel = (require('exceljs') as typeof ExcelJS).stream;
  const workbook = new excel.xlsx.WorkbookReader(source, { worksheets: 'emit', sharedStrings: 'cache', hyperlinks: 'ignore', styles: 'ignore', entries: 'emit' });
  for await (const worksheet of workbook) {
    for await (const row of worksheet) {
      const values = row.values as unknown[];
      const cells: string[] = [];
      for (let c = 1; c < values.length; c++) cells.push(cellText(values[c]));
      if (cells.some((cell) => cell.trim() !== '')) yield cells;
    }
    return; // the first worksheet is the statement
  }
}

/** A cell as the text a CSV of the same sheet would hold: rich text joined, a formula's result, a date's day. */
function cellText(value: unknown): string {
  if (value === null || value === undefined) return '';
  if (value instanceof Date) return value.toISOString().slice(0, 10);
  if (typeof value === 'object') {
    const v = value as { richText?: { text: string }[]; text?: unknown; result?: unknown; error?: string };
    if (v.richText) return v.richText.map((part) => part.text).join('');
    if (v.text !== undefined) return cellText(v.text);
    if ('result' in v) return cellText(v.result);
    if (v.error) return v.error;
    return '';
  }
  return String(value);
}
