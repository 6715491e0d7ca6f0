import { DomainError } from '@registry/domain';
import { createHash } from 'node:crypto';
import type { DataSource } from 'typeorm';

/**
 * PostgreSQL cannot store U+0000 in text (it fails the statement), SQLite can: both engines refuse it
 * here, alike, so an id or a field with a NUL that slipped past validation is a 400, never a 500.
 */
function refuseNul(params: readonly unknown[]): void {
  if (params.some((p) => typeof p === 'string' && p.includes('\u0000'))) {
    throw new DomainError('VALIDATION_FAILED', 'text may not contain the NUL character (U+0000)', {
      errors: [{ field: 'request', message: 'contains the NUL character (U+0000)' }],
    });
  }
}

/** Raw SQL written with `?` placeholders, run on either engine. */
export interface Sql {
  readonly postgres: boolean;
  query<T = Record<string, unknown>>(text: string, params?: unknown[]): Promise<T[]>;
  one<T = Record<string, unknown>>(text: string, params?: unknown[]): Promise<T | null>;
}

/** What PgSql needs of a pg Pool or PoolClient. */
export interface PgQueryable {
  query(config: { text: string; values: unknown[]; name?: string }): Promise<{ rows: unknown[] }>;
}

export interface PgPoolClient extends PgQueryable {
  query(text: string): Promise<unknown>;
  query(config: { text: string; values: unknown[]; name?: string }): Promise<{ rows: unknown[] }>;
  release(error?: Error): void;
}

export interface PgPool extends PgQueryable {
  connect(): Promise<PgPoolClient>;
  query(text: string): Promise<unknown>;
  query(config: { text: string; values: unknown[]; name?: string }): Promise<{ rows: unknown[] }>;
}

/** The pg Pool under TypeORM's PostgreSQL driver: every store and the unit of work query through it. */
export function pgPoolOf(dataSource: DataSource): PgPool {
  return (dataSource.driver as unknown as { master: PgPool }).master;
}

/** Statements worth keeping prepared: the fixed texts of the stores, not ones built for a row count. */
const PREPARABLE = /^\s*(SELECT|INSERT|UPDATE|DELETE|WITH)\b/i;
const MAX_PREPARED_PARAMETERS = 32;
const statementNames = new Map<string, string>();

/** A stable name per statement text: pg prepares it once per connection and reuses the plan. */
function statementName(text: string, parameters: number): string | undefined {
  if (parameters > MAX_PREPARED_PARAMETERS || !PREPARABLE.test(text)) return undefined;
  let name = statementNames.get(text);
  if (!name) {
    name = `s${createHash('sha1').update(text).digest('hex').slice(0, 20)}`;
    statementNames.set(text, name);
  }
  return name;
}

/**
 * PostgreSQL on a pg connection (a transaction's client) or the pool (plain reads), with the
 * stores' statements prepared once per connection. Rows come back as pg gives them, for UPDATE …
 * RETURNING too (TypeORM's query() answers [rows, count] there).
 */
export class PgSql implements Sql {
  readonly postgres = true;

  constructor(private readonly db: PgQueryable) {}

  async query<T>(text: string, params: unknown[] = []): Promise<T[]> {
    refuseNul(params);
    let n = 0;
    const numbered = text.replace(/\?/g, () => `$${++n}`);
    const result = await this.db.query({ text: numbered, values: params, name: statementName(numbered, params.length) });
    return result.rows as T[];
  }

  async one<T>(text: string, params: unknown[] = []): Promise<T | null> {
    return (await this.query<T>(text, params))[0] ?? null;
  }
}

interface NativeStatement {
  reader: boolean;
  all(...params: unknown[]): unknown[];
  run(...params: unknown[]): unknown;
}

export interface NativeSqliteHandle {
  prepare(text: string): NativeStatement;
  exec(text: string): unknown;
  /** False once a transaction has ended, including when SQLite rolled it back by itself. */
  readonly inTransaction: boolean;
}

/** SQLite on the driver's own better-sqlite3 handle, with prepared statements kept for reuse. */
export class NativeSqliteSql implements Sql {
  readonly postgres = false;
  private readonly statements = new Map<string, NativeStatement>();

  constructor(readonly handle: NativeSqliteHandle) {}

  query<T>(text: string, params: unknown[] = []): Promise<T[]> {
    try {
      refuseNul(params);
      const statement = this.prepared(text);
      return Promise.resolve((statement.reader ? statement.all(...params) : (statement.run(...params), [])) as T[]);
    } catch (error) {
      return Promise.reject(error);
    }
  }

  async one<T>(text: string, params: unknown[] = []): Promise<T | null> {
    return (await this.query<T>(text, params))[0] ?? null;
  }

  private prepared(text: string): NativeStatement {
    let statement = this.statements.get(text);
    if (!statement) {
      statement = this.handle.prepare(text);
      this.statements.set(text, statement);
    }
    return statement;
  }
}

/** A row count for a statement's text (LIMIT), never from a caller's string: only a safe non-negative integer passes. */
export function sqlRowCount(count: number): string {
  if (!Number.isSafeInteger(count) || count < 0) throw new RangeError(`not a row count: ${count}`);
  return String(count);
}
