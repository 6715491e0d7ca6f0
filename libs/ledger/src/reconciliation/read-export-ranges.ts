import {
  bindExportLayout,
  DomainError,
  detachedText,
  detectExportLayout,
  parseSerial,
  REGISTRY_EXPORT_TABLES,
  type BoundExportLayout,
  type ExportRow,
  type RegistryExportFormat,
  type RegistryExportTable,
} from '@registry/domain';
import { csvRecords } from './csv-records';
import { projectOf, type ExportRange } from './reconciliation-types';

export interface UnreadableRow {
  readonly row: number;
  readonly serial: string;
  readonly message: string;
}

export interface ExportRanges {
  readonly table: RegistryExportTable;
  readonly bound: BoundExportLayout;
  readonly rows: number;
  readonly ranges: ExportRange[];
}

/** Many rows repeat a date, a beneficiary or a project: one string each keeps a million rows small. */
class Interned {
  private readonly strings = new Map<string, string>();
  of(text: string | undefined): string | undefined {
    if (text === undefined) return undefined;
    const known = this.strings.get(text);
    if (known !== undefined) return known;
    const copy = detachedText(text);
    if (this.strings.size < 100_000) this.strings.set(copy, copy);
    return copy;
  }
}

/**
 * Streams the export: the header picks the layout (or confirms the named format), every row
 * becomes a serial range; a row that cannot be read is handed to `unreadable` and the run goes on.
 * A header no layout reads is 400 VALIDATION_FAILED naming `format`.
 */
export async function readExportRanges(
  source: AsyncIterable<Buffer | string> | string,
  format: RegistryExportFormat | undefined,
  unreadable: (row: UnreadableRow) => void,
): Promise<ExportRanges> {
  const interned = new Interned();
  const ranges: ExportRange[] = [];
  let bound: BoundExportLayout | undefined;
  let table: RegistryExportTable | undefined;
  let rows = 0;
  let fieldsWanted = Infinity;
  for await (const batch of csvRecords(source, () => fieldsWanted)) {
    for (const cells of batch) {
    if (!bound) {
      const choice = detectExportLayout(cells, format);
      if (!choice.layout) throw new DomainError('VALIDATION_FAILED', choice.problem, { errors: [{ field: 'format', message: choice.problem }] });
      bound = bindExportLayout(choice.layout, cells);
      table = REGISTRY_EXPORT_TABLES[choice.layout.format];
      fieldsWanted = bound.lastColumn + 1;
      continue;
    }
    rows++;
    let read: ExportRow | undefined;
    try {
      read = bound.read(cells);
      // A single-scheme format reads its serials as that scheme: the message then speaks of that format.
      const parsed = parseSerial(read.serial, read.scheme ?? (table!.schemes.length === 1 ? table!.schemes[0] : undefined));
      if (table!.schemes.length > 0 && !table!.schemes.includes(parsed.scheme)) {
        throw new Error(`a ${parsed.scheme} serial in a ${table!.format} export`);
      }
      ranges.push({
        row: rows,
        namespace: interned.of(parsed.namespace)!,
        start: parsed.range.start,
        end: parsed.range.end,
        canonical: detachedText(parsed.canonical),
        project: interned.of(projectOf(parsed.attributes))!,
        kind: read.kind,
        retiredOn: interned.of(read.retiredOn),
        beneficiary: interned.of(read.beneficiary),
        registry: interned.of(read.registry),
        reference: read.reference === undefined ? undefined : detachedText(read.reference),
      });
    } catch (error) {
      unreadable({ row: rows, serial: read?.serial ?? cells.join(',').slice(0, 200), message: (error as Error).message });
    }
    }
  }
  if (!bound) throw new DomainError('VALIDATION_FAILED', 'the export is empty: no header row', { errors: [{ field: 'body', message: 'has no header row' }] });
  return { table: table!, bound, rows, ranges };
}
