import { randomBytes } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Client } from 'pg';

/**
 * Which engines the current jest project runs against. The e2e project uses a temp SQLite file and
 * in-process jobs; the integration project runs the very same suites on PostgreSQL and Redis.
 */
export const TEST_ENGINE: 'sqlite' | 'postgres' = process.env.REGISTRY_TEST_ENGINE === 'postgres' ? 'postgres' : 'sqlite';
export const TEST_REDIS_URL: string | undefined = process.env.REGISTRY_TEST_REDIS_URL || undefined;
const PG_BASE_URL = process.env.REGISTRY_TEST_PG_URL ?? 'postgres://postgres@127.0.0.1:5432/test';

export interface TestDatabase {
  env: Record<string, string>;
  drop(): Promise<void>;
}

export function uniqueName(prefix: string): string {
  return `${prefix}_${randomBytes(6).toString('hex')}`;
}

/** A fresh, empty database: a temp SQLite file, or a new schema in the PostgreSQL test database. */
export async function createTestDatabase(engine = TEST_ENGINE): Promise<TestDatabase> {
  if (engine === 'sqlite') {
    const dir = mkdtempSync(join(tmpdir(), 'registry-test-'));
    return { env: { SQLITE_PATH: join(dir, 'registry.sqlite') }, drop: async () => rmSync(dir, { recursive: true, force: true }) };
  }
  const schema = uniqueName('t');
  await withPg((c) => c.query(`CREATE SCHEMA ${schema}`));
  const url = new URL(PG_BASE_URL);
  url.searchParams.set('options', `-c search_path=${schema},public`);
  return {
    env: { DATABASE_URL: url.toString() },
    drop: () => withPg((c) => c.query(`DROP SCHEMA IF EXISTS ${schema} CASCADE`)).then(() => undefined),
  };
}

export async function withPg<T>(work: (client: Client) => Promise<T>, url = PG_BASE_URL): Promise<T> {
  const client = new Client({ connectionString: url });
  await client.connect();
  try {
    return await work(client);
  } finally {
    await client.end();
  }
}
