import 'reflect-metadata';
import { loadConfig } from '@registry/config';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createApiApp } from './create-api-app';
import { buildOpenApiDocument } from './http/openapi';

/** `npm run openapi`: writes the document the API serves at /docs-json to openapi.json (committed; a test compares them). */
async function main(): Promise<void> {
  const scratch = mkdtempSync(join(tmpdir(), 'openapi-'));
  const config = loadConfig({ NODE_ENV: 'development', LOG_LEVEL: 'silent', SQLITE_PATH: join(scratch, 'registry.sqlite') });
  const app = await createApiApp(config);
  try {
    await app.init();
    writeFileSync(process.argv[2] ?? 'openapi.json', `${JSON.stringify(buildOpenApiDocument(app), null, 2)}\n`);
  } finally {
    await app.close();
    rmSync(scratch, { recursive: true, force: true });
  }
}

main().catch((error: unknown) => {
  process.stderr.write(`${error instanceof Error ? error.stack : String(error)}\n`);
  process.exit(1);
});
