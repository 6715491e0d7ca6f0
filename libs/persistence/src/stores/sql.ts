import { DomainError } from '@registry/domain';
import type { EntityManager } from 'typeorm';

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

/** PostgreSQL through TypeORM's pooled connection (inside its transaction when there is one). */
export class TypeOrmPostgresSql implements Sql {
  readonly postgres = true;

  constructor(private readonly em: EntityManager) {}

  query<T>(text: string, params: unknown[] = []): Promise<T[]> {
    refuseNul(params);
    let n = 0;
    return this.em.query(text.replace(/\?/g, () => `$${++n}`), params);
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
