import { foldedWords } from '../text/folded-words';
import type { RegistryExportTable } from './export-layout';

/** Padded with spaces, so that `includes` finds whole words only. */
const words = (text: string) => ` ${foldedWords(text)} `;

/**
 * Whether a free-text evidence `registry` ("Verra Registry", "VCS", "verra.org") names the
 * table's registry: one of its names appears as whole words. The registry's own format names the
 * registry on each row, given as `rowRegistry`.
 */
export function evidenceNamesRegistry(table: RegistryExportTable, evidenceRegistry: string | null | undefined, rowRegistry?: string): boolean {
  if (!evidenceRegistry) return false;
  const evidence = words(evidenceRegistry);
  if (table.format === 'registry') return rowRegistry !== undefined && words(rowRegistry) === evidence;
  return table.evidenceNames.some((name) => evidence.includes(words(name)));
}
