import type { BlockRecord, ImportProgress, ImportRecord, ImportStatus, ImportStore, ReachingBlock, RefusedRowRecord } from '@registry/ledger/ports';
import { isUniqueViolation } from '../database-errors';
import type { Sql } from './sql';

interface ImportRow {
  id: string;
  organization_id: string;
  actor: string;
  kind: 'holdings';
  format: string | null;
  dry_run: number | boolean;
  status: ImportStatus;
  total: number | string;
  accepted: number | string;
  skipped: number | string;
  refused: number | string;
  rows_done: number | string;
  error: string | null;
  created_at: string;
  updated_at: string;
}

interface ReachingRow {
  start_serial: string;
  end_serial: string;
  status: 'held' | 'retired';
  owner_id: string | null;
  evidence_registry: string | null;
  evidence_reference: string | null;
}

export class SqlImportStore implements ImportStore {
  constructor(private readonly sql: Sql) {}

  async insert(r: ImportRecord): Promise<void> {
    await this.sql.query(
      `INSERT INTO imports (id, organization_id, actor, kind, format, dry_run, status, total, accepted, skipped, refused, rows_done, error, created_at, updated_at)
       VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
      [r.id, r.organizationId, r.actor, r.kind, r.format, this.sql.postgres ? r.dryRun : Number(r.dryRun), r.status, r.total, r.accepted, r.skipped, r.refused, r.rowsDone, r.error, r.createdAt, r.updatedAt],
    );
  }

  async find(id: string): Promise<ImportRecord | null> {
    const row = await this.sql.one<ImportRow>(`SELECT * FROM imports WHERE id = ?`, [id]);
    return row ? toRecord(row) : null;
  }

  async listForOrganization(organizationId: string, before: { createdAt: string; id: string } | undefined, limit: number): Promise<ImportRecord[]> {
    const after = before ? `AND (created_at < ? OR (created_at = ? AND id < ?))` : '';
    const rows = await this.sql.query<ImportRow>(`SELECT * FROM imports WHERE organization_id = ? ${after} ORDER BY created_at DESC, id DESC LIMIT ?`, [
      organizationId,
      ...(before ? [before.createdAt, before.createdAt, before.id] : []),
      limit,
    ]);
    return rows.map(toRecord);
  }

  async setStatus(id: string, status: ImportStatus, at: string, fields: { format?: string; error?: string | null } = {}): Promise<void> {
    await this.sql.query(
      `UPDATE imports SET status = ?, updated_at = ?, format = COALESCE(?, format), error = CASE WHEN ? = 1 THEN NULL ELSE COALESCE(?, error) END WHERE id = ?`,
      [status, at, fields.format ?? null, fields.error === null ? 1 : 0, fields.error?.slice(0, 1000) ?? null, id],
    );
  }

  async addProgress(id: string, p: ImportProgress, at: string): Promise<void> {
    await this.sql.query(
      `UPDATE imports SET rows_done = ?, total = total + ?, accepted = accepted + ?, skipped = skipped + ?, refused = refused + ?, updated_at = ? WHERE id = ?`,
      [p.rowsDone, p.total, p.accepted, p.skipped, p.refused, at, id],
    );
  }

  async insertRefused(importId: string, rows: readonly RefusedRowRecord[]): Promise<void> {
    for (const r of rows) {
      await this.sql.query(`INSERT INTO import_refused_rows (import_id, row_number, serial, code, message) VALUES (?, ?, ?, ?, ?)`, [
        importId,
        r.row,
        r.serial,
        r.code,
        r.message,
      ]);
    }
  }

  async refusedPage(importId: string, afterRow: number, limit: number): Promise<RefusedRowRecord[]> {
    const rows = await this.sql.query<{ row_number: number | string; serial: string; code: string; message: string }>(
      `SELECT row_number, serial, code, message FROM import_refused_rows WHERE import_id = ? AND row_number > ? ORDER BY row_number LIMIT ?`,
      [importId, afterRow, limit],
    );
    return rows.map((r) => ({ row: Number(r.row_number), serial: r.serial, code: r.code, message: r.message }));
  }

  async appendSourceChunk(importId: string, chunk: number, content: Buffer): Promise<void> {
    await this.sql.query(`INSERT INTO import_source_chunks (import_id, chunk, content) VALUES (?, ?, ?)`, [importId, chunk, content]);
  }

  async markSourceComplete(importId: string, at: string): Promise<void> {
    await this.sql.query(`UPDATE imports SET source_complete = ${this.sql.postgres ? 'true' : '1'}, updated_at = ? WHERE id = ?`, [at, importId]);
  }

  async unfinishedUploads(before: string, limit: number): Promise<string[]> {
    const complete = this.sql.postgres ? 'source_complete' : 'source_complete = 1';
    const rows = await this.sql.query<{ id: string }>(
      `SELECT id FROM imports WHERE status IN ('queued', 'running') AND updated_at < ? AND ${complete} ORDER BY updated_at LIMIT ?`,
      [before, limit],
    );
    return rows.map((r) => r.id);
  }

  async sourceChunk(importId: string, chunk: number): Promise<Buffer | null> {
    const row = await this.sql.one<{ content: Buffer | Uint8Array }>(`SELECT content FROM import_source_chunks WHERE import_id = ? AND chunk = ?`, [importId, chunk]);
    return row ? Buffer.from(row.content) : null;
  }

  async blockReaching(namespace: string, end: bigint): Promise<ReachingBlock | null> {
    // The partial index's predicate is written out, as the block store does, so the planner walks it.
    const unmarked = this.sql.postgres ? 'NOT identity_duplicate' : 'identity_duplicate = 0';
    const row = await this.sql.one<ReachingRow>(
      `SELECT CAST(start_serial AS TEXT) AS start_serial, CAST(end_serial AS TEXT) AS end_serial, status, owner_id, evidence_registry, evidence_reference
       FROM serial_blocks WHERE namespace = ? AND closed_seq IS NULL AND ${unmarked} AND start_serial <= ?
       ORDER BY serial_blocks.start_serial DESC LIMIT 1`,
      [namespace, String(end)],
    );
    if (!row) return null;
    return {
      start: BigInt(row.start_serial),
      end: BigInt(row.end_serial),
      status: row.status,
      ownerId: row.owner_id,
      evidenceRegistry: row.evidence_registry,
      evidenceReference: row.evidence_reference,
    };
  }

  async tryInsertHoldings(blocks: readonly BlockRecord[]): Promise<boolean> {
    if (blocks.length === 0) return true;
    // PostgreSQL aborts the whole transaction on a failed statement: a savepoint keeps the batch.
    // SQLite's RAISE(ABORT) undoes only the statement (every row of it).
    if (this.sql.postgres) await this.sql.query('SAVEPOINT import_rows');
    try {
      await this.sql.query(
        `INSERT INTO serial_blocks (id, scheme, namespace, start_serial, end_serial, attributes, status, owner_id,
           retirement_id, parent_id, evidence_registry, evidence_reference, created_seq, entered_on)
         VALUES ${blocks.map(() => HOLDING_VALUES).join(', ')}`,
        holdingParameters(blocks),
      );
    } catch (error) {
      if (!isRefusedBlock(error)) throw error;
      if (this.sql.postgres) await this.sql.query('ROLLBACK TO SAVEPOINT import_rows');
      return false;
    }
    if (this.sql.postgres) await this.sql.query('RELEASE SAVEPOINT import_rows');
    return true;
  }
}

const HOLDING_VALUES = `(?, ?, ?, ?, ?, ?, 'held', ?, NULL, NULL, ?, ?, ?, ?)`;

/** The statement's parameters in one flat array (an import binds millions: no array per row). */
function holdingParameters(blocks: readonly BlockRecord[]): unknown[] {
  const params: unknown[] = new Array(blocks.length * 11);
  let i = 0;
  for (const b of blocks) {
    params[i++] = b.id;
    params[i++] = b.scheme;
    params[i++] = b.namespace;
    params[i++] = String(b.start);
    params[i++] = String(b.end);
    params[i++] = JSON.stringify(b.attributes);
    params[i++] = b.ownerId;
    params[i++] = b.evidenceRegistry;
    params[i++] = b.evidenceReference;
    params[i++] = b.createdSeq;
    params[i++] = b.enteredOn;
  }
  return params;
}

/** The overlap trigger or exclusion constraint (23P01), the live-start unique index, or the identity trigger. */
function isRefusedBlock(error: unknown): boolean {
  const e = error as { message?: string; code?: string; driverError?: { code?: string } };
  const code = e?.driverError?.code ?? e?.code;
  return code === '23P01' || isUniqueViolation(error) || /SERIAL_OVERLAP|SERIAL_IDENTITY/.test(e?.message ?? '');
}

function toRecord(row: ImportRow): ImportRecord {
  return {
    id: row.id,
    organizationId: row.organization_id,
    actor: row.actor,
    kind: row.kind,
    format: row.format,
    dryRun: row.dry_run === true || Number(row.dry_run) === 1,
    status: row.status,
    total: Number(row.total),
    accepted: Number(row.accepted),
    skipped: Number(row.skipped),
    refused: Number(row.refused),
    rowsDone: Number(row.rows_done),
    error: row.error,
    createdAt: row.created_at,
    updatedAt: row.updated_at,
  };
}
