import { missingColumns } from './bind-export-layout';
import type { ExportLayout, RegistryExportFormat } from './export-layout';
import { REGISTRY_EXPORT_FORMATS } from './export-layout';
import { REGISTRY_EXPORT_TABLES } from './registry-export-tables';

/** Layouts that read this header, most specific first (the one that names the most of its columns). */
function candidates(header: readonly string[], formats: readonly RegistryExportFormat[]): ExportLayout[] {
  const specificity = (layout: ExportLayout) => Object.values(layout.columns).length + (layout.signature?.length ?? 0) - (layout.optional?.length ?? 0);
  return formats
    .flatMap((format) => REGISTRY_EXPORT_TABLES[format].layouts)
    .filter((layout) => missingColumns(layout, header).length === 0)
    .sort((a, b) => specificity(b) - specificity(a));
}

export type LayoutChoice = { readonly layout: ExportLayout } | { readonly layout?: undefined; readonly problem: string };

/**
 * Picks the layout of an export from its header row, within `format` when the caller named one.
 * Pure: no file access; the header cells as parsed from the CSV.
 */
export function detectExportLayout(header: readonly string[], format?: RegistryExportFormat): LayoutChoice {
  const formats = format ? [format] : REGISTRY_EXPORT_FORMATS;
  const [best] = candidates(header, formats);
  if (best) return { layout: best };
  if (format) {
    const closest = REGISTRY_EXPORT_TABLES[format].layouts
      .map((layout) => ({ layout, missing: missingColumns(layout, header) }))
      .sort((a, b) => a.missing.length - b.missing.length)[0]!;
    return { problem: `not a ${format} export: the header lacks ${closest.missing.join(', ')}` };
  }
  return { problem: `the header matches no known export format (${REGISTRY_EXPORT_FORMATS.join(', ')})` };
}

export function isRegistryExportFormat(value: unknown): value is RegistryExportFormat {
  return typeof value === 'string' && (REGISTRY_EXPORT_FORMATS as readonly string[]).includes(value);
}
