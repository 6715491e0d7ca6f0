import { neutraliseFormula } from '@registry/documents';
import { stringify } from 'csv-stringify/sync';

/** Spreadsheet tools read the Japanese only when the file says it is UTF-8. */
const UTF8_BOM = '\ufeff';

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
