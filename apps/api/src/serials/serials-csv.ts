import { DomainError } from '@registry/domain';
import { parse } from 'csv-parse/sync';

/** The `serial` column of a CSV upload (header row required). */
export function serialsFromCsv(text: string): string[] {
  let rows: Record<string, string>[];
  try {
    rows = parse(text, { columns: true, skip_empty_lines: true, trim: true, bom: true });
  } catch (error) {
    throw new DomainError('VALIDATION_FAILED', `the CSV body cannot be read: ${(error as Error).message}`, {
      errors: [{ field: 'body', message: 'is not valid CSV' }],
    });
  }
  if (rows.length === 0 || !('serial' in rows[0])) {
    throw new DomainError('VALIDATION_FAILED', 'the CSV body needs a header row with a serial column and at least one row', {
      errors: [{ field: 'body.serial', message: 'column is missing' }],
    });
  }
  return rows.map((row) => row.serial);
}
