export * from './export-layout';
export { REGISTRY_EXPORT_TABLES } from './registry-export-tables';
export { bindExportLayout, missingColumns, normalizeHeaderName, ExportRowError } from './bind-export-layout';
export type { BoundExportLayout, ExportRow } from './bind-export-layout';
export { detectExportLayout, isRegistryExportFormat } from './detect-export-format';
export type { LayoutChoice } from './detect-export-format';
export { exportDate, daysBetween } from './export-dates';
export { evidenceNamesRegistry } from './evidence-names';
