import { stringify } from 'csv-stringify/sync';

/** Spreadsheet tools read the Japanese only when the file says it is UTF-8. */
const UTF8_BOM = '\ufeff';

/**
 * A cell that a spreadsheet would run as a formula (OWASP "CSV injection": `=`, `+`, `-`, `@`, tab,
 * CR) gets a leading apostrophe, which spreadsheets show as text and do not evaluate. By rule, not
 * by column: a column that "cannot" start with these characters today is escaped the same way.
 */
export function neutraliseFormula(cell: string): string {
  return /^[=+\-@\t\r]/.test(cell) ? `'${cell}` : cell;
}

/** The one CSV writer: a header row from `columns`, a UTF-8 BOM, every cell formula-neutralised. */
export function toCsv(rows: readonly Record<string, unknown>[], columns: readonly string[]): string {
  return (
    UTF8_BOM +
    stringify([...rows], {
      header: true,
      columns: columns.map((key) => ({ key, header: neutraliseFormula(key) })),
      cast: {
        string: neutraliseFormula,
        number: (value) => neutraliseFormula(String(value)),
        bigint: (value) => neutraliseFormula(String(value)),
        object: (value) => neutraliseFormula(JSON.stringify(value)),
      },
    })
  );
}
