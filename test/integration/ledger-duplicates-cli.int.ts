import { execFile } from 'node:child_process';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { plantLegacyDoubleRetirement } from '../support/legacy-ledger';
import { assertBuilt, BUILT } from '../support/processes';

const run = promisify(execFile);

async function duplicates(env: Record<string, string>): Promise<{ code: number; lines: string[] }> {
  try {
    const { stdout } = await run(process.execPath, [BUILT.cli, 'ledger', 'duplicates'], { env: { PATH: process.env.PATH ?? '', ...env } });
    return { code: 0, lines: stdout.trim().split('\n').filter(Boolean) };
  } catch (error) {
    const e = error as { code: number; stdout: string };
    return { code: e.code, lines: e.stdout.trim().split('\n').filter(Boolean) };
  }
}

describe('npm run cli -- ledger duplicates', () => {
  beforeAll(() => assertBuilt());

  it('lists the double retirement planted under the old keys (exit code 3) after the migration kept both rows', async () => {
    const legacy = await plantLegacyDoubleRetirement();
    try {
      const env = { ...legacy.database.env, CERTIFICATE_KEYS_DIR: join(mkdtempSync(join(tmpdir(), 'cli-keys-')), 'keys') };
      const found = await duplicates(env);
      expect(found.code).toBe(3);
      expect(found.lines).toHaveLength(1);
      const pair = JSON.parse(found.lines[0]!);
      expect(pair.namespace).toBe('JCREDIT_REGISTRY:JCL-ERL-LEG1');
      expect(pair.records.map((r: { retirementId: string }) => r.retirementId)).toEqual(legacy.retirementIds);
      expect(pair.records[1].resolve).toBe(`POST /v1/retirements/${legacy.retirementIds[1]}/void {"reason": "…"}`);
    } finally {
      await legacy.database.drop();
    }
  }, 60_000);
});
