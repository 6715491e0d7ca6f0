import { spawn, spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { Client } from 'pg';
import { BackupRefusedError } from './backup-refused';

/**
 * pg_dump/pg_restore take the connection as a libpq URI, which does not read the `options` parameter
 * the way node-postgres does (a `+` stays a `+`), and a password on a command line shows in `ps`.
 * So: the schema named first in `options=-c search_path=…` (else public), the URI without options or
 * password, and the password through PGPASSWORD.
 */
export function libpqTarget(databaseUrl: string): { uri: string; schema: string; env: NodeJS.ProcessEnv } {
  const url = new URL(databaseUrl);
  const schema = /search_path=([^\s,]+)/.exec(url.searchParams.get('options') ?? '')?.[1] ?? 'public';
  const password = url.password ? decodeURIComponent(url.password) : undefined;
  url.searchParams.delete('options');
  url.password = '';
  return { uri: url.toString(), schema, env: password ? { ...process.env, PGPASSWORD: password } : process.env };
}

function requireTool(tool: 'pg_dump' | 'pg_restore'): void {
  const probe = spawnSync(tool, ['--version'], { encoding: 'utf8' });
  if (probe.error || probe.status !== 0) {
    throw new BackupRefusedError(
      `${tool} was not found on PATH: install the PostgreSQL client tools of the server's major version or newer (e.g. apt-get install postgresql-client)`,
    );
  }
}

function run(tool: string, args: string[], env: NodeJS.ProcessEnv): Promise<void> {
  return new Promise((resolve, reject) => {
    const child = spawn(tool, args, { env, stdio: ['ignore', 'inherit', 'pipe'] });
    let stderr = '';
    child.stderr.on('data', (chunk) => (stderr += chunk));
    child.once('error', reject);
    child.once('exit', (code) => (code === 0 ? resolve() : reject(new BackupRefusedError(`${tool} failed (exit code ${code}):\n${stderr.trim()}`))));
  });
}

/** pg_dump's custom format (-Fc: compressed, restorable table by table) of the configured database, or of its schema when DATABASE_URL names one. */
export async function backupPostgres(databaseUrl: string, file: string): Promise<{ files: string[]; schema: string }> {
  requireTool('pg_dump');
  if (existsSync(file)) throw new BackupRefusedError(`${file} exists: a backup never overwrites a file; choose another name`);
  const { uri, schema, env } = libpqTarget(databaseUrl);
  const only = schema === 'public' ? [] : [`--schema=${schema}`];
  await run('pg_dump', ['--format=custom', `--file=${file}`, ...only, `--dbname=${uri}`], env);
  return { files: [file], schema };
}

/**
 * pg_restore into the configured database, in one transaction (a failed restore leaves nothing).
 * Refuses a schema that has tables unless forced; forced, the schema is dropped and made again.
 */
export async function restorePostgres(file: string, databaseUrl: string, force: boolean): Promise<{ schema: string }> {
  requireTool('pg_restore');
  if (!existsSync(file)) throw new BackupRefusedError(`${file} does not exist`);
  const { uri, schema, env } = libpqTarget(databaseUrl);
  const client = new Client({ connectionString: databaseUrl });
  await client.connect();
  try {
    const { rows } = await client.query<{ n: string }>(`SELECT count(*) AS n FROM information_schema.tables WHERE table_schema = $1`, [schema]);
    const tables = Number(rows[0].n);
    if (tables > 0 && !force) {
      throw new BackupRefusedError(
        `schema ${schema} of the configured database (DATABASE_URL) is not empty (${tables} tables): restore into an empty database, or pass --force (with the API stopped) to drop the schema and restore`,
      );
    }
    const quoted = `"${schema.replace(/"/g, '""')}"`;
    // The dump makes a named schema itself; public always exists (and must, for the extension).
    if (schema !== 'public') await client.query(`DROP SCHEMA IF EXISTS ${quoted} CASCADE`);
    else if (tables > 0) await client.query(`DROP SCHEMA public CASCADE; CREATE SCHEMA public`);
    // A dump of one schema leaves out the extension the overlap guard (EXCLUDE … USING gist) needs.
    await client.query(`CREATE EXTENSION IF NOT EXISTS btree_gist SCHEMA public`);
  } finally {
    await client.end();
  }
  await run('pg_restore', ['--no-owner', '--no-privileges', '--single-transaction', '--exit-on-error', `--dbname=${uri}`, file], env);
  return { schema };
}
