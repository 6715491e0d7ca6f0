import { existsSync } from 'node:fs';
import path from 'node:path';

const REPO_ROOT = path.resolve(__dirname, '..', '..');

/**
 * The real registry exports (CI checks them out beside the clone: <repo>/../shared/...; a helper's
 * worktree sits one level deeper). Null when absent: the tests that need them skip, saying so.
 */
export function registryExportsDir(): string | null {
  const candidates = [process.env.REGISTRY_EXPORTS_DIR, path.resolve(REPO_ROOT, '..', 'shared'), path.resolve(REPO_ROOT, '..', '..', 'shared')]
    .filter((dir): dir is string => dir !== undefined)
    .map((dir) => (dir.endsWith('registry-exports') ? dir : path.join(dir, 'fixtures', 'registry-exports')));
  return candidates.find((dir) => existsSync(dir)) ?? null;
}

/**
 * The real exports with serials, as a holdings import reads them: issued blocks are held (the export is
 * the evidence); retired or cancelled rows are reported (NOT_A_HOLDING), never registered.
 */
export const HOLDINGS_EXPORT_CASES: { file: string; format: string; total: number; accepted: number }[] = [
  { file: 'verra/transactions.csv', format: 'verra', total: 200, accepted: 100 },
  { file: 'gold-standard/issuances.csv', format: 'gold-standard', total: 100, accepted: 100 },
  { file: 'cercarbono/issuances.csv', format: 'cercarbono', total: 100, accepted: 100 },
  { file: 'gold-standard/retirements.csv', format: 'gold-standard', total: 100, accepted: 0 },
  { file: 'american-carbon-registry/retirements.csv', format: 'acr', total: 100, accepted: 0 },
  { file: 'american-carbon-registry/cancellations.csv', format: 'acr', total: 50, accepted: 0 },
  { file: 'climate-action-reserve/retirements.csv', format: 'car', total: 100, accepted: 0 },
  { file: 'climate-action-reserve/cancellations.csv', format: 'car', total: 50, accepted: 0 },
  { file: 'art-trees/retirements.csv', format: 'art', total: 8, accepted: 0 },
  { file: 'art-trees/cancellations.csv', format: 'art', total: 3, accepted: 0 },
  { file: 'cercarbono/retirements.csv', format: 'cercarbono', total: 100, accepted: 0 },
];
