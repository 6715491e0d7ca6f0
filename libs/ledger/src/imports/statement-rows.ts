import { DomainError } from '@registry/domain';
import { CsvError, parse } from 'csv-parse';
import { stream as excel } from 'exceljs';
import { Readable } from 'node:stream';

/** Every .xlsx file is a ZIP archive: it starts with the local file header signature "PK\x03\x04". */
const ZIP_SIGNATURE = Buffer.from([0x50, 0x4b, 0x03, 0x04]);

export { CsvError };

/**
 * The rows of a statement as cells of text, the header first: a CSV file, or the first worksheet of
 * an .xlsx workbook (told apart by the file's first bytes, so the CLI, a text/csv body and an upload
 * need no flag). Both are read as streams; an .xlsx keeps only its shared-strings table in memory.
 */
export async function* statementRows(source: Readable): AsyncGenerator<string[]> {
  const iterator = source[Symbol.asyncIterator]() as AsyncIterator<Buffer | string>;
  const first = await iterator.next();
  if (first.done) return;
  const head = Buffer.isBuffer(first.value) ? first.value : Buffer.from(first.value);
  const whole = Readable.from(
    (async function* () {
      yield head;
      for (let next = await iterator.next(); !next.done; next = await iterator.next()) yield next.value;
    })(),
  );
  if (head.subarray(0, 4).equals(ZIP_SIGNATURE)) yield* unreadableAsDomainError(xlsxRows(whole));
  else yield* whole.pipe(parse({ bom: true, relax_column_count: true, relax_quotes: true, skip_empty_lines: true })) as AsyncIterable<string[]>;
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
