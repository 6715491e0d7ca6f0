import Database from 'better-sqlite3';
import { createHash } from 'node:crypto';
import { withPg } from './test-engine';

interface BlockLine {
  scheme: string;
  namespace: string;
  start_serial: string;
  end_serial: string;
  status: string;
  evidence_registry: string | null;
  evidence_reference: string | null;
}

const QUERY = `SELECT scheme, namespace, CAST(start_serial AS TEXT) AS start_serial, CAST(end_serial AS TEXT) AS end_serial, status,
  evidence_registry, evidence_reference FROM serial_blocks WHERE closed_seq IS NULL AND owner_id = $1 ORDER BY namespace, start_serial`;

/**
 * What an organisation holds, as one digest over its live blocks in order (ids and sequence numbers,
 * which differ between two databases, left out): two ledgers with the same digest hold the same
 * serials in the same blocks, under the same evidence.
 */
export async function holdingsDigest(env: Record<string, string>, ownerId: string): Promise<{ blocks: number; digest: string }> {
  const hash = createHash('sha256');
  let blocks = 0;
  const add = (b: BlockLine) => {
    blocks++;
    hash.update(`${b.scheme}|${b.namespace}|${b.start_serial}|${b.end_serial}|${b.status}|${b.evidence_registry}|${b.evidence_reference}\n`);
  };
  if (env.DATABASE_URL) {
    const url = new URL(env.DATABASE_URL);
    const schema = /search_path=([^,]+)/.exec(url.searchParams.get('options') ?? '')?.[1];
    await withPg(async (client) => {
      if (schema) await client.query(`SET search_path TO ${schema}, public`);
      (await client.query<BlockLine>(QUERY, [ownerId])).rows.forEach(add);
    });
  } else {
    const db = new Database(env.SQLITE_PATH!, { readonly: true });
    try {
      for (const row of db.prepare(QUERY.replace('$1', '?')).iterate(ownerId)) add(row as BlockLine);
    } finally {
      db.close();
    }
  }
  return { blocks, digest: hash.digest('hex') };
}

/** How many rows of an import are committed (the kill -9 test waits for some before killing). */
export async function importRowsDone(env: Record<string, string>): Promise<number> {
  const sql = 'SELECT COALESCE(MAX(rows_done), 0) AS done FROM imports';
  if (env.DATABASE_URL) {
    const url = new URL(env.DATABASE_URL);
    const schema = /search_path=([^,]+)/.exec(url.searchParams.get('options') ?? '')?.[1];
    return withPg(async (client) => {
      if (schema) await client.query(`SET search_path TO ${schema}, public`);
      try {
        return Number((await client.query<{ done: string }>(sql)).rows[0]?.done ?? 0);
      } catch {
        return 0; // not migrated yet
      }
    });
  }
  try {
    const db = new Database(env.SQLITE_PATH!, { readonly: true, timeout: 5000 });
    try {
      return Number((db.prepare(sql).get() as { done: number }).done);
    } finally {
      db.close();
    }
  } catch {
    return 0; // the file or the table is not there yet
  }
}
