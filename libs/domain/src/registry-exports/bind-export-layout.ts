import type { SchemeCode } from '../schemes/scheme-catalog';
import { SCHEME_CODES } from '../schemes/scheme-catalog';
import { memoizeText } from '../text/text-memo';
import { exportDate } from './export-dates';
import type { ColumnReader, ExportColumns, ExportLayout, ExportRowKind } from './export-layout';

/** One row of an export, read through its layout; dates as YYYY-MM-DD. */
export interface ExportRow {
  /** The serial as text for the grammars (already joined from several columns where needed). */
  readonly serial: string;
  readonly kind: ExportRowKind;
  /** Digits only ("28,571" → "28571"); undefined when the layout has no quantity column or the cell is empty. */
  readonly quantity?: string;
  readonly issuedOn?: string;
  readonly retiredOn?: string;
  readonly beneficiary?: string;
  readonly retirementReason?: string;
  /** The registry's own format only. */
  readonly scheme?: SchemeCode;
  readonly registry?: string;
  readonly reference?: string;
}

/** A row the layout cannot read; `column` names the header cell at fault. */
export class ExportRowError extends Error {
  constructor(
    readonly column: string,
    message: string,
  ) {
    super(message);
    this.name = 'ExportRowError';
  }
}

/** Header cells compare without case or repeated spaces: ACR prints "Status Effective  (GMT)" in one file. */
export function normalizeHeaderName(name: string): string {
  return name.replace(/^\uFEFF/, '').trim().replace(/\s+/g, ' ').toLowerCase();
}

export interface BoundExportLayout {
  readonly layout: ExportLayout;
  /** Position of the rightmost column the layout reads: a reader need not split a row further. */
  readonly lastColumn: number;
  /** Reads one row given as cells in header order. Throws ExportRowError. */
  read(cells: readonly string[]): ExportRow;
}

/** Columns of the layout missing from the header (by their names in the layout). */
export function missingColumns(layout: ExportLayout, header: readonly string[]): string[] {
  const present = new Set(header.map(normalizeHeaderName));
  const optional = new Set<string>(layout.optional ?? []);
  const required = [
    ...Object.entries(layout.columns)
      .filter(([role, name]) => name !== undefined && !optional.has(role))
      .map(([, name]) => name as string),
    ...(layout.signature ?? []),
  ];
  return [...new Set(required)].filter((name) => !present.has(normalizeHeaderName(name)));
}

/** Resolves the layout's columns to positions once, so each row is read by index (a million rows a run). */
export function bindExportLayout(layout: ExportLayout, header: readonly string[]): BoundExportLayout {
  const missing = missingColumns(layout, header);
  if (missing.length > 0) throw new ExportRowError(missing[0]!, `the ${layout.format} ${layout.name} export needs the column(s) ${missing.join(', ')}`);
  const positions = new Map(header.map((name, index) => [normalizeHeaderName(name), index] as const));
  const index: Partial<Record<keyof ExportColumns, number>> = {};
  for (const [role, name] of Object.entries(layout.columns) as [keyof ExportColumns, string | undefined][]) {
    const position = name === undefined ? undefined : positions.get(normalizeHeaderName(name));
    if (position !== undefined) index[role] = position;
  }
  const columnName = (role: keyof ExportColumns) => layout.columns[role] ?? role;
  // Registries print the same date (or instant) on many rows: read each text once.
  const readDate = memoizeText(exportDate);

  return {
    layout,
    lastColumn: Math.max(...Object.values(index)),
    read(cells) {
      const cell: ColumnReader = (role) => {
        const position = index[role];
        return position === undefined ? '' : (cells[position] ?? '');
      };
      const optionalText = (role: keyof ExportColumns) => {
        const text = cell(role).trim();
        return text === '' ? undefined : text;
      };
      const date = (role: 'issuanceDate' | 'retirementDate') => {
        const value = readDate(cell(role));
        if (value === null) throw new ExportRowError(columnName(role), `unreadable date ${JSON.stringify(cell(role))}`);
        return value;
      };
      const kind = layout.kind(cell);
      if (kind === undefined) throw new ExportRowError(columnName('status'), `unknown status ${JSON.stringify(cell('status'))}`);
      const serial = (layout.serialText ? layout.serialText(cell) : cell('serial')).trim();
      if (cell('serial').trim() === '') throw new ExportRowError(columnName('serial'), 'the serial is empty');
      return {
        serial,
        kind,
        quantity: quantityCell(cell('quantity'), columnName('quantity')),
        issuedOn: date('issuanceDate'),
        retiredOn: kind === 'holding' ? undefined : date('retirementDate'),
        beneficiary: optionalText('beneficiary'),
        retirementReason: optionalText('retirementReason'),
        scheme: schemeCell(optionalText('scheme'), columnName('scheme')),
        registry: optionalText('registry'),
        reference: optionalText('reference'),
      };
    },
  };
}

/** Export quantities come as "28,571" or "4971": whole units only. */
function quantityCell(text: string, column: string): string | undefined {
  const trimmed = text.trim();
  if (trimmed === '') return undefined;
  const digits = trimmed.replace(/,/g, '');
  if (!/^\d+$/.test(digits)) throw new ExportRowError(column, `unreadable quantity ${JSON.stringify(text)}`);
  return digits.replace(/^0+(?=\d)/, '');
}

function schemeCell(text: string | undefined, column: string): SchemeCode | undefined {
  if (text === undefined) return undefined;
  const code = text.toUpperCase();
  if (!(SCHEME_CODES as readonly string[]).includes(code)) throw new ExportRowError(column, `unknown scheme ${JSON.stringify(text)}`);
  return code as SchemeCode;
}
