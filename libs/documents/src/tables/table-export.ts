import { DomainError } from '@registry/domain';
import { stringify } from 'csv-stringify/sync';
import type ExcelJS from 'exceljs';
import { PassThrough, type Writable } from 'node:stream';
import { neutraliseFormula } from './formula-cells';

/** One column of an exported list: its headers in both languages and how a row fills it. */
export interface ExportColumn<T> {
  en: string;
  ja: string;
  value: (row: T) => string | number | null | undefined;
}

export type ListFormat = 'json' | 'csv' | 'xlsx';
export type HeaderLanguage = 'en' | 'ja';

const XLSX = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';
const UTF8_BOM = '\ufeff';
/** An export reads the list in pages of this many rows, so memory stays flat however long it is. */
const EXPORT_PAGE = 1000;

/** `?format=` wins; otherwise `Accept: text/csv` or the xlsx type asks for a file. */
export function listFormat(format: string | undefined, accept: string | undefined): ListFormat {
  if (format !== undefined) {
    if (format === 'json' || format === 'csv' || format === 'xlsx') return format;
    throw new DomainError('VALIDATION_FAILED', 'format must be json, csv or xlsx', { errors: [{ field: 'format', message: 'must be json, csv or xlsx' }] });
  }
  if (accept?.includes('text/csv')) return 'csv';
  if (accept?.includes(XLSX)) return 'xlsx';
  return 'json';
}

export function headerLanguage(lang: string | undefined): HeaderLanguage {
  if (lang === undefined || lang === 'en' || lang === 'ja') return lang ?? 'en';
  throw new DomainError('VALIDATION_FAILED', 'lang must be en or ja', { errors: [{ field: 'lang', message: 'must be en or ja' }] });
}

export interface TableExport<T> {
  format: 'csv' | 'xlsx';
  lang: HeaderLanguage;
  columns: readonly ExportColumn<T>[];
  /** The list's name: the file name and the sheet name. */
  name: string;
  /** One page of the list from a cursor (undefined: the first). */
  page: (cursor: string | undefined, limit: number) => Promise<{ items: T[]; nextCursor?: string }>;
  cursor?: string;
  /** At most this many rows (unset: the whole list from the cursor on). */
  limit?: number;
}

export const TABLE_CONTENT_TYPE = { csv: 'text/csv; charset=utf-8', xlsx: XLSX } as const;

/**
 * Streams a whole filtered list as CSV (UTF-8 BOM, formula cells neutralised) or .xlsx (cells
 * written as text, which a spreadsheet never evaluates), reading it page by page.
 */
export function writeTable<T>(spec: TableExport<T>, out: Writable): Promise<void> {
  return spec.format === 'csv' ? writeCsv(spec, out) : writeXlsx(spec, out);
}

/** The same as a readable stream (for an HTTP answer); a failure midway destroys it. */
export function tableStream<T>(spec: TableExport<T>): PassThrough {
  const out = new PassThrough();
  writeTable(spec, out).catch((error: unknown) => out.destroy(error instanceof Error ? error : new Error(String(error))));
  return out;
}

async function* rowsOf<T>(spec: TableExport<T>): AsyncGenerator<T[]> {
  let cursor = spec.cursor;
  let remaining = spec.limit ?? Number.POSITIVE_INFINITY;
  while (remaining > 0) {
    const page = await spec.page(cursor, Math.min(EXPORT_PAGE, remaining));
    yield page.items;
    remaining -= page.items.length;
    if (!page.nextCursor) return;
    cursor = page.nextCursor;
  }
}

const cellText = (value: string | number | null | undefined): string => (value === null || value === undefined ? '' : String(value));

async function writeCsv<T>(spec: TableExport<T>, out: Writable): Promise<void> {
  out.write(UTF8_BOM + stringify([spec.columns.map((c) => neutraliseFormula(c[spec.lang]))]));
  for await (const rows of rowsOf(spec)) {
    const cells = rows.map((row) => spec.columns.map((c) => neutraliseFormula(cellText(c.value(row)))));
    if (cells.length && !out.write(stringify(cells))) await new Promise((resolve) => out.once('drain', resolve));
  }
  out.end();
}

async function writeXlsx<T>(spec: TableExport<T>, out: Writable): Promise<void> {
  // Required here, not at start-up: exceljs takes ~0.4 s to load, which every CLI command paid.
  const excel = require('exceljs') as typeof ExcelJS;
  const workbook = new excel.stream.xlsx.WorkbookWriter({ stream: out, useStyles: false, useSharedStrings: false });
  const sheet = workbook.addWorksheet(spec.name);
  sheet.addRow(spec.columns.map((c) => c[spec.lang])).commit();
  for await (const rows of rowsOf(spec)) {
    for (const row of rows) sheet.addRow(spec.columns.map((c) => cellText(c.value(row)))).commit();
  }
  sheet.commit();
  await workbook.commit();
}
