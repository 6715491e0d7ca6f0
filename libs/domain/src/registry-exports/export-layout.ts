import type { SchemeCode } from '../schemes/scheme-catalog';

/** Formats of the managing registries' public exports, plus the registry's own CSV. */
export const REGISTRY_EXPORT_FORMATS = ['verra', 'gold-standard', 'acr', 'car', 'art', 'cercarbono', 'registry'] as const;
export type RegistryExportFormat = (typeof REGISTRY_EXPORT_FORMATS)[number];

/** What a row says about its block: still issued/held there, retired there, or cancelled there (e.g. converted to a compliance unit). */
export type ExportRowKind = 'holding' | 'retirement' | 'cancellation';

/**
 * The columns of one export layout, by header name. A format may publish several layouts (ACR's
 * retirements and cancellations files differ); each layout is one table.
 */
export interface ExportColumns {
  /** The serial column; cercarbono's retirements spread the range over `serial`, `from`, `to`. */
  readonly serial: string;
  readonly quantity?: string;
  readonly issuanceDate?: string;
  readonly retirementDate?: string;
  readonly beneficiary?: string;
  readonly retirementReason?: string;
  readonly status?: string;
  /** The registry's own format: the evidence columns and the scheme label. */
  readonly scheme?: string;
  readonly registry?: string;
  readonly reference?: string;
  /** Extra columns a layout needs to read its serial (cercarbono: range bounds, issued size). */
  readonly rangeFrom?: string;
  readonly rangeTo?: string;
}

/** The cells of one row, looked up by the layout's column roles. */
export type ColumnReader = (role: keyof ExportColumns) => string;

export interface ExportLayout {
  readonly format: RegistryExportFormat;
  /** Which file of the registry this layout reads, for messages ("retirements", "cancellations"...). */
  readonly name: string;
  readonly columns: ExportColumns;
  /** Columns that must all be in the header for the layout to apply (besides those in `columns`). */
  readonly signature?: readonly string[];
  /** Columns of `columns` that may be missing from the header (their cells read as empty). */
  readonly optional?: readonly (keyof ExportColumns)[];
  /** The serial text the grammars read; by default the serial column as printed. */
  readonly serialText?: (cell: ColumnReader) => string;
  /** Holding, retirement or cancellation; `undefined` when the row's status is not one the layout knows. */
  readonly kind: (cell: ColumnReader) => ExportRowKind | undefined;
}

export interface RegistryExportTable {
  readonly format: RegistryExportFormat;
  /** The managing registry, as the scheme catalogue names it. */
  readonly registry: string;
  /** Words that identify this registry in a free-text evidence `registry` field (normalised, whole words). */
  readonly evidenceNames: readonly string[];
  readonly schemes: readonly SchemeCode[];
  readonly layouts: readonly ExportLayout[];
}
