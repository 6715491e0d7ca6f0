import {
  bindExportLayout,
  detectExportLayout,
  ExportRowError,
  REGISTRY_EXPORT_FORMATS,
  REGISTRY_EXPORT_TABLES,
  type ExportRow,
  type RegistryExportFormat,
} from '@registry/domain';
import type { HoldingsFormat, RowReader } from './holdings-format';

/**
 * The managing registries' public exports (libs/domain registry-exports: one table per format) read
 * as holdings statements: a row the registry shows as issued and not retired is a holding, held
 * under the export itself as evidence; a retired or cancelled row is reported (refused with its
 * reason), never registered. The registry's own CSV keeps its own reader (REGISTRY_FORMAT).
 */
export function exportHoldingsFormat(format: Exclude<RegistryExportFormat, 'registry'>): HoldingsFormat {
  const table = REGISTRY_EXPORT_TABLES[format];
  return {
    name: format,
    matches: (header) => detectExportLayout(header, format).layout !== undefined,
    reader: (header): RowReader => {
      const { layout } = detectExportLayout(header, format);
      const bound = bindExportLayout(layout!, header);
      return (cells) => {
        let row: ExportRow;
        try {
          row = bound.read(cells);
        } catch (error) {
          if (!(error instanceof ExportRowError)) throw error;
          const serial = cells[header.findIndex((h) => h.trim().toLowerCase() === layout!.columns.serial.toLowerCase())] ?? '';
          return { refused: { code: 'VALIDATION_FAILED', message: `${error.column}: ${error.message}`, serial } };
        }
        if (row.kind !== 'holding') {
          const when = row.retiredOn ? ` on ${row.retiredOn}` : '';
          return {
            refused: {
              code: 'NOT_A_HOLDING',
              message: `status: ${table.registry} shows this block ${row.kind === 'retirement' ? 'retired' : 'cancelled'}${when}; only held blocks are imported (reconcile retirement exports)`,
              serial: row.serial,
            },
          };
        }
        // The export is the evidence: the same file read again gives the same evidence, so its rows are skipped.
        const issued = row.issuedOn ? `, issued ${row.issuedOn}` : '';
        return { serial: row.serial, scheme: row.scheme ?? '', registry: table.registry, reference: `${format} ${layout!.name} export${issued}` };
      };
    },
  };
}

/** Every managing registry's export format, in the order the header detector tries them. */
export const EXPORT_HOLDINGS_FORMATS: HoldingsFormat[] = REGISTRY_EXPORT_FORMATS.filter(
  (format): format is Exclude<RegistryExportFormat, 'registry'> => format !== 'registry',
).map(exportHoldingsFormat);
