import { DomainError } from '@registry/domain';
import { parse } from 'csv-parse/sync';

/**
 * The `serial` column of a CSV upload (header row required). A row with too few or too many cells
 * still counts as a row (an empty serial if it has none), so that it answers an error in its place
 * instead of failing the whole upload.
 */
export function serialsFromCsv(text: string): string[] {
  let rows: Record<string, string>[];
  let header: string[] = [];
  try {
    const columns = (names: string[]) => (header = names);
    rows = parse(text, { columns, skip_empty_lines: true, trim: true, bom: true, relax_column_count: true });
  } catch (error) {
    throw new DomainError('VALIDATION_FAILED', `the CSV body cannot be read: ${(error as Error).message}`, {
      errors: [{ field: 'body', message: 'is not valid CSV' }],
    });
  }
  if (rows.length === 0 || !header.includes('serial')) {
    throw new DomainError('VALIDATION_FAILED', 'the CSV body needs a header row with a serial column and at least one row', {
      errors: [{ field: 'body.serial', message: 'column is missing' }],
    });
  }
  return rows.map((row) => row.serial ?? '');
}
