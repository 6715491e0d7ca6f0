import type { EntityManager } from 'typeorm';
import { isPostgres } from '../dialect';

/** Raw SQL written with `?` placeholders, run on either engine. */
export class Sql {
  readonly postgres: boolean;

  constructor(private readonly em: EntityManager) {
    this.postgres = isPostgres(em);
  }

  query<T = Record<string, unknown>>(text: string, params: unknown[] = []): Promise<T[]> {
    if (!this.postgres) return this.em.query(text, params);
    let n = 0;
    return this.em.query(text.replace(/\?/g, () => `$${++n}`), params);
  }

  async one<T = Record<string, unknown>>(text: string, params: unknown[] = []): Promise<T | null> {
    const rows = await this.query<T>(text, params);
    return rows[0] ?? null;
  }
}
