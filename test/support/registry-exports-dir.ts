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
